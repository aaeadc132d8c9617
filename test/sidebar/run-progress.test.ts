import { describe, expect, it } from "vitest";
import { percentOf, planSteps, progressAfter, type RunProgress } from "../../sidebar/run-progress";
import { USERS_TAB } from "../../src/domain/tabs";
import { previewSync } from "../../src/sync/preview";
import { runSyncChunk } from "../../src/sync/runner";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { append, homeFor, SCENARIO_SITES, sandboxPerTest, usersOf, usersOnBothSites, writeScenario } from "../sync/scenario";

describe("the Sync panel's progress", () => {
  const sandbox = sandboxPerTest();

  it("counts the claimed users' secret questions: the bar moves while they go and is full only at the end", async () => {
    const on = await sandbox();
    const book = new MemoryWorkbook();
    const home = homeFor(on, book);
    await writeScenario(home, book);
    // Sixty users who sign in with a secret question: each claim is followed by a call of its own.
    const secret = {
      setupWizard: "Completed",
      pin: "274916",
      password: "Blue42horse!",
      secretQuestion: "What was the name of your first pet?",
      secretAnswer: "Rex the dog",
    };
    append(
      book,
      USERS_TAB,
      usersOnBothSites(30, 5000, "Many").map((u) => ({ ...u, ...secret })),
    );
    const plan = await previewSync(home, { sites: SCENARIO_SITES });
    expect(plan.claims.questions).toBe(61);
    const planned = planSteps(plan);
    let run: RunProgress = { done: 0, total: planned };
    const percents: number[] = [];
    for (let chunk = 0; chunk < 40; chunk++) {
      // Short chunks (30 s of platform time): the questions, paced at 40 a minute, take several.
      const report = await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 300, continues: chunk > 0 });
      run = progressAfter(run, planned, report);
      percents.push(percentOf(run, report.done));
      if (report.done) break;
    }
    expect(usersOf(book).filter((u) => u.status !== "Synced")).toEqual([]);
    expect(percents.length).toBeGreaterThanOrEqual(2);
    expect(percents.at(-1)).toBe(100);
    expect(percents.slice(0, -1).every((p) => p < 100)).toBe(true);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    // Every planned step was counted once: the bar told the truth all along.
    expect(run).toEqual({ done: planned, total: planned });
  }, 60_000);
});

import { describe, expect, it } from "vitest";
import { USERS_TAB } from "../../src/domain/tabs";
import { isSettled } from "../../src/sync/plan";
import { previewSync } from "../../src/sync/preview";
import { runSyncChunk } from "../../src/sync/runner";
import { columnIndex } from "../../src/workbook/codec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { readWorkspace } from "../../src/workbook/workspace-reader";
import {
  homeFor,
  outcome,
  SCENARIO_SITES,
  sandboxPerTest,
  settledScenario,
  syncUntilSettled,
  usersOf,
  writeScenario,
} from "./scenario";

const EXTENSIONS = "/restapi/v1.0/account/*/extension";

/** "The work is done, the answer is lost", and reads that fail: what the platform did, the sheet must come to know. */
describe("lost answers and failed reads", () => {
  const sandbox = sandboxPerTest();

  function setCell(book: MemoryWorkbook, email: string, key: "status" | "dept", value: string): void {
    const row = usersOf(book).find((u) => u.email === email)?.row ?? 0;
    const column = (columnIndex(USERS_TAB, book.read("Users")[0] ?? []).get(key) ?? 0) + 1;
    book.write("Users", { row, column, values: [[value]] });
  }

  it("creates and claims whose answers were lost are adopted, never made twice", async () => {
    const expected = await settledScenario(await sandbox());
    const on = await sandbox();
    const book = new MemoryWorkbook();
    const home = homeFor(on, book);
    await writeScenario(home, book);
    on.injectFault({ kind: "lose", method: "POST", path: EXTENSIONS, count: 2 });
    on.injectFault({ kind: "lose", method: "PUT", path: `${EXTENSIONS}/*`, count: 3 });
    await syncUntilSettled(home);
    expect(on.faultsFired().lose).toBe(5);
    expect(outcome(book, on)).toEqual(expected);
    expect(isSettled(await previewSync(home, { sites: SCENARIO_SITES }))).toBe(true);
  }, 60_000);

  it("a bulk update and a delete whose answers were lost end done: the row synced, the user gone, its line back", async () => {
    const on = await sandbox();
    const book = new MemoryWorkbook();
    const home = homeFor(on, book);
    await writeScenario(home, book);
    await syncUntilSettled(home);
    const ben = usersOf(book).find((u) => u.email === "ben@example.com");
    setCell(book, "cy@example.com", "dept", "Operations");
    setCell(book, "ben@example.com", "status", "Pending Delete");
    // Updates of synced users go through extension-bulk-update: the task is made, its answer lost.
    on.injectFault({ kind: "lose", method: "POST", path: `${EXTENSIONS}-bulk-update`, count: 1 });
    on.injectFault({ kind: "lose", method: "DELETE", path: `${EXTENSIONS}/*`, count: 1 });
    await syncUntilSettled(home, { confirmDeletes: true });

    expect(on.faultsFired().lose).toBe(2);
    const rows = usersOf(book);
    expect(rows.map((u) => u.email)).not.toContain("ben@example.com");
    expect(rows.find((u) => u.email === "cy@example.com")).toMatchObject({ status: "Synced", dept: "Operations" });
    expect(rows.filter((u) => u.status !== "Synced")).toEqual([]);
    const account = on.state().extensions;
    expect(account.find((e) => e.contact?.email === "cy@example.com")?.contact?.department).toBe("Operations");
    expect(account.some((e) => e.contact?.email === "ben@example.com")).toBe(false);
    expect(ben?.tempNumber).toMatch(/^\+1/);
    expect(readWorkspace(book).workspace.account.lines.map((l) => l.phone)).toContain(ben?.tempNumber);
    expect(isSettled(await previewSync(home, { sites: SCENARIO_SITES }))).toBe(true);
  }, 60_000);

  it("a read that outlasts the retries ends the chunk with a message and what was done written; the next run goes on", async () => {
    const expected = await settledScenario(await sandbox());
    const on = await sandbox();
    const book = new MemoryWorkbook();
    const home = homeFor(on, book);
    await writeScenario(home, book);
    // The refresh at the start fails (5 × 503 outlast 4 retries): nothing is sent, the chunk says why.
    on.injectFault({ kind: "5xx", status: 503, method: "GET", path: `${EXTENSIONS}`, count: 5 });
    const first = await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 60_000 });
    expect(first).toMatchObject({ done: false, created: 0, stop: { kind: "unavailable" } });
    expect(first.stop?.message).toMatch(/did not answer while reading the account .*sync again/);

    // The refresh at the end fails: the users made are written back; the chunk is not done; the next one finishes.
    let reads = 0;
    const second = await runSyncChunk(home, {
      scope: { sites: SCENARIO_SITES },
      budgetMs: 60_000,
      onStep: (done, total) => {
        if (done === total && reads++ === 0)
          on.injectFault({ kind: "5xx", status: 503, method: "GET", path: `${EXTENSIONS}`, count: 5 });
      },
    });
    expect(second).toMatchObject({ done: false, created: 7, stop: { kind: "unavailable" } });
    expect(usersOf(book).filter((u) => u.rcId).length).toBe(7);
    await syncUntilSettled(home);
    expect(on.faultsFired()["5xx"]).toBe(10);
    expect(outcome(book, on)).toEqual(expected);
  }, 60_000);

  it("a refused credential stops the run and says so", async () => {
    const on = await sandbox();
    const book = new MemoryWorkbook();
    await writeScenario(homeFor(on, book), book);
    const wrong = homeFor({ ...on, jwt: "not-a-jwt" }, book);
    const report = await runSyncChunk(wrong, { scope: { sites: SCENARIO_SITES }, budgetMs: 60_000 });
    expect(report.stop?.kind).toBe("credential");
    expect(report.stop?.message).toContain("refused the credential");
    expect(report.stop?.message).not.toContain("not-a-jwt");
  }, 60_000);
});

import { describe, expect, it } from "vitest";
import { USERS_TAB } from "../../src/domain/tabs";
import { runSyncChunk } from "../../src/sync/runner";
import { rowsAfterRemoval } from "../../src/sync/scope";
import { columnIndex } from "../../src/workbook/codec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { homeFor, SCENARIO_SITES, sandboxPerTest, syncUntilSettled, usersOf, writeScenario } from "./scenario";

describe("a run narrowed to chosen rows", () => {
  const sandbox = sandboxPerTest();

  it("renumbers rows as the rows above them leave: removed ones go, those below move up", () => {
    expect(rowsAfterRemoval([3, 5, 8, 9], [5, 7])).toEqual([3, 6, 7]);
    expect(rowsAfterRemoval([2, 4], [])).toEqual([2, 4]);
  });

  it("names the same users in every chunk after a chunk deleted rows above them, never the rows that moved up", async () => {
    const on = await sandbox();
    const book = new MemoryWorkbook();
    let now = Date.now();
    const home = { ...homeFor(on, book), clock: { now: () => now, sleep: async () => undefined } };
    await writeScenario(home, book);
    await syncUntilSettled(home);
    const header = book.read("Users")[0] ?? [];
    const column = (key: "status" | "dept") => (columnIndex(USERS_TAB, header).get(key) ?? 0) + 1;
    const [a, b, d, c] = usersOf(book).filter((u) => u.rcId && SCENARIO_SITES.includes(u.site));
    if (!a || !b || !c || !d || d.row !== b.row + 1) throw new Error("The scenario has no four synced rows in a row.");
    for (const user of [a, b, d]) book.write("Users", { row: user.row, column: column("status"), values: [["Pending Delete"]] });
    book.write("Users", { row: c.row, column: column("dept"), values: [["Field"]] });

    // Chosen: a and b (to delete) and c (to update); d is marked too, but not chosen. One step a chunk.
    let rows = [a.row, b.row, c.row];
    for (let chunk = 0; chunk < 10; chunk++) {
      const report = await runSyncChunk(home, {
        scope: { sites: SCENARIO_SITES, rows },
        budgetMs: 500,
        continues: chunk > 0,
        onStep: () => {
          now += 1_000;
        },
      });
      rows = report.rows ?? [];
      if (report.done) break;
    }
    const left = usersOf(book);
    expect(left.map((u) => u.email)).not.toContain(a.email);
    expect(left.map((u) => u.email)).not.toContain(b.email);
    expect(left.find((u) => u.email === d.email)?.status).toBe("Pending Delete");
    expect(left.find((u) => u.email === c.email)?.dept).toBe("Field");
    expect(on.state().extensions.some((e) => e.contact?.email === d.email)).toBe(true);
  }, 60_000);
});

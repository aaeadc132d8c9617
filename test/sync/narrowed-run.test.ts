import { describe, expect, it } from "vitest";
import { USERS_TAB } from "../../src/domain/tabs";
import { runSyncChunk } from "../../src/sync/runner";
import { chosenEmails } from "../../src/sync/scope";
import { columnIndex } from "../../src/workbook/codec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { user } from "../domain/fixture";
import { homeFor, SCENARIO_SITES, sandboxPerTest, syncUntilSettled, usersOf, writeScenario } from "./scenario";

describe("a run narrowed to chosen rows", () => {
  const sandbox = sandboxPerTest();

  it("names the chosen rows by their users' emails, in lower case, leaving rows without one out", () => {
    const users = [user({ email: "Ann@Example.com" }, 2), user({ email: "" }, 3), user({ email: "bo@example.com" }, 4)];
    expect(chosenEmails(users, [2, 3])).toEqual(["ann@example.com"]);
  });

  it("reaches the same users in every chunk while rows above them are deleted by the sync or inserted by hand", async () => {
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
    for (const chosen of [a, b, d])
      book.write("Users", { row: chosen.row, column: column("status"), values: [["Pending Delete"]] });
    book.write("Users", { row: c.row, column: column("dept"), values: [["Field"]] });

    // Chosen: a and b (to delete) and c (to update); d is marked too, but not chosen. One step a chunk.
    const scope = { sites: SCENARIO_SITES, emails: chosenEmails(usersOf(book), [a.row, b.row, c.row]) };
    for (let chunk = 0; chunk < 10; chunk++) {
      const report = await runSyncChunk(home, {
        scope,
        budgetMs: 500,
        continues: chunk > 0,
        onStep: () => {
          now += 1_000;
        },
      });
      // Meanwhile a person inserts a blank row at the top of the table: every row moves down one.
      if (chunk === 0) insertBlankRowAtTop(book);
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

function insertBlankRowAtTop(book: MemoryWorkbook): void {
  const [header = [], ...rows] = book.read("Users");
  const line = (cells: readonly unknown[]) => Array.from({ length: header.length }, (_, i) => (cells[i] ?? "") as string);
  book.write("Users", { row: 2, column: 1, values: [line([]), ...rows.map(line)] });
}

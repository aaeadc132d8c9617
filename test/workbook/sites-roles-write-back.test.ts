import { describe, expect, it } from "vitest";
import { ROLES_TAB, SITES_TAB } from "../../src/domain/tabs";
import { decodeTab } from "../../src/workbook/codec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import type { Cell } from "../../src/workbook/port";
import { setUpWorkspace } from "../../src/workbook/setup";
import { type RunWriteBack, writeRunResults } from "../../src/workbook/sync-write-back";

function line(tab: typeof SITES_TAB | typeof ROLES_TAB, cells: Record<string, string>): Cell[] {
  return tab.columns.map((c) => cells[c.key] ?? "");
}

/** Sites Dallas (row 2) and Boston (row 3), custom roles Auditor (row 2) and Temp (row 3), as a chunk reads them. */
function workspace(): MemoryWorkbook {
  const book = new MemoryWorkbook();
  setUpWorkspace(book);
  const sites = ["Dallas", "Boston"].map((name) => line(SITES_TAB, { name }));
  book.write("Sites", { row: 2, column: 1, values: sites });
  const roles = ["Auditor", "Temp"].map((name) => line(ROLES_TAB, { name, kind: "Custom", rcId: `r-${name}` }));
  book.write("Roles", { row: 2, column: 1, values: roles });
  return book;
}

/** A row inserted under the header, as Sheets' "Insert 1 row above" does: the rows below move down. */
function insertFirst(book: MemoryWorkbook, sheet: string, first: Cell[]): void {
  const [header, ...rows] = book.read(sheet);
  book.write(sheet, { row: 2, column: 1, values: [first, ...rows].map((l) => (header ?? []).map((_, c) => l[c] ?? "")) });
}

const names = {
  sites: new Map([
    [2, "Dallas"],
    [3, "Boston"],
  ]),
  roles: new Map([
    [2, "Auditor"],
    [3, "Temp"],
  ]),
};

const results = (more: Partial<RunWriteBack>): RunWriteBack => ({
  users: [],
  sites: [],
  roles: [],
  removeUsers: [],
  removeRoles: [],
  ...more,
});

describe("a chunk's Sites and Roles results", () => {
  it("land on the rows that hold their names now, after a person inserted a row above them", () => {
    const book = workspace();
    // A person inserts a site and a role at the top while the chunk runs.
    insertFirst(book, "Sites", line(SITES_TAB, { name: "Austin" }));
    insertFirst(book, "Roles", line(ROLES_TAB, { name: "Clerk", kind: "Custom" }));
    writeRunResults(
      book,
      results({
        sites: [{ row: 2, cells: { rcId: "s-1", status: "Synced" } }],
        roles: [{ row: 2, cells: { status: "Synced" } }],
        removeRoles: [3],
      }),
      names,
    );
    const sites = decodeTab(SITES_TAB, book.read("Sites")).records;
    expect(sites.map((s) => [s.name, s.rcId, s.status])).toEqual([
      ["Austin", "", ""],
      ["Dallas", "s-1", "Synced"],
      ["Boston", "", ""],
    ]);
    const roles = decodeTab(ROLES_TAB, book.read("Roles")).records;
    expect(roles.map((r) => [r.name, r.status])).toEqual([
      ["Clerk", ""],
      ["Auditor", "Synced"],
    ]);
  });

  it("leave alone a row whose name is gone, and write nothing in its place", () => {
    const book = workspace();
    book.deleteRows("Sites", 2, 1);
    writeRunResults(book, results({ sites: [{ row: 2, cells: { rcId: "s-1", status: "Synced" } }] }), names);
    const sites = decodeTab(SITES_TAB, book.read("Sites")).records;
    expect(sites.map((s) => [s.name, s.rcId, s.status])).toEqual([["Boston", "", ""]]);
  });
});

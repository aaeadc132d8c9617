import { beforeEach, describe, expect, it } from "vitest";
import { type Cell, NO_MARK, type SheetLayout, type Workbook } from "../../src/workbook/port";

/**
 * One contract for every Workbook adapter. `open` gives a fresh, empty workbook; `reopen` gives the same workbook
 * as a new adapter would see it after the current one is done (saved and loaded again, for a file).
 */
export interface WorkbookHarness {
  open(): Promise<Workbook>;
  reopen(current: Workbook): Promise<Workbook>;
}

const LAYOUT: SheetLayout = {
  frozenRows: 1,
  textColumns: [2, 4],
  dropdowns: [
    { column: 1, kind: "list", values: ["User", "Virtual User"] },
    { column: 3, kind: "column", sheet: "Sites", sourceColumn: 1 },
  ],
  protected: false,
};

function sorted(layout: SheetLayout): SheetLayout {
  return {
    ...layout,
    textColumns: [...layout.textColumns].sort((a, b) => a - b),
    dropdowns: [...layout.dropdowns].sort((a, b) => a.column - b.column),
  };
}

export function workbookContract(adapter: string, harness: WorkbookHarness): void {
  describe(`Workbook contract: ${adapter}`, () => {
    let book: Workbook;
    beforeEach(async () => {
      book = await harness.open();
      book.addSheet("Users");
      book.addSheet("Sites");
    });

    it("lists sheets in tab order, unmarked until marked", () => {
      const names = book.sheets().map((s) => s.name);
      expect(names.indexOf("Users")).toBeLessThan(names.indexOf("Sites"));
      expect(book.sheets().find((s) => s.name === "Users")?.marker).toBeNull();
      book.setMarker("Users", "rcsheets:users");
      expect(book.sheets().find((s) => s.name === "Users")?.marker).toBe("rcsheets:users");
    });

    it("refuses a second sheet with the same name and names a missing sheet", () => {
      expect(() => book.addSheet("Users")).toThrow(/Users/);
      expect(() => book.read("Nope")).toThrow(/Nope/);
    });

    it("reads an empty sheet as no rows", () => {
      expect(book.read("Users")).toEqual([]);
    });

    it("reads back what it wrote, rectangular, typed, with '' for empty cells", () => {
      const when = new Date(Date.UTC(2026, 10, 26, 12, 0, 0));
      book.write("Users", { row: 1, column: 1, values: [["Name", "Count", "Active"]] });
      book.write("Users", { row: 3, column: 2, values: [[42, true, when]] });
      const table = book.read("Users");
      expect(table).toHaveLength(3);
      expect(table.every((line) => line.length === 4)).toBe(true);
      expect(table[0]).toEqual(["Name", "Count", "Active", ""]);
      expect(table[1]).toEqual(["", "", "", ""]);
      expect(table[2]?.[1]).toBe(42);
      expect(table[2]?.[2]).toBe(true);
      const read = table[2]?.[3];
      expect(read).toBeInstanceOf(Date);
      expect(read instanceof Date && read.getTime()).toBe(when.getTime());
    });

    it("keeps leading zeros in text-formatted columns", () => {
      book.applyLayout("Users", LAYOUT);
      book.write("Users", { row: 2, column: 2, values: [["0101"]] });
      expect(book.read("Users")[1]?.[1]).toBe("0101");
    });

    it("overwrites part of a block and clears cells written as ''", () => {
      book.write("Users", {
        row: 1,
        column: 1,
        values: [
          ["a", "b"],
          ["c", "d"],
        ],
      });
      book.write("Users", { row: 2, column: 2, values: [["D"]] });
      book.write("Users", { row: 2, column: 1, values: [[""]] });
      expect(book.read("Users")).toEqual([
        ["a", "b"],
        ["", "D"],
      ]);
      book.write("Users", { row: 2, column: 1, values: [["", ""]] });
      expect(book.read("Users")).toEqual([["a", "b"]]);
    });

    it("deletes whole rows and moves the rest up", () => {
      const rows: Cell[][] = [["h"], ["r2"], ["r3"], ["r4"], ["r5"]];
      book.write("Users", { row: 1, column: 1, values: rows });
      book.deleteRows("Users", 2, 2);
      expect(book.read("Users")).toEqual([["h"], ["r4"], ["r5"]]);
    });

    it("marks cells with notes and colours, and clears them", () => {
      book.write("Users", {
        row: 1,
        column: 1,
        values: [
          ["x", "y"],
          ["1", "2"],
        ],
      });
      const error = { note: "Email is required.", background: "#f4c7c3" };
      book.mark("Users", { row: 2, column: 1, values: [[error, NO_MARK]] });
      expect(book.marks("Users", { row: 2, column: 1, rows: 1, columns: 2 })).toEqual([[error, NO_MARK]]);
      book.mark("Users", { row: 2, column: 1, values: [[NO_MARK, NO_MARK]] });
      expect(book.marks("Users", { row: 2, column: 1, rows: 1, columns: 2 })).toEqual([[NO_MARK, NO_MARK]]);
    });

    it("applies a layout and reports it back; applying it twice changes nothing", () => {
      book.applyLayout("Users", LAYOUT);
      book.applyLayout("Users", LAYOUT);
      expect(sorted(book.layout("Users"))).toEqual(sorted(LAYOUT));
      book.applyLayout("Sites", { frozenRows: 1, textColumns: [], dropdowns: [], protected: true });
      expect(book.layout("Sites").protected).toBe(true);
      book.applyLayout("Sites", { frozenRows: 1, textColumns: [], dropdowns: [], protected: false });
      expect(book.layout("Sites").protected).toBe(false);
    });

    it("keeps values, marks, layout and markers when opened again", async () => {
      book.setMarker("Users", "rcsheets:users");
      book.applyLayout("Users", LAYOUT);
      book.write("Users", {
        row: 1,
        column: 1,
        values: [
          ["Ext", "PIN"],
          ["0101", 7],
        ],
      });
      const warning = { note: "Check this.", background: "#fce8b2" };
      book.mark("Users", { row: 2, column: 2, values: [[warning]] });
      const again = await harness.reopen(book);
      expect(again.sheets().find((s) => s.name === "Users")?.marker).toBe("rcsheets:users");
      expect(again.read("Users")).toEqual([
        ["Ext", "PIN"],
        ["0101", 7],
      ]);
      expect(again.marks("Users", { row: 2, column: 2, rows: 1, columns: 1 })).toEqual([[warning]]);
      expect(sorted(again.layout("Users"))).toEqual(sorted(LAYOUT));
    });
  });
}

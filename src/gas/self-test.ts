import { type Cell, type CellMark, NO_MARK, type SheetLayout, type Workbook } from "../workbook/port";
import { SheetsWorkbook } from "./sheets-workbook";

/**
 * The Workbook contract (test/contract/workbook-contract.ts, same cases) run in Apps Script against real Sheets:
 * each case on two temporary tabs of the open spreadsheet, deleted afterwards whatever happens. The add-in's scope
 * is this spreadsheet only, so it cannot make a spreadsheet of its own to test in.
 */

export interface SelfTestReport {
  passed: string[];
  failed: { name: string; problem: string }[];
}

interface Tabs {
  users: string;
  sites: string;
}

type Case = (book: Workbook, tabs: Tabs, reopen: () => Workbook) => void;

class Failure extends Error {}

function same(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Failure(`${what}: expected ${e}, got ${a}`);
}

function ok(condition: boolean, what: string): void {
  if (!condition) throw new Failure(what);
}

function throwsNaming(task: () => unknown, name: string): void {
  try {
    task();
  } catch (error) {
    ok(String(error instanceof Error ? error.message : error).includes(name), `the error should name ${name}`);
    return;
  }
  throw new Failure(`expected an error naming ${name}`);
}

const layoutOf = (tabs: Tabs): SheetLayout => ({
  frozenRows: 1,
  textColumns: [2, 4],
  dropdowns: [
    { column: 1, kind: "list", values: ["User", "Virtual User"] },
    { column: 3, kind: "column", sheet: tabs.sites, sourceColumn: 1 },
  ],
  protected: false,
});

const sorted = (layout: SheetLayout): SheetLayout => ({
  ...layout,
  textColumns: [...layout.textColumns].sort((a, b) => a - b),
  dropdowns: [...layout.dropdowns].sort((a, b) => a.column - b.column),
});

const CASES: Record<string, Case> = {
  "lists sheets in tab order, unmarked until marked": (book, { users, sites }) => {
    const names = book.sheets().map((s) => s.name);
    ok(names.indexOf(users) < names.indexOf(sites), "Users comes before Sites");
    same(book.sheets().find((s) => s.name === users)?.marker, null, "marker before");
    book.setMarker(users, "rcsheets:self-test");
    same(book.sheets().find((s) => s.name === users)?.marker, "rcsheets:self-test", "marker after");
  },
  "refuses a second sheet with the same name and names a missing sheet": (book, { users }) => {
    throwsNaming(() => book.addSheet(users), users);
    throwsNaming(() => book.read("rcsheets self-test: no such tab"), "no such tab");
  },
  "reads an empty sheet as no rows": (book, { users }) => same(book.read(users), [], "empty sheet"),
  "reads back what it wrote, rectangular, typed, with '' for empty cells": (book, { users }) => {
    const when = new Date(Date.UTC(2026, 10, 26, 12, 0, 0));
    book.write(users, { row: 1, column: 1, values: [["Name", "Count", "Active"]] });
    book.write(users, { row: 3, column: 2, values: [[42, true, when]] });
    const table = book.read(users);
    same(table.length, 3, "rows");
    ok(
      table.every((line) => line.length === 4),
      "every row 4 wide",
    );
    same(table[0], ["Name", "Count", "Active", ""], "header");
    same(table[1], ["", "", "", ""], "blank row");
    same([table[2]?.[1], table[2]?.[2]], [42, true], "typed values");
    const read = table[2]?.[3];
    ok(read instanceof Date && read.getTime() === when.getTime(), "the date comes back as the same instant");
  },
  "keeps leading zeros in text-formatted columns": (book, tabs) => {
    book.applyLayout(tabs.users, layoutOf(tabs));
    book.write(tabs.users, { row: 2, column: 2, values: [["0101"]] });
    same(book.read(tabs.users)[1]?.[1], "0101", "text cell");
  },
  "overwrites part of a block and clears cells written as ''": (book, { users }) => {
    book.write(users, {
      row: 1,
      column: 1,
      values: [
        ["a", "b"],
        ["c", "d"],
      ],
    });
    book.write(users, { row: 2, column: 2, values: [["D"]] });
    book.write(users, { row: 2, column: 1, values: [[""]] });
    same(
      book.read(users),
      [
        ["a", "b"],
        ["", "D"],
      ],
      "after overwriting",
    );
    book.write(users, { row: 2, column: 1, values: [["", ""]] });
    same(book.read(users), [["a", "b"]], "after clearing");
  },
  "deletes whole rows and moves the rest up": (book, { users }) => {
    const rows: Cell[][] = [["h"], ["r2"], ["r3"], ["r4"], ["r5"]];
    book.write(users, { row: 1, column: 1, values: rows });
    book.deleteRows(users, 2, 2);
    same(book.read(users), [["h"], ["r4"], ["r5"]], "rows left");
  },
  "marks cells with notes and colours, and clears them": (book, { users }) => {
    book.write(users, {
      row: 1,
      column: 1,
      values: [
        ["x", "y"],
        ["1", "2"],
      ],
    });
    const error: CellMark = { note: "Email is required.", background: "#f4c7c3" };
    book.mark(users, { row: 2, column: 1, values: [[error, NO_MARK]] });
    same(book.marks(users, { row: 2, column: 1, rows: 1, columns: 2 }), [[error, NO_MARK]], "marked");
    book.mark(users, { row: 2, column: 1, values: [[NO_MARK, NO_MARK]] });
    same(book.marks(users, { row: 2, column: 1, rows: 1, columns: 2 }), [[NO_MARK, NO_MARK]], "cleared");
  },
  "applies a layout and reports it back; applying it twice changes nothing": (book, tabs) => {
    book.applyLayout(tabs.users, layoutOf(tabs));
    book.applyLayout(tabs.users, layoutOf(tabs));
    same(sorted(book.layout(tabs.users)), sorted(layoutOf(tabs)), "layout");
    book.applyLayout(tabs.sites, { frozenRows: 1, textColumns: [], dropdowns: [], protected: true });
    same(book.layout(tabs.sites).protected, true, "protected");
    book.applyLayout(tabs.sites, { frozenRows: 1, textColumns: [], dropdowns: [], protected: false });
    same(book.layout(tabs.sites).protected, false, "unprotected");
  },
  "keeps values, marks, layout and markers when opened again": (book, tabs, reopen) => {
    book.setMarker(tabs.users, "rcsheets:self-test");
    book.applyLayout(tabs.users, layoutOf(tabs));
    book.write(tabs.users, {
      row: 1,
      column: 1,
      values: [
        ["Ext", "PIN"],
        ["0101", 7],
      ],
    });
    const warning: CellMark = { note: "Check this.", background: "#fce8b2" };
    book.mark(tabs.users, { row: 2, column: 2, values: [[warning]] });
    const again = reopen();
    same(again.sheets().find((s) => s.name === tabs.users)?.marker, "rcsheets:self-test", "marker");
    same(
      again.read(tabs.users),
      [
        ["Ext", "PIN"],
        ["0101", 7],
      ],
      "values",
    );
    same(again.marks(tabs.users, { row: 2, column: 2, rows: 1, columns: 1 }), [[warning]], "marks");
    same(sorted(again.layout(tabs.users)), sorted(layoutOf(tabs)), "layout");
  },
};

/** Runs every case on the open spreadsheet; each case's temporary tabs are deleted even when it fails. */
export function runSelfTest(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, log: (line: string) => void): SelfTestReport {
  const report: SelfTestReport = { passed: [], failed: [] };
  const stamp = Date.now();
  Object.entries(CASES).forEach(([name, run], i) => {
    const tabs = { users: `rcsheets self-test ${stamp}-${i} Users`, sites: `rcsheets self-test ${stamp}-${i} Sites` };
    const book = new SheetsWorkbook(spreadsheet);
    try {
      book.addSheet(tabs.users);
      book.addSheet(tabs.sites);
      run(book, tabs, () => new SheetsWorkbook(spreadsheet));
      report.passed.push(name);
      log(`PASS ${name}`);
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      report.failed.push({ name, problem });
      log(`FAIL ${name}: ${problem}`);
    } finally {
      for (const tab of [tabs.users, tabs.sites]) {
        const sheet = spreadsheet.getSheetByName(tab);
        if (sheet) spreadsheet.deleteSheet(sheet);
      }
    }
  });
  log(`${report.passed.length} passed, ${report.failed.length} failed.`);
  return report;
}

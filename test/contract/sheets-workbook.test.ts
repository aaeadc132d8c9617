import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSpreadsheetApp, type OpenSpreadsheet } from "../../src/apps-script-runtime/spreadsheet/service";
import { SheetsWorkbook } from "../../src/gas/sheets-workbook";
import type { Cell, SheetLayout, SheetRef, Workbook } from "../../src/workbook/port";
import { workbookContract } from "./workbook-contract";

/** The fake behind each workbook the harness opened, so `reopen` can build a new adapter over the same spreadsheet. */
const fakes = new WeakMap<Workbook, OpenSpreadsheet>();
let restoreGlobal: (() => void) | undefined;

/** A fresh fake spreadsheet, its SpreadsheetApp installed as the global the adapter uses for builders and enums. */
function openFake(): OpenSpreadsheet {
  restoreGlobal?.();
  const fake = createSpreadsheetApp();
  restoreGlobal = fake.install();
  return fake;
}

afterEach(() => {
  restoreGlobal?.();
  restoreGlobal = undefined;
});

workbookContract("Apps Script (SpreadsheetApp fake)", {
  open: async () => {
    const fake = openFake();
    const book = new SheetsWorkbook(fake.spreadsheet);
    fakes.set(book, fake);
    return book;
  },
  reopen: async (current) => {
    const fake = fakes.get(current);
    if (!fake) throw new Error("This workbook was not opened by the harness.");
    const again = new SheetsWorkbook(fake.spreadsheet);
    fakes.set(again, fake);
    return again;
  },
});

const PLAIN: SheetLayout = { frozenRows: 1, textColumns: [], dropdowns: [], protected: false };

describe("SheetsWorkbook on the SpreadsheetApp fake", () => {
  let fake: OpenSpreadsheet;
  let book: SheetsWorkbook;

  beforeEach(() => {
    fake = openFake();
    book = new SheetsWorkbook(fake.spreadsheet);
    book.addSheet("Users");
    book.addSheet("Sites");
  });

  function sheet(name: string): GoogleAppsScript.Spreadsheet.Sheet {
    const found = fake.spreadsheet.getSheetByName(name);
    if (!found) throw new Error(`No sheet ${name} in the fake.`);
    return found;
  }

  function grid(rows: number, columns: number): Cell[][] {
    return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => `r${r}c${c}`));
  }

  it("keeps a sheet's marker, as developer metadata, through a rename", () => {
    book.setMarker("Users", "rcsheets:users");
    book.setMarker("Users", "rcsheets:users");
    sheet("Users").setName("People");
    const again = new SheetsWorkbook(fake.spreadsheet);
    expect(again.sheets().find((s) => s.name === "People")?.marker).toBe("rcsheets:users");
    const metadata = sheet("People").getDeveloperMetadata();
    expect(metadata.map((m) => [m.getKey(), m.getValue()])).toEqual([["rcsheets.tab", "rcsheets:users"]]);
  });

  it("appends a new sheet after the last tab, wherever the person is", () => {
    fake.spreadsheet.setActiveSheet(sheet("Sheet1"));
    book.addSheet("Roles");
    expect(book.sheets().map((s) => s.name)).toEqual(["Sheet1", "Users", "Sites", "Roles"]);
  });

  it("reads a sheet with two calls (its data range, its values), an empty one too", () => {
    book.write("Users", { row: 1, column: 1, values: grid(50, 5) });
    fake.resetCalls();
    expect(book.read("Users")).toHaveLength(50);
    expect(book.read("Sites")).toEqual([]);
    expect(fake.count("Range.getValues")).toBe(2);
    expect(fake.count("Sheet.getDataRange")).toBe(2);
    expect([...fake.calls.values()].reduce((a, b) => a + b, 0)).toBe(4);
  });

  it("writes a 100×10 block with one setValues call", () => {
    fake.resetCalls();
    book.write("Users", { row: 1, column: 1, values: grid(100, 10) });
    expect(fake.count("Range.setValues")).toBe(1);
    expect(book.read("Users")).toEqual(grid(100, 10));
  });

  it("marks a block with one setNotes and one setBackgrounds call; no mark is no background", () => {
    const error = { note: "Required.", background: "#f4c7c3" };
    fake.resetCalls();
    book.mark("Users", { row: 2, column: 1, values: Array.from({ length: 20 }, () => [error, { note: "", background: null }]) });
    expect(fake.count("Range.setNotes")).toBe(1);
    expect(fake.count("Range.setBackgrounds")).toBe(1);
    expect(sheet("Users").getRange(2, 1, 1, 2).getBackgrounds()).toEqual([["#f4c7c3", "#ffffff"]]);
    expect(book.marks("Users", { row: 21, column: 1, rows: 1, columns: 2 })).toEqual([[error, { note: "", background: null }]]);
  });

  it("is written against an honest fake: '0101' turns into 101 in a cell that is not plain text", () => {
    const cell = sheet("Users").getRange(2, 2);
    cell.setValues([["0101"]]);
    expect(cell.getValues()).toEqual([[101]]);
    expect(() =>
      sheet("Users")
        .getRange(1, 1, 2, 2)
        .setValues([["a", "b"]]),
    ).toThrow(/number of rows in the data/);
  });

  it("keeps '0101' as text once applyLayout made its column plain text, with no apostrophe added", () => {
    book.applyLayout("Users", { ...PLAIN, textColumns: [2] });
    const cell = sheet("Users").getRange(2, 2);
    cell.setValues([["0101"]]);
    expect(cell.getValues()).toEqual([["0101"]]);
    book.write("Users", { row: 3, column: 2, values: [["0102"]] });
    expect(sheet("Users").getRange(3, 2).getValues()).toEqual([["0102"]]);
  });

  it("reads a sheet's text columns once, not before each write, and writes into them without an apostrophe", () => {
    new SheetsWorkbook(fake.spreadsheet).applyLayout("Users", { ...PLAIN, textColumns: [2] });
    const fresh = new SheetsWorkbook(fake.spreadsheet);
    fake.resetCalls();
    for (let row = 2; row < 12; row++) fresh.write("Users", { row, column: 1, values: [["0101", "0102"]] });
    expect(fake.count("Range.getNumberFormats")).toBe(1);
    expect(fake.count("Spreadsheet.getSheetByName")).toBe(1);
    expect(fresh.read("Users").slice(1, 3)).toEqual([
      ["0101", "0102"],
      ["0101", "0102"],
    ]);
  });

  it("reads a sheet once per instance: later reads hold its own writes and deletions", () => {
    book.write("Users", { row: 1, column: 1, values: grid(5, 3) });
    const fresh = new SheetsWorkbook(fake.spreadsheet);
    fake.resetCalls();
    expect(fresh.read("Users")).toEqual(grid(5, 3));
    fresh.write("Users", { row: 2, column: 2, values: [["0101", "x"]] });
    fresh.write("Users", { row: 7, column: 1, values: [["late"]] });
    fresh.deleteRows("Users", 3, 1);
    const expected = grid(5, 3).map((line) => [...line, ""]);
    expected[1] = ["r1c0", "0101", "x", ""];
    expected.splice(2, 1);
    expected.push(["", "", "", ""], ["late", "", "", ""]);
    const seen = fresh.read("Users").map((line) => Array.from({ length: 4 }, (_, c) => line[c] ?? ""));
    expect(seen).toEqual(expected);
    expect(fake.count("Range.getValues")).toBe(1);
    expect(
      new SheetsWorkbook(fake.spreadsheet).read("Users").map((line) => Array.from({ length: 4 }, (_, c) => line[c] ?? "")),
    ).toEqual(expected);
  });

  it("takes the tabs' markers from its memory while the tab names are the same, and reads them again when not", () => {
    book.setMarker("Users", "rcsheets:users");
    let saved: SheetRef[] | null = null;
    const memory = { load: () => saved, save: (refs: SheetRef[]) => (saved = refs.map((r) => ({ ...r }))) };
    expect(new SheetsWorkbook(fake.spreadsheet, memory).sheets().find((s) => s.name === "Users")?.marker).toBe("rcsheets:users");
    fake.resetCalls();
    expect(new SheetsWorkbook(fake.spreadsheet, memory).sheets().find((s) => s.name === "Users")?.marker).toBe("rcsheets:users");
    expect(fake.count("Sheet.getDeveloperMetadata")).toBe(0);
    sheet("Users").setName("People");
    expect(new SheetsWorkbook(fake.spreadsheet, memory).sheets().find((s) => s.name === "People")?.marker).toBe("rcsheets:users");
    expect(fake.count("Sheet.getDeveloperMetadata")).toBeGreaterThan(0);
  });

  it("grows the grid for a block below its last row", () => {
    const height = sheet("Users").getMaxRows();
    book.write("Users", { row: height - 1, column: 1, values: grid(5, 2) });
    expect(sheet("Users").getMaxRows()).toBeGreaterThanOrEqual(height + 3);
    expect(book.read("Users").slice(height - 2)).toEqual(grid(5, 2));
  });

  it("looks the tabs up once per instance, however often they are listed", () => {
    fake.resetCalls();
    for (let i = 0; i < 7; i++) book.sheets();
    expect(fake.count("Spreadsheet.getSheets")).toBe(1);
    book.addSheet("Roles");
    book.setMarker("Roles", "rcsheets:roles");
    expect(book.sheets().find((s) => s.name === "Roles")?.marker).toBe("rcsheets:roles");
    expect(fake.count("Spreadsheet.getSheets")).toBe(1);
  });

  it("keeps strings that Sheets would parse as text in cells that are not plain text", () => {
    const strings: Cell[] = ["0101", "TRUE", "=1+2", "-5", "'quoted", "#N/A", "12%", "2026-01-02", "Alice"];
    book.write("Users", { row: 1, column: 1, values: [strings, [7, true, "", "x", "", "", "", "", ""]] });
    expect(book.read("Users")).toEqual([strings, [7, true, "", "x", "", "", "", "", ""]]);
  });

  it("formats text columns and sets dropdowns down to the sheet's last row, allowing invalid values", () => {
    book.applyLayout("Users", {
      ...PLAIN,
      textColumns: [2],
      dropdowns: [
        { column: 1, kind: "list", values: ["User"] },
        { column: 3, kind: "column", sheet: "Sites", sourceColumn: 1 },
      ],
    });
    const users = sheet("Users");
    expect(users.getMaxRows()).toBe(1000);
    expect([users.getRange(1, 2).getNumberFormat(), users.getRange(1000, 2).getNumberFormat()]).toEqual(["@", "@"]);
    expect(users.getRange(1, 1).getDataValidation()).toBeNull();
    const list = users.getRange(1000, 1).getDataValidation();
    expect(list?.getCriteriaType()).toBe(fake.app.DataValidationCriteria.VALUE_IN_LIST);
    expect(list?.getAllowInvalid()).toBe(true);
    const [source] = users.getRange(2, 3).getDataValidation()?.getCriteriaValues() ?? [];
    expect((source as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe("A2:A1000");
  });

  it("undoes what an earlier layout set and the new one drops", () => {
    book.applyLayout("Users", {
      frozenRows: 1,
      textColumns: [2, 4],
      dropdowns: [
        { column: 1, kind: "list", values: ["User"] },
        { column: 3, kind: "column", sheet: "Sites", sourceColumn: 1 },
      ],
      protected: true,
    });
    const next: SheetLayout = {
      frozenRows: 2,
      textColumns: [4],
      dropdowns: [{ column: 1, kind: "list", values: ["User", "Virtual User"] }],
      protected: false,
    };
    book.applyLayout("Users", next);
    expect(book.layout("Users")).toEqual(next);
    expect(sheet("Users").getRange(500, 2).getNumberFormat()).toBe("General");
    expect(sheet("Users").getRange(500, 3).getDataValidation()).toBeNull();
  });

  it("protects a sheet with a warning only, once, changing no one's editors, and removes only its own protection", () => {
    const protected_ = { ...PLAIN, protected: true };
    book.applyLayout("Sites", protected_);
    book.applyLayout("Sites", protected_);
    const type = fake.app.ProtectionType.SHEET;
    const [ours, ...more] = sheet("Sites").getProtections(type);
    expect(more).toHaveLength(0);
    expect(ours?.getDescription()).toBe("rcsheets: written by the add-in");
    expect(ours?.isWarningOnly()).toBe(true);
    expect(fake.count("Protection.addEditor") + fake.count("Protection.removeEditors")).toBe(0);
    // Every editor of the spreadsheet writes it; a person typing there is asked to confirm.
    fake.as("colleague@example.com").spreadsheet.getSheetByName("Sites")?.getRange(1, 1).setValue("Name");

    // One an earlier version made strict (the owner and who set up) becomes warning-only.
    ours?.setWarningOnly(false);
    ours?.removeEditors(ours.getEditors());
    book.applyLayout("Sites", protected_);
    expect(
      sheet("Sites")
        .getProtections(type)
        .map((p) => [p.getDescription(), p.isWarningOnly()]),
    ).toEqual([["rcsheets: written by the add-in", true]]);

    book.applyLayout("Sites", PLAIN);
    expect(sheet("Sites").getProtections(type)).toEqual([]);
    expect(book.layout("Sites").protected).toBe(false);
  });

  it("leaves a protection a person put on the sheet theirs: not renamed, not made a warning, its editors kept", () => {
    const theirs = sheet("Sites").protect().setDescription("Finance only");
    theirs.removeEditors(["colleague@example.com"]);
    const editors = theirs.getEditors().map((user) => user.getEmail());
    book.applyLayout("Sites", { ...PLAIN, protected: true });
    book.applyLayout("Sites", PLAIN);
    const [kept, ...more] = sheet("Sites").getProtections(fake.app.ProtectionType.SHEET);
    expect(more).toHaveLength(0);
    expect([kept?.getDescription(), kept?.isWarningOnly()]).toEqual(["Finance only", false]);
    expect(kept?.getEditors().map((user) => user.getEmail())).toEqual(editors);
    expect(book.layout("Sites").protected).toBe(false);
  });

  it("deletes the last data rows even when the sheet has no spare row below them", () => {
    const users = sheet("Users");
    users.deleteRows(4, 997);
    users.setFrozenRows(1);
    book.write("Users", { row: 1, column: 1, values: [["h"], ["a"], ["b"]] });
    expect(() => users.deleteRows(2, 2)).toThrow(/non-frozen rows/);
    book.deleteRows("Users", 2, 2);
    expect(book.read("Users")).toEqual([["h"]]);
    book.deleteRows("Users", 5, 10);
    expect(book.read("Users")).toEqual([["h"]]);
  });

  it("refuses a block whose rows have different lengths", () => {
    expect(() => book.write("Users", { row: 1, column: 1, values: [["a", "b"], ["c"]] })).toThrow(/rectangular/);
  });

  it("names a missing sheet in every operation", () => {
    expect(() => book.write("Nope", { row: 1, column: 1, values: [["a"]] })).toThrow(/Nope/);
    expect(() =>
      book.applyLayout("Users", { ...PLAIN, dropdowns: [{ column: 1, kind: "column", sheet: "Gone", sourceColumn: 1 }] }),
    ).toThrow(/Gone/);
  });
});

import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OVER_MAX_CELLS, type SheetsDocument } from "../../src/apps-script-runtime/spreadsheet/document";
import { createSpreadsheetApp, type OpenSpreadsheet, openAs } from "../../src/apps-script-runtime/spreadsheet/service";
import { loadDocument } from "../../src/apps-script-runtime/spreadsheet/xlsx-load";
import { RECORD_SHEET } from "../../src/apps-script-runtime/spreadsheet/xlsx-record";
import { saveDocument } from "../../src/apps-script-runtime/spreadsheet/xlsx-save";
import { PROTECTION_DESCRIPTION, SheetsWorkbook } from "../../src/gas/sheets-workbook";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { TAB_MARKERS } from "../../src/playground/tab-markers";
import { writeDemoWorkspace } from "../../src/workbook/demo-workspace";
import type { SheetLayout, Workbook } from "../../src/workbook/port";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const PEOPLE = {
  owner: "owner@example.com",
  editors: ["owner@example.com", "me@example.com", "colleague@example.com"],
  domain: null,
};
let dir: string;
let restore: (() => void) | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "rt-sheets-"));
});
afterEach(async () => {
  restore?.();
  restore = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function roundTrip(document: SheetsDocument): Promise<OpenSpreadsheet> {
  const path = join(dir, "book.xlsx");
  await saveDocument(document, path, TAB_MARKERS);
  const loaded = openAs(
    await loadDocument(path, {
      id: "local-spreadsheet",
      people: PEOPLE,
      fileProtection: PROTECTION_DESCRIPTION,
      names: TAB_MARKERS,
    }),
    "me@example.com",
  );
  restore?.();
  restore = loaded.install();
  return loaded;
}

function sheet(open: OpenSpreadsheet, name: string): Sheet {
  return open.spreadsheet.getSheetByName(name) as Sheet;
}

describe("a document saved as .xlsx and loaded again", () => {
  it("keeps values with their types, formats, notes, backgrounds, frozen and hidden rows, tab order and grid size", async () => {
    const open = createSpreadsheetApp();
    restore = open.install();
    open.spreadsheet.insertSheet("Users", 0);
    const users = sheet(open, "Users");
    const when = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    users.getRange(1, 2, 1000, 1).setNumberFormat("@");
    users.getRange(1, 1, 2, 5).setValues([
      ["'0101", "0102", 42.5, true, when],
      ["'TRUE", "007", -1, false, ""],
    ]);
    users.getRange(1, 3).setNumberFormat("0.00");
    users.getRange(2, 1, 1, 2).setNotes([["Required.", ""]]);
    users.getRange(2, 1, 1, 2).setBackgrounds([["#F4C7C3", null]]);
    users.setFrozenRows(1);
    users.hideRows(5, 2);
    users.insertRowsAfter(1000, 10);

    const loaded = await roundTrip(open.document);
    const again = sheet(loaded, "Users");
    expect(loaded.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Users", "Sheet1"]);
    expect(again.getRange(1, 1, 2, 5).getValues()).toEqual([
      ["0101", "0102", 42.5, true, when],
      ["TRUE", "007", -1, false, ""],
    ]);
    expect(again.getRange(1, 1, 1, 5).getNumberFormats()).toEqual([["General", "@", "0.00", "General", "General"]]);
    expect([again.getRange(1000, 2).getNumberFormat(), again.getRange(1010, 2).getNumberFormat()]).toEqual(["@", "General"]);
    expect(again.getRange(2, 1, 1, 2).getNotes()).toEqual([["Required.", ""]]);
    expect(again.getRange(2, 1, 1, 2).getBackgrounds()).toEqual([["#f4c7c3", "#ffffff"]]);
    expect([again.getFrozenRows(), again.getMaxRows(), again.getMaxColumns()]).toEqual([1, 1010, 26]);
    expect([4, 5, 6, 7].map((row) => again.isRowHiddenByUser(row))).toEqual([false, true, true, false]);
    expect(again.getSheetId()).toBe(users.getSheetId());
  });

  it("keeps data validations: lists (with commas too), ranges, invalid values allowed or not, help text", async () => {
    const open = createSpreadsheetApp();
    restore = open.install();
    const target = sheet(open, "Sheet1");
    const build = () => open.app.newDataValidation();
    target.getRange(2, 1, 999, 1).setDataValidation(build().requireValueInList(["User", "Virtual User"]).build());
    target.getRange(2, 2, 10, 1).setDataValidation(build().requireValueInList(["a,b", "c"]).setAllowInvalid(false).build());
    const source = target.getRange(2, 5, 999, 1);
    target.getRange(2, 3, 999, 1).setDataValidation(build().requireValueInRange(source, true).setHelpText("A site").build());

    const again = sheet(await roundTrip(open.document), "Sheet1");
    const rule = (row: number, column: number) => again.getRange(row, column).getDataValidation();
    expect(rule(1, 1)).toBeNull();
    expect([rule(1000, 1)?.getCriteriaType(), rule(1000, 1)?.getCriteriaValues(), rule(1000, 1)?.getAllowInvalid()]).toEqual([
      "VALUE_IN_LIST",
      [["User", "Virtual User"], true],
      true,
    ]);
    expect([rule(11, 2)?.getCriteriaValues(), rule(11, 2)?.getAllowInvalid(), rule(12, 2)]).toEqual([
      [["a,b", "c"], true],
      false,
      null,
    ]);
    const [range] = rule(500, 3)?.getCriteriaValues() ?? [];
    expect((range as GoogleAppsScript.Spreadsheet.Range).getA1Notation()).toBe("E2:E1000");
    expect(rule(500, 3)?.getHelpText()).toBe("A site");
  });

  it("keeps sheet protections (description, editors, domain edit, warning only) and developer metadata", async () => {
    const open = createSpreadsheetApp();
    restore = open.install();
    const target = sheet(open, "Sheet1");
    const strict = target.protect().setDescription("rcsheets: written by the add-in");
    strict.removeEditors(strict.getEditors());
    strict.setDomainEdit(false);
    // A sheet has one sheet protection (protect() hands back the existing one): the warning is another sheet's.
    open.spreadsheet.insertSheet("Notes").protect().setDescription("Heads up").setWarningOnly(true);
    target.addDeveloperMetadata("rcsheets.tab", "rcsheets:users");
    target.addDeveloperMetadata("other", "kept");

    const loaded = await roundTrip(open.document);
    const again = sheet(loaded, "Sheet1");
    const protections = loaded.spreadsheet.getProtections(loaded.app.ProtectionType.SHEET).map((p) => ({
      description: p.getDescription(),
      editors: p.getEditors().map((u) => u.getEmail()),
      domain: p.canDomainEdit(),
      warning: p.isWarningOnly(),
    }));
    expect(protections).toEqual([
      {
        description: "rcsheets: written by the add-in",
        editors: ["owner@example.com", "me@example.com"],
        domain: false,
        warning: false,
      },
      { description: "Heads up", editors: PEOPLE.editors, domain: false, warning: true },
    ]);
    expect(again.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([
      ["rcsheets.tab", "rcsheets:users"],
      ["other", "kept"],
    ]);
    expect(() => sheet(loaded.as("colleague@example.com"), "Sheet1").getRange(1, 1).setValue(1)).toThrow(/protected cell/);
  });

  it("saves atomically over the file, keeping its mode", async () => {
    const path = join(dir, "book.xlsx");
    await writeFile(path, "old", { mode: 0o600 });
    await saveDocument(createSpreadsheetApp().document, path);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await loadDocument(path, { id: "id", people: PEOPLE })).sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

function withoutWarnings(layouts: Record<string, SheetLayout>): Record<string, SheetLayout> {
  return Object.fromEntries(Object.entries(layouts).map(([name, { warnedColumns: _warned, ...rest }]) => [name, rest]));
}

/** What both adapters must agree on: tabs with their markers, every tab's values and layout. */
function snapshot(book: Workbook) {
  const sheets = book.sheets().filter((s) => s.name !== RECORD_SHEET);
  return {
    sheets,
    values: Object.fromEntries(sheets.map((s) => [s.name, book.read(s.name)])),
    layouts: Object.fromEntries(sheets.map((s) => [s.name, book.layout(s.name)])),
  };
}

describe("the same file for the CLI (XlsxWorkbook) and the add-in (SheetsWorkbook)", () => {
  const demo = { users: 25, errorRate: 0.2, seed: 7 };

  it("reads a workbook the CLI wrote: the same tabs, markers, values and layouts", async () => {
    const cli = XlsxWorkbook.create();
    writeDemoWorkspace(cli, demo);
    const path = join(dir, "cli.xlsx");
    await cli.save(path);
    const open = openAs(
      await loadDocument(path, {
        id: "local-spreadsheet",
        people: PEOPLE,
        fileProtection: PROTECTION_DESCRIPTION,
        names: TAB_MARKERS,
      }),
      "me@example.com",
    );
    restore = open.install();
    const expected = snapshot(cli);
    const actual = snapshot(new SheetsWorkbook(open.spreadsheet));
    expect(actual.sheets).toEqual(expected.sheets);
    // The runtime's very hidden record of what .xlsx cannot hold is in the file, but is no tab of the CLI's.
    expect(cli.sheets().map((sheet) => sheet.name)).not.toContain("apps-script-runtime");
    expect(actual.values).toEqual(expected.values);
    expect(actual.layouts).toEqual(expected.layouts);
    const locked = Object.entries(actual.layouts).find(([, layout]) => layout.protected)?.[0] ?? "";
    const colleague = open.as("colleague@example.com").spreadsheet.getSheetByName(locked);
    expect(() => colleague?.getRange(1, 1).setValue("x")).toThrow(/protected cell/);
  });

  it("writes, through SheetsWorkbook, a workbook the CLI reads the same", async () => {
    const open = createSpreadsheetApp();
    restore = open.install();
    const addIn = new SheetsWorkbook(open.spreadsheet);
    writeDemoWorkspace(addIn, demo);
    const path = join(dir, "add-in.xlsx");
    await saveDocument(open.document, path, TAB_MARKERS);
    const cli = await XlsxWorkbook.open(path);
    const expected = snapshot(addIn);
    const actual = snapshot(cli);
    expect(actual.sheets).toEqual(expected.sheets);
    // The runtime's very hidden record of what .xlsx cannot hold is in the file, but is no tab of the CLI's.
    expect(cli.sheets().map((sheet) => sheet.name)).not.toContain("apps-script-runtime");
    expect(actual.values).toEqual(expected.values);
    // An .xlsx file has no warning-only protection for XlsxWorkbook to read (the runtime keeps it in its record).
    expect(actual.layouts).toEqual(withoutWarnings(expected.layouts));
  });
});

describe("a file larger than Sheets holds", () => {
  it("is refused with Sheets' own message before a cell is made: one value at XFD1048576, or 1,048,576 rows", async () => {
    for (const address of ["XFD1048576", "A1048576"]) {
      const excel = XlsxWorkbook.create().excel;
      const users = excel.addWorksheet("Users");
      users.addRow(["First Name", "Email"]);
      users.getCell(address).value = "far";
      const path = join(dir, `${address}.xlsx`);
      await writeFile(path, Buffer.from(await excel.xlsx.writeBuffer()));
      const started = Date.now();
      await expect(loadDocument(path, { id: "far", people: PEOPLE })).rejects.toThrow(OVER_MAX_CELLS);
      // Refused from the rows and columns the file holds; expanding it took minutes at 100% CPU.
      expect(Date.now() - started).toBeLessThan(30_000);
    }
  });

  it("loads a sheet within the limit: 10,000 rows by Sheets' 26 columns", async () => {
    const excel = XlsxWorkbook.create().excel;
    excel.addWorksheet("Users").getCell("A10000").value = "last";
    const path = join(dir, "within.xlsx");
    await writeFile(path, Buffer.from(await excel.xlsx.writeBuffer()));
    const document = await loadDocument(path, { id: "within", people: PEOPLE });
    expect(document.sheets[0]?.maxRows).toBe(10_000);
  });
});

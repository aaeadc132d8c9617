import { afterEach, describe, expect, it } from "vitest";
import type { Execution } from "../../src/apps-script-runtime/host-service";
import { SheetsDocument } from "../../src/apps-script-runtime/spreadsheet/document";
import { Drive } from "../../src/apps-script-runtime/spreadsheet/drive";
import { deleteRow, insertRow, selectRanges, typeIntoCell } from "../../src/apps-script-runtime/spreadsheet/person-edits";
import {
  createSpreadsheetApp,
  type OpenSpreadsheet,
  spreadsheetService,
} from "../../src/apps-script-runtime/spreadsheet/service";
import { SheetsWorkbook } from "../../src/gas/sheets-workbook";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const PROTECTED =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** A document whose "Sites" sheet me@example.com protected strictly, as Apps Script's Protection page shows. */
function protectedSites(): OpenSpreadsheet {
  const mine = createSpreadsheetApp();
  restore = mine.install();
  const book = new SheetsWorkbook(mine.spreadsheet);
  book.addSheet("Sites");
  book.write("Sites", { row: 1, column: 1, values: [["Name"], ["Paris"]] });
  const protection = sheet(mine, "Sites").protect().setDescription("only me");
  protection.addEditor("me@example.com");
  protection.removeEditors(protection.getEditors());
  return mine;
}

function sheet(open: OpenSpreadsheet, name: string): Sheet {
  return open.spreadsheet.getSheetByName(name) as Sheet;
}

describe("one document, many people", () => {
  it("refuses a protection's non-editor, in Sheets' words, and lets its editors and the owner write", () => {
    const mine = protectedSites();
    const colleague = mine.as("colleague@example.com");
    expect(() => sheet(colleague, "Sites").getRange(2, 1).setValue("Oslo")).toThrow(PROTECTED);
    expect(() => sheet(colleague, "Sites").deleteRows(2, 1)).toThrow(PROTECTED);
    expect(sheet(colleague, "Sites").getProtections(colleague.app.ProtectionType.SHEET)[0]?.canEdit()).toBe(false);
    sheet(mine, "Sites").getRange(2, 1).setValue("Oslo");
    sheet(mine.as("owner@example.com"), "Sites").getRange(3, 1).setValue("Rome");
    expect(sheet(colleague, "Sites").getRange(2, 1, 2, 1).getValues()).toEqual([["Oslo"], ["Rome"]]);
    // Unprotected sheets stay open to everyone who can edit the file.
    sheet(colleague, "Sheet1").getRange(1, 1).setValue("hello");
  });

  it("protects a range: its non-editors are refused inside it only; a warning-only one refuses no one and warns a typist", () => {
    const mine = createSpreadsheetApp();
    const colleague = mine.as("colleague@example.com");
    const strict = sheet(mine, "Sheet1").getRange(2, 2, 5, 1).protect().setDescription("ids");
    strict.removeEditors(strict.getEditors());
    expect(strict.getProtectionType()).toBe(mine.app.ProtectionType.RANGE);
    expect(strict.getRange().getA1Notation()).toBe("B2:B6");
    expect(() => sheet(colleague, "Sheet1").getRange(3, 2).setValue("x")).toThrow(PROTECTED);
    expect(() =>
      sheet(colleague, "Sheet1")
        .getRange(1, 1, 3, 3)
        .setValues([
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ]),
    ).toThrow(PROTECTED);
    sheet(colleague, "Sheet1").getRange(3, 1).setValue("beside it");
    sheet(colleague, "Sheet1").getRange(7, 2).setValue("below it");
    expect(() => typeIntoCell(mine.document, "colleague@example.com", { sheet: "Sheet1", row: 2, column: 2, text: "x" })).toThrow(
      PROTECTED,
    );
    expect(sheet(mine, "Sheet1").getProtections(mine.app.ProtectionType.SHEET)).toEqual([]);
    expect(mine.spreadsheet.getProtections(mine.app.ProtectionType.RANGE).map((p) => p.getDescription())).toEqual(["ids"]);

    strict.setWarningOnly(true);
    sheet(colleague, "Sheet1").getRange(3, 2).setValue("by script");
    const typed = typeIntoCell(mine.document, "colleague@example.com", { sheet: "Sheet1", row: 4, column: 2, text: "by hand" });
    expect(typed.warnings).toEqual(["ids"]);
    expect(
      typeIntoCell(mine.document, "colleague@example.com", { sheet: "Sheet1", row: 4, column: 1, text: "a" }).warnings,
    ).toEqual([]);
  });

  it("moves and shrinks a protected range with the rows deleted or inserted around it, as Sheets does", () => {
    const mine = createSpreadsheetApp();
    const protection = sheet(mine, "Sheet1").getRange(5, 2, 10, 2).protect();
    sheet(mine, "Sheet1").deleteRows(2, 2);
    expect(protection.getRange().getA1Notation()).toBe("B3:C12");
    sheet(mine, "Sheet1").deleteRows(10, 5);
    expect(protection.getRange().getA1Notation()).toBe("B3:C9");
    sheet(mine, "Sheet1").insertRowsAfter(4, 3);
    expect(protection.getRange().getA1Notation()).toBe("B3:C12");
    sheet(mine, "Sheet1").insertRowsAfter(1, 1);
    expect(protection.getRange().getA1Notation()).toBe("B4:C13");
  });

  it("lets anyone of the owning domain edit while domain edit is on", () => {
    // The file is shared with someone@ too (as with everyone in the domain); the protection's editors are removed.
    const editors = ["owner@example.com", "me@example.com", "someone@example.com"];
    const open = createSpreadsheetApp({ domain: "example.com", editors });
    const protection = sheet(open, "Sheet1").protect();
    protection.removeEditors(protection.getEditors());
    expect(protection.canDomainEdit()).toBe(true);
    sheet(open.as("someone@example.com"), "Sheet1").getRange(1, 1).setValue(1);
    protection.setDomainEdit(false);
    expect(() => sheet(open.as("someone@example.com"), "Sheet1").getRange(1, 1).setValue(2)).toThrow(PROTECTED);
  });

  it("hands back a sheet's protection from protect() when it has one, as Sheets does, rather than a second one", () => {
    const mine = createSpreadsheetApp();
    const colleague = mine.as("colleague@example.com");
    const theirs = sheet(colleague, "Sheet1").protect().setDescription("colleague's own");
    theirs.removeEditors(theirs.getEditors());
    const again = sheet(mine, "Sheet1").protect();
    expect(again.getDescription()).toBe("colleague's own");
    expect(sheet(mine, "Sheet1").getProtections(mine.app.ProtectionType.SHEET)).toHaveLength(1);
    // Handed back, it is still theirs: only its editors (and the owner) may change it.
    expect(() => again.setDescription("mine now")).toThrow(PROTECTED);
    expect(() => again.setWarningOnly(true)).toThrow(PROTECTED);
    expect(sheet(colleague, "Sheet1").protect().getDescription()).toBe("colleague's own");
  });

  it("lets a viewer change nothing, protected or not, and refuses a blank email as a protection's editor", () => {
    const mine = createSpreadsheetApp();
    mine.document.people.viewers = ["viewer@example.com"];
    const viewer = mine.as("viewer@example.com");
    const only = /You can only view this spreadsheet/;
    expect(() => sheet(viewer, "Sheet1").getRange(1, 1).setValue("x")).toThrow(only);
    expect(() => viewer.spreadsheet.insertSheet("Mine")).toThrow(only);
    expect(() => sheet(viewer, "Sheet1").protect()).toThrow(only);
    expect(() => typeIntoCell(mine.document, "viewer@example.com", { sheet: "Sheet1", row: 1, column: 1, text: "x" })).toThrow(
      only,
    );
    const warning = sheet(mine, "Sheet1").protect().setWarningOnly(true);
    expect(sheet(viewer, "Sheet1").getProtections(viewer.app.ProtectionType.SHEET)[0]?.canEdit()).toBe(false);
    expect(sheet(mine.as("colleague@example.com"), "Sheet1").getProtections(mine.app.ProtectionType.SHEET)[0]?.canEdit()).toBe(
      true,
    );
    const editors = warning.getEditors().map((u) => u.getEmail());
    expect(() => warning.addEditor("")).toThrow("Invalid email: ");
    expect(() => warning.addEditor({ getEmail: () => "" } as unknown as GoogleAppsScript.Base.User)).toThrow("Invalid email: ");
    expect(() => warning.addEditors(["ann@example.com", ""])).toThrow("Invalid email: ");
    expect(warning.getEditors().map((u) => u.getEmail())).toEqual(editors);
  });

  it("keeps each person's active sheet and selection their own", () => {
    const mine = createSpreadsheetApp();
    mine.spreadsheet.insertSheet("Users");
    const colleague = mine.as("colleague@example.com");
    expect(mine.spreadsheet.getActiveSheet().getName()).toBe("Users");
    expect(colleague.spreadsheet.getActiveSheet().getName()).toBe("Sheet1");
    selectRanges(mine.document, "colleague@example.com", "Sheet1", [
      { row: 2, column: 1, numRows: 2, numColumns: 1 },
      { row: 5, column: 2, numRows: 1, numColumns: 1 },
    ]);
    const ranges = colleague.app
      .getActiveRangeList()
      ?.getRanges()
      .map((r) => r.getA1Notation());
    expect(ranges).toEqual(["A2:A3", "B5"]);
    expect(colleague.app.getActiveRange()?.getA1Notation()).toBe("B5");
    expect(mine.app.getActiveRange()?.getA1Notation()).toBe("A1");
    colleague.spreadsheet.getSheetByName("Sheet1")?.getRange("A990:A1000").activate();
    colleague.spreadsheet.getSheetByName("Sheet1")?.deleteRows(995, 6);
    expect(colleague.app.getActiveRange()?.getA1Notation()).toBe("A990:A994");
  });

  it("gives each execution the SpreadsheetApp of its person, through the HostService", () => {
    const mine = protectedSites();
    const service = spreadsheetService(mine.document);
    const execution = (user: string): Execution => ({ id: 1, user, authMode: "FULL", scopes: [], startedAt: 0 });
    const app = service.create(execution("colleague@example.com")) as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    expect(service.name).toBe("SpreadsheetApp");
    expect(Object.prototype.toString.call(app)).toBe("[object SpreadsheetApp]");
    expect(() => app.getActive().getSheetByName("Sites")?.getRange("A2").setValue("x")).toThrow(PROTECTED);
  });
});

describe("host objects follow the seam's rules", () => {
  it("carry their Apps Script class name and expose only enums as own enumerable properties", () => {
    const open = createSpreadsheetApp();
    const range = open.spreadsheet.getSheets()[0]?.getRange(1, 1) as Range;
    const objects: [object, string][] = [
      [open.app, "SpreadsheetApp"],
      [open.spreadsheet, "Spreadsheet"],
      [range.getSheet(), "Sheet"],
      [range, "Range"],
      [open.app.newDataValidation(), "DataValidationBuilder"],
      [open.app.getUi(), "Ui"],
    ];
    for (const [object, name] of objects) expect(Object.prototype.toString.call(object)).toBe(`[object ${name}]`);
    expect(Object.keys(open.app).sort()).toEqual(["DataValidationCriteria", "ProtectionType"]);
    expect(Object.keys(range)).toEqual([]);
    expect(open.app.ProtectionType.SHEET).toBe("SHEET");
  });
});

describe("a person's edits in the grid", () => {
  it("parses what they type, keeps text in '@' cells, and hands onEdit the range, value and old value", () => {
    const open = createSpreadsheetApp();
    const before = open.document.changes;
    const first = typeIntoCell(open.document, "me@example.com", { sheet: "Sheet1", row: 2, column: 3, text: "0101" });
    expect(first.value).toBe("101");
    expect(first.oldValue).toBeUndefined();
    expect(first.range.getA1Notation()).toBe("C2");
    expect(Object.prototype.toString.call(first.range)).toBe("[object Range]");
    sheet(open, "Sheet1").getRange(2, 4).setNumberFormat("@");
    typeIntoCell(open.document, "me@example.com", { sheet: "Sheet1", row: 2, column: 4, text: "0101" });
    const second = typeIntoCell(open.document, "me@example.com", { sheet: "Sheet1", row: 2, column: 3, text: "true" });
    expect([second.value, second.oldValue]).toEqual(["TRUE", "101"]);
    expect(sheet(open, "Sheet1").getRange(2, 3, 1, 2).getValues()).toEqual([[true, "0101"]]);
    expect(open.document.changes).toBeGreaterThan(before);
  });

  it("inserts and deletes rows, moving what is below, hidden rows too", () => {
    const open = createSpreadsheetApp();
    const users = sheet(open, "Sheet1");
    users.getRange(1, 1, 3, 1).setValues([["h"], ["a"], ["b"]]);
    users.hideRows(3);
    const inserted = insertRow(open.document, "me@example.com", { sheet: "Sheet1", after: 1 });
    expect([inserted.changeType, inserted.range.getA1Notation()]).toEqual(["INSERT_ROW", "A2:Z2"]);
    expect(users.getRange(1, 1, 4, 1).getValues()).toEqual([["h"], [""], ["a"], ["b"]]);
    expect([users.isRowHiddenByUser(3), users.isRowHiddenByUser(4), users.getMaxRows()]).toEqual([false, true, 1001]);
    deleteRow(open.document, "me@example.com", { sheet: "Sheet1", row: 2 });
    expect(users.getRange(1, 1, 3, 1).getValues()).toEqual([["h"], ["a"], ["b"]]);
    expect(users.isRowHiddenByUser(3)).toBe(true);
  });

  it("refuses a non-editor's typing and row changes on a protected sheet, and changes nothing", () => {
    const mine = protectedSites();
    const changes = mine.document.changes;
    const them = "colleague@example.com";
    expect(() => typeIntoCell(mine.document, them, { sheet: "Sites", row: 2, column: 1, text: "x" })).toThrow(PROTECTED);
    expect(() => insertRow(mine.document, them, { sheet: "Sites", after: 1 })).toThrow(PROTECTED);
    expect(() => deleteRow(mine.document, them, { sheet: "Sites", row: 2 })).toThrow(PROTECTED);
    expect(mine.document.changes).toBe(changes);
    expect(typeIntoCell(mine.document, "me@example.com", { sheet: "Sites", row: 2, column: 1, text: "x" }).oldValue).toBe(
      "Paris",
    );
  });
});

describe("Apps Script's errors", () => {
  const open = () => createSpreadsheetApp();

  it("a range outside the grid", () => {
    const target = sheet(open(), "Sheet1");
    expect(() => target.getRange(1001, 1)).toThrow("The coordinates of the range are outside the dimensions of the sheet.");
    expect(() => target.getRange(1, 27)).toThrow("The coordinates of the range are outside the dimensions of the sheet.");
    try {
      target.getRange(1, 1, 2000, 1);
    } catch (error) {
      expect(String(error)).toBe("Exception: The coordinates of the range are outside the dimensions of the sheet.");
    }
  });

  it("data that does not match the range's shape", () => {
    const range = sheet(open(), "Sheet1").getRange(1, 1, 2, 2);
    expect(() => range.setValues([["a", "b"]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
    expect(() => range.setNotes([["a"], ["b"]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.",
    );
  });

  it("a taken sheet name, the last sheet, all non-frozen rows", () => {
    const sheets = open();
    expect(() => sheets.spreadsheet.insertSheet("sheet1")).toThrow(
      'A sheet with the name "sheet1" already exists. Please enter another name.',
    );
    expect(() => sheets.spreadsheet.deleteSheet(sheet(sheets, "Sheet1"))).toThrow(
      "You can't remove all the sheets in a document.",
    );
    sheet(sheets, "Sheet1").setFrozenRows(1);
    expect(() => sheet(sheets, "Sheet1").deleteRows(2, 999)).toThrow("Sorry, it is not possible to delete all non-frozen rows.");
  });
});

describe("the person's window", () => {
  it("records the add-on menu and the sidebar shown, per person", () => {
    const open = createSpreadsheetApp();
    open.app
      .getUi()
      .createAddonMenu()
      .addItem("Open sidebar", "showSidebar")
      .addSeparator()
      .addItem("Validate", "menuValidate")
      .addToUi();
    open.app.getUi().showSidebar({ getContent: () => "<p>hi</p>", getTitle: () => "RingCentral Users" } as never);
    open.spreadsheet.toast("Done.", "RingCentral Users");
    const view = open.document.viewOf("me@example.com");
    expect(view.menus).toEqual([
      {
        caption: null,
        items: [
          { caption: "Open sidebar", functionName: "showSidebar" },
          null,
          { caption: "Validate", functionName: "menuValidate" },
        ],
      },
    ]);
    expect(view.sidebar).toEqual({ title: "RingCentral Users", html: "<p>hi</p>" });
    expect(view.toasts).toEqual([{ message: "Done.", title: "RingCentral Users" }]);
    expect(open.document.viewOf("colleague@example.com").menus).toEqual([]);
  });

  it("opens the one spreadsheet by id or url, and no other", () => {
    const open = createSpreadsheetApp();
    expect(open.app.openById("local-spreadsheet").getId()).toBe("local-spreadsheet");
    expect(open.app.openByUrl(open.spreadsheet.getUrl()).getId()).toBe("local-spreadsheet");
    expect(() => open.app.openById("other")).toThrow(/openById/);
  });

  it("opens another spreadsheet of the Drive by id or link when it is shared with the person, else Apps Script's error", () => {
    const mine = createSpreadsheetApp({ user: "me@example.com" });
    const people = { owner: "customer@example.com", editors: ["customer@example.com"], domain: null };
    const shared = SheetsDocument.blank("customer-list-0123456789", { ...people, viewers: ["me@example.com"] });
    shared.name = "Customer list";
    shared.sheets[0]?.cellToWrite(1, 1);
    const secret = SheetsDocument.blank("not-shared-0123456789", people);
    const drive = new Drive([shared, secret]);
    const app = spreadsheetService(mine.document, drive).create({
      user: "me@example.com",
    } as Execution) as unknown as typeof mine.app;
    expect(app.openById("customer-list-0123456789").getName()).toBe("Customer list");
    const byLink = app.openByUrl("https://docs.google.com/spreadsheets/d/customer-list-0123456789/edit#gid=0");
    expect(byLink.getSheets().map((s) => s.getName())).toEqual(["Sheet1"]);
    // The same spreadsheet opened twice gives the same sheet objects, as Apps Script's facades do.
    expect(app.openById("customer-list-0123456789").getSheets()[0]).toBe(byLink.getSheets()[0]);
    expect(app.openById(mine.document.id).getId()).toBe(mine.document.id);
    expect(() => app.openById("not-shared-0123456789")).toThrow("You do not have permission to access the requested document.");
    expect(() => app.openById("nobody-has-this-id-000")).toThrow(
      "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
    );
    expect(() => app.openByUrl("https://example.com/spreadsheets/d/customer-list-0123456789")).toThrow("Invalid argument: url");
  });
});

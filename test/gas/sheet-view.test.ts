import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSpreadsheetApp, type OpenSpreadsheet } from "../../src/apps-script-runtime/spreadsheet/service";
import { appsScriptHome } from "../../src/gas/home";
import { runSelfTest } from "../../src/gas/self-test";
import { sheetView } from "../../src/gas/sheet-view";
import { onEdit } from "../../src/gas/triggers";
import { serverFunctions } from "../../src/server/functions";
import { invoke } from "../../src/server/server-function";
import { appsScriptGlobals } from "./apps-script-globals";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

describe("the person's view of the sheet (Apps Script)", () => {
  let fake: OpenSpreadsheet;
  let restore: () => void;
  beforeEach(() => {
    fake = createSpreadsheetApp();
    restore = fake.install();
    const users = fake.spreadsheet.getSheetByName("Sheet1") as Sheet;
    users.getRange(1, 1, 6, 1).setValues([["Header"], ["a"], ["b"], ["c"], ["d"], ["e"]]);
  });
  afterEach(() => restore());

  it("selectedRows: every range of the selection, without the header or rows past the data, on the active sheet only", () => {
    const users = fake.spreadsheet.getSheetByName("Sheet1") as Sheet;
    users.getRangeList(["A1:C2", "A4:C4", "A5:C504"]).activate();
    const view = sheetView(fake.spreadsheet);
    expect(view.selectedRows("Sheet1")).toEqual([2, 4, 5, 6]);
    expect(view.selectedRows("Users")).toEqual([]);
  });

  it("showOnly hides the runs of other rows (a call per run), and null shows every row", () => {
    const users = fake.spreadsheet.getSheetByName("Sheet1") as Sheet;
    const view = sheetView(fake.spreadsheet);
    const hidden = () => [1, 2, 3, 4, 5, 6, 7].filter((row) => users.isRowHiddenByUser(row));
    fake.resetCalls();
    view.showOnly("Sheet1", [3, 4]);
    expect(hidden()).toEqual([2, 5, 6]);
    expect([fake.count("Sheet.showRows"), fake.count("Sheet.hideRows")]).toEqual([1, 2]);
    view.showOnly("Sheet1", null);
    expect(hidden()).toEqual([]);
  });

  it("selfTest runs the Workbook contract's cases on temporary tabs and deletes them", () => {
    const lines: string[] = [];
    const report = runSelfTest(fake.spreadsheet, (line) => lines.push(line));
    expect(report.failed).toEqual([]);
    expect(report.passed).toHaveLength(10);
    expect(fake.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Sheet1"]);
    expect(lines.at(-1)).toBe("10 passed, 0 failed.");
  });
});

describe("onEdit (simple trigger)", () => {
  it("validates the edited rows at once and marks just them", () => {
    const fake = createSpreadsheetApp();
    const restore = [fake.install(), appsScriptGlobals().install()];
    try {
      invoke("setUpWorkspace", serverFunctions.setUpWorkspace, appsScriptHome(), {});
      const users = fake.spreadsheet.getSheetByName("Users") as Sheet;
      users.getRange(2, 1, 2, 5).setValues([
        ["User", "Ann", "Lee", "not-an-email", "101"],
        ["User", "Bo", "Ray", "also-bad", "102"],
      ]);
      fake.resetCalls();
      onEdit({ range: users.getRange(2, 4) } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
      expect(users.getRange(2, 4).getNotes()[0]?.[0]).toMatch(/Email/);
      expect(users.getRange(3, 4).getNotes()[0]?.[0]).toBe("");
      expect(fake.count("Range.setNotes")).toBe(1);
    } finally {
      for (const undo of restore.reverse()) undo();
    }
  });
});

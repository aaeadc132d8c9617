import type { Home } from "../server/home";
import { SheetsWorkbook } from "./sheets-workbook";

/** The Apps Script home: the spreadsheet the add-in is open in, and its person's cursor. */
export function appsScriptHome(): Home {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return {
    workbook: new SheetsWorkbook(spreadsheet),
    selection: {
      select(sheet, row, column) {
        const target = spreadsheet.getSheetByName(sheet);
        if (!target) return;
        target.activate();
        target.setActiveSelection(target.getRange(row, column));
      },
    },
  };
}

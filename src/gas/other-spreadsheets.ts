import type { OtherSpreadsheets } from "../server/other-spreadsheets";
import { SheetsWorkbook } from "./sheets-workbook";

/**
 * The person's other spreadsheets through SpreadsheetApp.openById (the `spreadsheets` scope). Apps Script throws
 * for a spreadsheet the person may not open and for an id that names none; each becomes a sentence to act on.
 */
export const appsScriptSpreadsheets: OtherSpreadsheets = {
  open(id) {
    try {
      const spreadsheet = SpreadsheetApp.openById(id);
      return {
        name: spreadsheet.getName(),
        workbook: new SheetsWorkbook(spreadsheet),
        span(name) {
          const sheet = spreadsheet.getSheetByName(name);
          return sheet ? { rows: sheet.getLastRow(), columns: sheet.getLastColumn() } : { rows: 0, columns: 0 };
        },
      };
    } catch (error) {
      return { refusal: refusalOf(error instanceof Error ? error.message : String(error)) };
    }
  },
};

function refusalOf(message: string): string {
  if (/do not have permission to access/i.test(message))
    return "You cannot open that spreadsheet: it is not shared with your Google account. Ask its owner to share it with you (viewing is enough), or download it as .xlsx and choose the file.";
  if (/do not have permission to call/i.test(message))
    return "The add-in is not allowed to open other spreadsheets in this installation: download the spreadsheet as .xlsx and choose the file.";
  if (/unexpected error|not found|invalid argument/i.test(message))
    return "No spreadsheet opens at that link: check that it is the whole link from the spreadsheet's address bar, and that the spreadsheet was not deleted.";
  return `That spreadsheet could not be opened: ${message}`;
}

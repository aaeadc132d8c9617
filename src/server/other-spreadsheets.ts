import type { Workbook } from "../workbook/port";

/** Another spreadsheet opened to import from: read only, through the Workbook port. */
export interface OpenedSpreadsheet {
  name: string;
  workbook: Pick<Workbook, "sheets" | "read">;
}

/**
 * The person's other spreadsheets, where the home can reach them (Apps Script: SpreadsheetApp.openById). A
 * spreadsheet the person cannot open is a refusal they can act on, not an exception.
 */
export interface OtherSpreadsheets {
  open(id: string): OpenedSpreadsheet | { refusal: string };
}

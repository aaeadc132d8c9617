import type { Workbook } from "../workbook/port";

/** Another spreadsheet opened to import from: read only, through the Workbook port. */
export interface OpenedSpreadsheet {
  name: string;
  workbook: Pick<Workbook, "sheets" | "read">;
  /**
   * A sheet's rows and columns from A1 to its last value (Sheets' getLastRow and getLastColumn), known without
   * reading a cell: a sheet too large to import is refused before its values are read.
   */
  span(sheet: string): { rows: number; columns: number };
}

/**
 * The person's other spreadsheets, where the home can reach them (Apps Script: SpreadsheetApp.openById). A
 * spreadsheet the person cannot open is a refusal they can act on, not an exception.
 */
export interface OtherSpreadsheets {
  open(id: string): OpenedSpreadsheet | { refusal: string };
}

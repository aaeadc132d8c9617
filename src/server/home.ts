import type { Workbook } from "../workbook/port";

/** Moves the person's cursor to a cell, where the home has a person looking at the sheet. */
export interface Selection {
  select(sheet: string, row: number, column: number): void;
}

/** The outside world a server function may touch, given by the home it runs in (Apps Script or Node). */
export interface Home {
  workbook: Workbook;
  selection: Selection;
}

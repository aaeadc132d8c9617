import type { Clock } from "../ringcentral/clock";
import type { Workbook } from "../workbook/port";
import type { Connection } from "./connection";

/** Moves the person's cursor to a cell, where the home has a person looking at the sheet. */
export interface Selection {
  select(sheet: string, row: number, column: number): void;
}

/** The outside world a server function may touch, given by the home it runs in (Apps Script or Node). */
export interface Home {
  workbook: Workbook;
  selection: Selection;
  /** RingCentral, for the functions that talk to it (absent where a home has none, e.g. a test of the sheet alone). */
  connection?: Connection;
  clock?: Clock;
}

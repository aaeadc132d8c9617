/**
 * The Workbook port: everything the core needs from a spreadsheet, and nothing more.
 * Adapters: in memory (tests, benchmarks), Apps Script (SpreadsheetApp) and an .xlsx file.
 *
 * Coordinates are 1-based, as in Sheets. A sheet is read whole, once per operation, and written back in blocks:
 * never a call per cell or per row.
 */

import type { Cell } from "../domain/cell";

export type { Cell };

/** A rectangle of values whose top-left corner is at (row, column); every row has the same length. */
export interface Block<T> {
  row: number;
  column: number;
  values: T[][];
}

/** What validation puts on a cell: a note and a background colour (`#rrggbb`), or nothing. */
export interface CellMark {
  note: string;
  background: string | null;
}

export const NO_MARK: CellMark = { note: "", background: null };

/**
 * A dropdown on a column below its header: a fixed list, or the values of another sheet's column. A list may name a
 * column to offer instead where a home cannot hold the list (an .xlsx list is 255 characters, without commas).
 */
export type Dropdown =
  | { column: number; kind: "list"; values: string[]; orColumn?: { sheet: string; sourceColumn: number } }
  | { column: number; kind: "column"; sheet: string; sourceColumn: number };

/** How a sheet is presented: its header frozen, text-formatted columns, dropdowns, protection. */
export interface SheetLayout {
  frozenRows: number;
  /** 1-based columns formatted as plain text, so `0101` stays `0101`. */
  textColumns: number[];
  dropdowns: Dropdown[];
  /** Protected sheets are written only by the add-in. */
  protected: boolean;
  /**
   * 1-based columns, below the header, that the sync writes: typing there warns first (a warning-only protection in
   * Sheets; the add-in's own writes are not stopped). Absent or empty: none. An .xlsx file has no such warning.
   */
  warnedColumns?: number[];
}

export interface SheetRef {
  name: string;
  /** The stable marker that identifies one of our tabs even after a rename, or null. */
  marker: string | null;
}

export interface Workbook {
  /** Sheets in tab order. */
  sheets(): SheetRef[];
  addSheet(name: string): void;
  setMarker(sheet: string, marker: string): void;
  /** The used range from A1, rectangular, '' for empty cells; [] for an empty sheet. */
  read(sheet: string): Cell[][];
  /**
   * The sheet as it is now, read again whatever this operation read before: a person may have typed, inserted,
   * deleted or sorted rows meanwhile. Absent where nobody else edits while the add-in works (a file, memory).
   */
  reread?(sheet: string): Cell[][];
  /** Strings stay text whatever the cells' format (Sheets would turn '0101' into 101 and '+1…' into a formula). */
  write(sheet: string, block: Block<Cell>): void;
  /** Removes `count` whole rows starting at `row`; rows below move up. */
  deleteRows(sheet: string, row: number, count: number): void;
  mark(sheet: string, block: Block<CellMark>): void;
  marks(sheet: string, block: { row: number; column: number; rows: number; columns: number }): CellMark[][];
  /** Replaces the sheet's layout: text formats and dropdowns the new layout drops are removed. */
  applyLayout(sheet: string, layout: SheetLayout): void;
  layout(sheet: string): SheetLayout;
}

/** A sheet name that is not in the workbook: a programming error, not a user's. */
export class MissingSheetError extends Error {
  constructor(sheet: string) {
    super(`There is no sheet named "${sheet}".`);
    this.name = "MissingSheetError";
  }
}

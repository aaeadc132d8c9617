/**
 * How big a file may be, in one place: every reader checks these before it allocates, and every refusal names the
 * limit it met. They are set so that the largest file they let through is read, mapped, validated and imported in
 * well under a minute and 1.5 GB, by the CLI and in Apps Script's 6 minutes; and they stay far above real projects
 * (2,000 users is a large one).
 */

import { columnLetter } from "./cell-address";

/**
 * A source file (CSV or .xlsx). The sidebar sends a file to Apps Script as one string, and Apps Script holds the
 * whole table in memory; 10 MB is about 20,000 rows of a wide HR export, and far below what makes a sidebar hang.
 */
export const MAX_SOURCE_BYTES = 10 * 1024 * 1024;

/** Rows of a source that hold a value: ten times a large project, and what one import writes in one go. */
export const MAX_SOURCE_ROWS = 20_000;

/** Columns of a source, up to its last value: a wide HR export has 200; every column is matched against Users. */
export const MAX_SOURCE_COLUMNS = 1_000;

/** Characters in one cell: Excel's own limit, and Sheets' is near it; a longer value cannot be written back. */
export const MAX_CELL_CHARS = 32_767;

/** A workbook file (the workspace): its zip, as read from disk. */
export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;

/**
 * All the parts of an .xlsx zip together, inflated. ExcelJS holds about ten bytes of memory for each byte of sheet
 * XML, so this keeps opening a workbook under about 600 MB whatever its zip says.
 */
export const MAX_WORKBOOK_INFLATED_BYTES = 50 * 1024 * 1024;

/** Parts in an .xlsx zip: a workbook of 100 tabs has about 250. */
export const MAX_WORKBOOK_PARTS = 2_000;

/**
 * Cells and rows stored in an .xlsx's sheets: ExcelJS makes an object of each (about 500 bytes), and of every cell a
 * merge or a data validation covers (it expands their areas cell by cell as it reads them).
 */
export const MAX_WORKBOOK_STORED_CELLS = 1_000_000;

/**
 * A sheet read as a table: the rectangle from A1 to its farthest value, blanks included. One stray value at
 * XFD1048576 would otherwise ask for 17 billion cells.
 */
export const MAX_SHEET_CELLS = 2_000_000;

/** Why a sheet's rectangle (A1 to its farthest value, `rows` by `columns`) is too large to fill, or null. */
export function sheetSpanRefusal(sheet: string, rows: number, columns: number): string | null {
  const cells = rows * columns;
  if (cells <= MAX_SHEET_CELLS) return null;
  return `Sheet ${sheet} spans A1:${columnLetter(columns)}${rows} (${bigCount(cells)} cells); the limit is ${count(MAX_SHEET_CELLS)} cells: delete the far cells or copy the data to a new workbook.`;
}

/** 10485760 → "10 MB"; 1500 → "1,500". Limits are named in messages in these words. */
export function bytesLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${count(Math.round(bytes / (1024 * 1024)))} MB` : `${count(bytes)} bytes`;
}

export function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** 17179869184 → "17 billion", 3500000 → "3.5 million": the size of a far cell's rectangle at a glance. */
export function bigCount(n: number): string {
  if (n >= 1e9) return `${count(Math.round(n / 1e9))} billion`;
  if (n >= 1e6) return `${Math.round(n / 1e5) / 10} million`;
  return count(n);
}

export const MAX_SOURCE_LABEL = bytesLabel(MAX_SOURCE_BYTES);

/**
 * Why a source table is too large to import, or null. Only rows and columns that hold a value count, so blank
 * lines at the end of a CSV or an empty styled column of a sheet do not.
 */
export function sourceTableRefusal(table: readonly (readonly unknown[])[]): string | null {
  let rows = 0;
  let columns = 0;
  for (const [r, row] of table.entries()) {
    const long = row.findIndex((value) => typeof value === "string" && value.length > MAX_CELL_CHARS);
    if (long >= 0)
      return `Row ${r + 1} holds a value of ${count(String(row[long]).length)} characters; a cell holds at most ${count(MAX_CELL_CHARS)}: shorten it, or check that the file is the one you meant.`;
    let last = -1;
    for (let c = row.length - 1; c >= 0; c--)
      if (row[c] !== "" && row[c] !== null && row[c] !== undefined) {
        last = c;
        break;
      }
    if (last < 0) continue;
    rows++;
    if (last + 1 > columns) columns = last + 1;
  }
  if (rows > MAX_SOURCE_ROWS)
    return `The source has ${count(rows)} rows with values; the limit is ${count(MAX_SOURCE_ROWS)}: split it into files of fewer rows and import each.`;
  if (columns > MAX_SOURCE_COLUMNS)
    return `The source has values in ${count(columns)} columns; the limit is ${count(MAX_SOURCE_COLUMNS)}: delete the columns you do not import, or the stray values far to the right.`;
  return null;
}

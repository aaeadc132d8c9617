import type { Cell } from "../domain/cell";
import type { TabDef } from "../domain/tabs";
import { type ColumnIndex, columnIndex, decodeTab } from "./codec";
import type { Workbook } from "./port";
import { locateTabs } from "./tab-location";

/**
 * One of our tabs read once, as an image of its rows below the header that a function changes in memory and writes
 * back as one block: the rows it does not touch are written with the values they had.
 */
export interface TableImage<K extends string> {
  sheet: string;
  header: Cell[];
  columns: ColumnIndex<K>;
  width: number;
  /** Sheet row r is rows[r - 2]. */
  rows: Cell[][];
}

export function readImage<K extends string>(workbook: Workbook, tab: TabDef<K>): TableImage<K> | null {
  const sheet = locateTabs(workbook).get(tab.id);
  if (!sheet) return null;
  const table = workbook.read(sheet);
  const columns = columnIndex(tab, table[0] ?? []);
  if (columns.size === 0) return null;
  const width = table[0]?.length ?? 0;
  return {
    sheet,
    header: table[0] ?? [],
    columns,
    width,
    rows: table.slice(1).map((line) => Array.from({ length: width }, (_, c) => line[c] ?? "")),
  };
}

/** Sets one cell of the image, adding blank rows below when `row` is past the end. */
export function setCell<K extends string>(image: TableImage<K>, row: number, key: K, value: Cell): void {
  const column = image.columns.get(key);
  if (column === undefined) return;
  while (image.rows.length < row - 1) image.rows.push(Array.from({ length: image.width }, () => ""));
  (image.rows[row - 2] as Cell[])[column] = value;
}

/** The rows from `top` to `bottom` (sheet rows) back to the sheet as one block; the whole image when not given. */
export function writeImage<K extends string>(
  workbook: Workbook,
  image: TableImage<K>,
  top = 2,
  bottom = image.rows.length + 1,
): void {
  if (bottom < top || image.width === 0) return;
  workbook.write(image.sheet, { row: top, column: 1, values: image.rows.slice(top - 2, bottom - 1) });
}

/** Writes one column of the rows between the first and last changed one: a single block, one column wide. */
export function writeColumn<K extends string>(workbook: Workbook, image: TableImage<K>, key: K, rows: readonly number[]): void {
  const column = image.columns.get(key);
  if (column === undefined || rows.length === 0) return;
  const top = rows.reduce((a, b) => Math.min(a, b));
  const bottom = rows.reduce((a, b) => Math.max(a, b));
  const values = image.rows.slice(top - 2, bottom - 1).map((line) => [line[column] ?? ""]);
  workbook.write(image.sheet, { row: top, column: column + 1, values });
}

/** The image's rows as records of the tab, as they stand now. */
export function recordsOf<K extends string>(tab: TabDef<K>, image: TableImage<K>) {
  return decodeTab(tab, [image.header, ...image.rows]).records;
}

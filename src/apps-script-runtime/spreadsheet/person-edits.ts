/**
 * What a person does in the Sheets grid (the playground's grid stands in for it): type into a cell, insert or
 * delete a row, select ranges. Protections apply as in Sheets, and each edit returns what the triggers it fires need.
 */

import type { Area } from "./a1-notation";
import type { SheetModel, SheetsDocument } from "./document";
import { exception, RANGE_NOT_FOUND } from "./exceptions";
import { type CellValue, entered } from "./input-parsing";
import { Person } from "./person";
import { Range, select } from "./range";

/** The data of the `onEdit` event a typed cell fires. */
export interface CellEdit {
  /** The edited cell, as a host object of the editing person's facade (for the engine to hand to onEdit). */
  range: Range;
  /** The new value as onEdit's `e.value` carries it: a string; absent when the cell was cleared. */
  value: string | undefined;
  /** The old value as `e.oldValue` carries it; absent when the cell was empty. */
  oldValue: string | undefined;
  /**
   * The descriptions of the warning-only protections over the cell: Sheets asked the person to confirm the edit
   * ("Edit anyway"), and the edit stands as they confirmed it.
   */
  warnings: string[];
}

/** A row inserted or deleted: Sheets fires no onEdit for it, only an installable onChange of this type. */
export interface RowChange {
  changeType: "INSERT_ROW" | "REMOVE_ROW";
  /** The new row (insert), or the row that now sits where the deleted one was (delete). */
  range: Range;
}

/** A cell typed into by `user`, parsed as Sheets parses typed input (the cell's '@' format keeps text as typed). */
export function typeIntoCell(
  document: SheetsDocument,
  user: string,
  at: { sheet: string; row: number; column: number; text: string },
): CellEdit {
  const person = new Person(document, user);
  const sheet = sheetNamed(document, at.sheet);
  const area = { row: at.row, column: at.column, numRows: 1, numColumns: 1 };
  const range = new Range(person, sheet, area);
  person.checkEdit(sheet, area);
  const cell = sheet.cellToWrite(at.row, at.column);
  const old = cell.value;
  cell.value = entered(at.text, cell.format);
  document.touch();
  const warnings = sheet.warningsOver(area).map((p) => p.description);
  return { range, value: eventValue(cell.value), oldValue: eventValue(old), warnings };
}

/** A blank row inserted below `after` (0 for the top). */
export function insertRow(document: SheetsDocument, user: string, at: { sheet: string; after: number }): RowChange {
  const person = new Person(document, user);
  const sheet = sheetNamed(document, at.sheet);
  person.checkEdit(sheet);
  sheet.insertRows(at.after, 1);
  return { changeType: "INSERT_ROW", range: wholeRow(person, sheet, at.after + 1) };
}

/** A deleted row put back where it was, with the values it showed (Sheets' undo of a row deletion). */
export function restoreRow(
  document: SheetsDocument,
  user: string,
  at: { sheet: string; row: number; values: readonly string[] },
): RowChange {
  const change = insertRow(document, user, { sheet: at.sheet, after: at.row - 1 });
  const sheet = sheetNamed(document, at.sheet);
  at.values.forEach((text, i) => {
    if (text === "") return;
    const cell = sheet.cellToWrite(at.row, i + 1);
    cell.value = entered(text, cell.format);
  });
  document.touch();
  return change;
}

export function deleteRow(document: SheetsDocument, user: string, at: { sheet: string; row: number }): RowChange {
  const person = new Person(document, user);
  const sheet = sheetNamed(document, at.sheet);
  person.checkEdit(sheet, { row: at.row, column: 1, numRows: 1, numColumns: sheet.maxColumns });
  sheet.deleteRows(at.row, 1);
  return { changeType: "REMOVE_ROW", range: wholeRow(person, sheet, Math.min(at.row, sheet.maxRows)) };
}

/**
 * Data › Sort range on the rows below the header (`headerRows`, 1 unless told), by one column, A to Z: whole rows move
 * with everything on them, blank cells last, ties in their order (support.google.com/docs/answer/3540681).
 */
export function sortRows(
  document: SheetsDocument,
  user: string,
  at: { sheet: string; column: number; descending?: boolean; headerRows?: number },
): void {
  const person = new Person(document, user);
  const sheet = sheetNamed(document, at.sheet);
  const header = at.headerRows ?? 1;
  const last = sheet.lastFilled("row");
  person.checkEdit(sheet, { row: header + 1, column: 1, numRows: Math.max(last - header, 1), numColumns: sheet.maxColumns });
  const rows = Array.from({ length: Math.max(last - header, 0) }, (_, i) => sheet.rows[header + i] ?? []);
  const key = (line: (typeof rows)[number]) => String(line[at.column - 1]?.value ?? "");
  const order = at.descending ? -1 : 1;
  rows.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    if (x === "" || y === "") return x === y ? 0 : x === "" ? 1 : -1;
    return order * x.localeCompare(y, "en", { numeric: true, sensitivity: "base" });
  });
  while (sheet.rows.length < header) sheet.rows.push([]);
  sheet.rows.splice(header, rows.length, ...rows);
  document.touch();
}

/** The person's selection: one or more ranges on a sheet, which becomes their active sheet. */
export function selectRanges(document: SheetsDocument, user: string, sheet: string, areas: Area[]): void {
  if (areas.length === 0) throw exception(RANGE_NOT_FOUND);
  const person = new Person(document, user);
  const model = sheetNamed(document, sheet);
  for (const at of areas) new Range(person, model, at);
  select(person, model, areas);
}

function sheetNamed(document: SheetsDocument, name: string): SheetModel {
  const sheet = document.sheetByName(name);
  if (!sheet) throw exception(`There is no sheet named "${name}".`);
  return sheet;
}

function wholeRow(person: Person, sheet: SheetModel, row: number): Range {
  return new Range(person, sheet, { row, column: 1, numRows: 1, numColumns: sheet.maxColumns });
}

/** The days since 1899-12-30 that Sheets counts dates in, local time. */
function serialOf(date: Date): number {
  const local = date.getTime() - date.getTimezoneOffset() * 60_000;
  return local / 86_400_000 + 25_569;
}

/** onEdit's values are strings: TRUE/FALSE for booleans, the serial number for dates; nothing for an empty cell. */
function eventValue(value: CellValue): string | undefined {
  if (value === "") return undefined;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return String(serialOf(value));
  return String(value);
}

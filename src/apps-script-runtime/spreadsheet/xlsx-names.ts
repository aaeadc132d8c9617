/**
 * Developer metadata kept in an .xlsx file as workbook defined names, for a tool that reads the file without the
 * runtime's record (a CLI that finds its tabs by a marker). A name points at A1 of its sheet, so Excel and Sheets
 * carry it along when the sheet is renamed or moved. Which key, and how a value becomes a name, is the caller's:
 * the runtime knows no product's convention. Metadata under other keys stays in the record (xlsx-record.ts).
 */

import type ExcelJS from "exceljs";

export interface MetadataNames {
  /** The developer metadata key kept as names (one value per sheet, one sheet per value). */
  readonly key: string;
  /** The defined name that holds a value; throws when the value cannot be one. */
  nameOf(value: string): string;
  /** The value a defined name holds, or null when the name is not one of these. */
  valueOf(name: string): string | null;
}

/** Takes the names that hold values out of the workbook: the value of each sheet that has one, by sheet name. */
export function takeNamedValues(excel: ExcelJS.Workbook, names: MetadataNames | undefined): Map<string, string> {
  const values = new Map<string, string>();
  if (!names) return values;
  const all = excel.definedNames.model;
  const others = all.filter((entry) => {
    const value = names.valueOf(entry.name);
    if (value === null) return true;
    // A name left pointing at a sheet that is gone (deleted, or renamed by a tool that ignores names) is dropped.
    const sheet = excel.worksheets.find((ws) => entry.ranges.some((range) => sheetOfReference(range) === ws.name));
    if (sheet) values.set(sheet.name, value);
    return false;
  });
  if (others.length !== all.length) excel.definedNames.model = others;
  return values;
}

/** Writes one name per sheet and value (`valueBySheet`), pointing at the sheet's A1. */
export function putNamedValues(excel: ExcelJS.Workbook, names: MetadataNames, valueBySheet: ReadonlyMap<string, string>): void {
  const added = [...valueBySheet].map(([sheet, value]) => ({ name: names.nameOf(value), ranges: [`${sheetPrefix(sheet)}$A$1`] }));
  if (added.length) excel.definedNames.model = [...excel.definedNames.model, ...added];
}

/** `'O''Brien'!`: always quoted, so that no sheet name can be mistaken for a cell or a function. */
function sheetPrefix(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!`;
}

/** The sheet of `Sheet!$A$1` or `'My sheet'!$A$1`, or null when the reference names none. */
function sheetOfReference(reference: string): string | null {
  const found = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(reference);
  if (!found) return null;
  return found[1] !== undefined ? found[1].replace(/''/g, "'") : (found[2] ?? null);
}

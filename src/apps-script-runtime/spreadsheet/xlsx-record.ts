/**
 * What an .xlsx file cannot hold of a Sheets document, kept beside it in the same file: a very hidden worksheet
 * whose column A holds one JSON record, cut into cells (a cell holds at most 32,767 characters). Everything the
 * xlsx format can say stays in xlsx (values, formats, notes, fills, frozen and hidden rows, list and range
 * validations, sheet protection, metadata named as `names` says: xlsx-names.ts), so other tools read it too; the
 * record only adds to that, and a record that no longer matches the file (after another tool saved it) gives way.
 */

import type ExcelJS from "exceljs";
import type { Area } from "./a1-notation";
import type { ProtectionModel } from "./document";

export const RECORD_SHEET = "apps-script-runtime";
const CELL_LIMIT = 32_000;

/** A validation rule with its range arguments as `{ sheet, area }`. */
export interface RecordedRule {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export interface SheetRecord {
  name: string;
  id: number;
  maxRows: number;
  maxColumns: number;
  /** Every protection, with what xlsx's single sheet protection has no room for. */
  protections: ProtectionModel[];
  /** Developer metadata other than what is kept as defined names. */
  metadata: { key: string; value: string | null }[];
  /** Validations xlsx cannot express (a list item with a comma, other criteria, no dropdown). */
  validations: { area: Area; rule: RecordedRule }[];
}

export interface DocumentRecord {
  version: 1;
  sheets: SheetRecord[];
}

export function writeRecord(excel: ExcelJS.Workbook, record: DocumentRecord): void {
  const ws = excel.addWorksheet(RECORD_SHEET, { state: "veryHidden" });
  const json = JSON.stringify(record);
  for (let start = 0, row = 1; start < json.length; start += CELL_LIMIT, row++) {
    ws.getCell(row, 1).value = json.slice(start, start + CELL_LIMIT);
  }
}

/** The record, taken out of the workbook's sheets; null when there is none or it cannot be read. */
export function takeRecord(excel: ExcelJS.Workbook): DocumentRecord | null {
  const ws = excel.worksheets.find((sheet) => sheet.name === RECORD_SHEET);
  if (!ws) return null;
  let json = "";
  for (let row = 1; row <= ws.rowCount; row++) json += String(ws.getCell(row, 1).value ?? "");
  excel.removeWorksheet(ws.id);
  try {
    const record = JSON.parse(json) as DocumentRecord;
    return record.version === 1 && Array.isArray(record.sheets) ? record : null;
  } catch {
    return null;
  }
}

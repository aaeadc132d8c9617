/** A Sheets document as an .xlsx workbook, written atomically: what xlsx can hold natively, the rest in the record. */

import { randomUUID } from "node:crypto";
import { chmod, open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { type Area, absoluteReference, columnLetters } from "./a1-notation";
import { AUTOMATIC_FORMAT, type CellModel, RangeRef, type RuleModel, type SheetModel, type SheetsDocument } from "./document";
import { AUTOMATIC_DATE_FORMAT } from "./xlsx-load";
import { type MetadataNames, putNamedValues } from "./xlsx-names";
import { type DocumentRecord, type RecordedRule, type SheetRecord, writeRecord } from "./xlsx-record";

/** A protected sheet's rows and columns can still be resized, as a spreadsheet program protects one by default. */
const SHEET_PROTECTION: Partial<ExcelJS.WorksheetProtection> = { formatColumns: true, formatRows: true };
const MAX_LIST_FORMULA = 255;
/** Excel's longest sheet name: ExcelJS would silently cut a longer one. */
const MAX_SHEET_NAME = 31;

/** `names`: developer metadata to keep as defined names (as in `LoadOptions`); the rest goes in the record. */
export async function documentToXlsx(document: SheetsDocument, names?: MetadataNames): Promise<Buffer> {
  const excel = new ExcelJS.Workbook();
  const record: DocumentRecord = { version: 1, sheets: [] };
  const named = new Map<string, string>();
  const values = new Set<string>();
  for (const sheet of document.sheets) {
    if (sheet.name.length > MAX_SHEET_NAME)
      throw new Error(`The sheet name "${sheet.name}" is longer than ${MAX_SHEET_NAME} characters, which .xlsx cannot hold.`);
    const ws = excel.addWorksheet(sheet.name);
    const recorded: SheetRecord = {
      name: sheet.name,
      id: sheet.id,
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      protections: sheet.protections.map((p) => ({ ...p, editors: [...p.editors] })),
      metadata: [],
      validations: [],
    };
    saveCells(ws, sheet);
    saveValidations(ws, sheet, recorded);
    ws.views = [sheet.frozenRows > 0 ? { state: "frozen", xSplit: 0, ySplit: sheet.frozenRows } : { state: "normal" }];
    // Without a password `protect` does all its work before it returns. xlsx has no warning-only protection: the
    // file's stands for the sheet's protection, strict or not, and the record says which.
    if (sheet.protections.some((p) => !p.area)) void ws.protect("", SHEET_PROTECTION);
    // One named value per sheet and per value, as a defined name can point only once; other metadata goes in the record.
    const kept = sheet.metadata.find((m) => m.key === names?.key && m.value !== null && !values.has(m.value));
    if (kept?.value) {
      named.set(sheet.name, kept.value);
      values.add(kept.value);
    }
    recorded.metadata = sheet.metadata.filter((m) => m !== kept).map(({ key, value }) => ({ key, value }));
    record.sheets.push(recorded);
  }
  if (names) putNamedValues(excel, names, named);
  writeRecord(excel, record);
  return Buffer.from(await excel.xlsx.writeBuffer());
}

/** Temp file beside `path`, flushed, then renamed over it: never a half-written file; the file keeps its mode. */
export async function saveDocument(document: SheetsDocument, path: string, names?: MetadataNames): Promise<void> {
  const data = await documentToXlsx(document, names);
  const mode = await stat(path).then(
    (s) => s.mode & 0o7777,
    () => 0o644,
  );
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temp, "wx", mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temp, mode);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new Error(`Could not save the spreadsheet to "${path}": ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/**
 * A column formatted the same all the way down is saved as the column's format (how Excel formats a column); each cell is then written only when it holds something or differs from its column.
 */
function saveCells(ws: ExcelJS.Worksheet, sheet: SheetModel): void {
  const columnFormats = new Map<number, string>();
  for (let c = 1; c <= sheet.maxColumns; c++) {
    const format = sheet.cell(1, c).format;
    if (format === AUTOMATIC_FORMAT) continue;
    let same = true;
    for (let r = 2; r <= sheet.maxRows && same; r++) same = sheet.cell(r, c).format === format;
    if (same) {
      ws.getColumn(c).numFmt = format;
      columnFormats.set(c, format);
    }
  }
  for (const [r, line] of sheet.rows.entries()) {
    for (const [c, cell] of line.entries()) {
      if (cell) saveCell(ws, r + 1, c + 1, cell, columnFormats.get(c + 1) ?? AUTOMATIC_FORMAT);
    }
  }
  for (const row of sheet.hiddenRows) {
    // xlsx keeps a row's attributes only on a row that has a cell.
    const cell = ws.getCell(row, 1);
    cell.style = { ...cell.style, numFmt: cell.numFmt ?? columnFormats.get(1) ?? AUTOMATIC_FORMAT };
    ws.getRow(row).hidden = true;
  }
}

function saveCell(ws: ExcelJS.Worksheet, row: number, column: number, cell: CellModel, columnFormat: string): void {
  if (cell.value === "" && cell.note === "" && cell.background === null && cell.format === columnFormat) return;
  const target = ws.getCell(row, column);
  if (cell.value !== "") target.value = cell.value;
  if (cell.note !== "") target.note = cell.note;
  const style: Partial<ExcelJS.Style> = {};
  style.numFmt = cell.value instanceof Date && cell.format === AUTOMATIC_FORMAT ? AUTOMATIC_DATE_FORMAT : cell.format;
  if (cell.background) {
    style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${cell.background.slice(1).toUpperCase()}` } };
  }
  target.style = style;
}

type ValidationMap = Record<string, ExcelJS.DataValidation>;

/** Runs of cells down a column with the same rule become one validation each, natively when xlsx can say it. */
function saveValidations(ws: ExcelJS.Worksheet, sheet: SheetModel, recorded: SheetRecord): void {
  const model = (ws as unknown as { dataValidations: { model: ValidationMap } }).dataValidations.model;
  const keys = new Map<RuleModel, string>();
  const keyOf = (rule: RuleModel) => keys.get(rule) ?? keys.set(rule, JSON.stringify(recordedRule(rule))).get(rule);
  for (let c = 1; c <= sheet.maxColumns; c++) {
    let start = 0;
    let current: RuleModel | null = null;
    for (let r = 1; r <= sheet.maxRows + 1; r++) {
      const rule = r <= sheet.maxRows ? sheet.cell(r, c).validation : null;
      if (rule && current && keyOf(rule) === keyOf(current)) continue;
      if (current) saveRule(model, recorded, { row: start, column: c, numRows: r - start, numColumns: 1 }, current);
      [start, current] = [r, rule];
    }
  }
}

function saveRule(model: ValidationMap, recorded: SheetRecord, area: Area, rule: RuleModel): void {
  const native = nativeRule(rule);
  const letter = columnLetters(area.column);
  if (native) model[`${letter}${area.row}:${letter}${area.row + area.numRows - 1}`] = native;
  else recorded.validations.push({ area, rule: recordedRule(rule) });
}

/** A list without commas or a range, with its dropdown: what an xlsx list validation can hold. */
function nativeRule(rule: RuleModel): ExcelJS.DataValidation | null {
  const [source, showDropdown] = rule.args;
  if (showDropdown === false) return null;
  const formula = listFormula(rule.criteria, source);
  if (formula === null) return null;
  return {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: rule.allowInvalid ? "warning" : "stop",
    ...(rule.helpText ? { showInputMessage: true, prompt: rule.helpText } : {}),
  } as ExcelJS.DataValidation;
}

function listFormula(criteria: string, source: unknown): string | null {
  if (criteria === "VALUE_IN_RANGE" && source instanceof RangeRef) return absoluteReference(source.sheet.name, source.area);
  if (criteria !== "VALUE_IN_LIST" || !Array.isArray(source)) return null;
  const values = source.map(String);
  if (values.some((value) => value.includes(","))) return null;
  const formula = `"${values.map((value) => value.replace(/"/g, '""')).join(",")}"`;
  return formula.length <= MAX_LIST_FORMULA ? formula : null;
}

function recordedRule(rule: RuleModel): RecordedRule {
  const args = rule.args.map((arg) => (arg instanceof RangeRef ? { sheet: arg.sheet.name, area: { ...arg.area } } : arg));
  return { criteria: rule.criteria, args, allowInvalid: rule.allowInvalid, helpText: rule.helpText };
}

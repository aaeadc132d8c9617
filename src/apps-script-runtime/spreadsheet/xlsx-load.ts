/** A Sheets document from an .xlsx workbook: what xlsx holds, completed by the runtime's record (./xlsx-record.ts). */

import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import ExcelJS from "exceljs";
import { type Area, parseReference } from "./a1-notation";
import {
  AUTOMATIC_FORMAT,
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  MAX_CELLS,
  MAX_COLUMNS,
  OVER_MAX_CELLS,
  type People,
  type ProtectionModel,
  RangeRef,
  type RuleModel,
  type SheetModel,
  SheetsDocument,
} from "./document";
import { type MetadataNames, takeNamedValues } from "./xlsx-names";
import { type DocumentRecord, type RecordedRule, type SheetRecord, takeRecord } from "./xlsx-record";

/** The format the save gives a date in an Automatic cell, since xlsx needs one to call a number a date. */
export const AUTOMATIC_DATE_FORMAT = "yyyy-mm-dd hh:mm:ss";

export interface LoadOptions {
  /** The spreadsheet's id (getId, openById). */
  id: string;
  /** Its name (getName); the file's name without .xlsx when loaded from a path. */
  name?: string;
  people: People;
  /**
   * The description given to a sheet protection the file holds without the runtime's record (a file another tool,
   * such as the CLI, protected): the playground names it as the add-in does, since both protect the same tabs.
   */
  fileProtection?: string;
  /** Developer metadata the file keeps as defined names (a product's tab markers); none by default. */
  names?: MetadataNames;
}

export async function loadDocument(path: string, options: LoadOptions): Promise<SheetsDocument> {
  return documentFromXlsx(await readFile(path), { name: basename(path).replace(/\.xlsx$/i, ""), ...options });
}

/**
 * The bytes are trusted to be an .xlsx within reason: a caller that takes files from people checks them first (the
 * playground does, as the CLI checks a workbook).
 */
export async function documentFromXlsx(data: Uint8Array, options: LoadOptions): Promise<SheetsDocument> {
  const excel = await excelOf(data);
  const record = takeRecord(excel);
  // The grid each sheet gets is known from the rows and columns the file holds, before a cell is made: a file one far
  // cell makes 17 billion cells large is refused as Sheets refuses it, not expanded.
  const grids = excel.worksheets.map((ws) =>
    gridOf(
      ws,
      record?.sheets.find((sheet) => sheet.name === ws.name),
    ),
  );
  const cells = grids.reduce((sum, grid) => sum + grid.rows * grid.columns, 0);
  if (cells > MAX_CELLS || grids.some((grid) => grid.columns > MAX_COLUMNS)) throw new Error(OVER_MAX_CELLS);
  const named = takeNamedValues(excel, options.names);
  const document = new SheetsDocument(options.id, options.people);
  if (options.name) document.name = options.name;
  const loaded: [ExcelJS.Worksheet, SheetModel][] = excel.worksheets.map((ws) => {
    const recorded = record?.sheets.find((sheet) => sheet.name === ws.name);
    const sheet = document.addSheet(ws.name, document.sheets.length, recorded?.id);
    loadSheet(ws, sheet, recorded);
    sheet.protections.push(
      ...protectionsOf(ws, recorded, { description: options.fileProtection ?? "", owner: options.people.owner }),
    );
    const value = named.get(ws.name);
    if (value !== undefined && options.names) sheet.metadata.push({ id: document.nextId(), key: options.names.key, value });
    for (const { key, value } of recorded?.metadata ?? []) sheet.metadata.push({ id: document.nextId(), key, value });
    return [ws, sheet];
  });
  // Validations last: a range validation may name a sheet that comes later.
  for (const [ws, sheet] of loaded) loadValidations(ws, sheet, record);
  document.changes = 0;
  return document;
}

async function excelOf(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const excel = new ExcelJS.Workbook();
  // ExcelJS types its input as its own `Buffer` interface; it takes Node's buffers.
  await excel.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer).catch((error: unknown) => {
    throw new Error("The file is not an .xlsx workbook, or its contents are damaged.", { cause: error });
  });
  // Any zip loads, as a workbook without sheets; a spreadsheet always has one.
  if (excel.worksheets.length === 0) throw new Error("The file holds no sheets, so it is not an .xlsx workbook.");
  return excel;
}

/** What a cell shows, as a plain value: rich text and hyperlinks as their text, a formula as its last result. */
function plainValue(value: ExcelJS.CellValue): string | number | boolean | Date {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  // A hyperlink's text may itself be rich text, whatever the typings say.
  if ("hyperlink" in value) return plainValue(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return plainValue(value.result ?? null);
  if ("error" in value) return value.error;
  return "";
}

/** The grid a sheet of the file gets: the recorded one (or Sheets' default), grown to the rows and columns it holds. */
function gridOf(ws: ExcelJS.Worksheet, recorded: SheetRecord | undefined): { rows: number; columns: number } {
  return {
    rows: Math.max(recorded?.maxRows ?? DEFAULT_ROWS, ws.rowCount),
    columns: Math.max(recorded?.maxColumns ?? DEFAULT_COLUMNS, ws.columnCount),
  };
}

function loadSheet(ws: ExcelJS.Worksheet, sheet: SheetModel, recorded: SheetRecord | undefined): void {
  const grid = gridOf(ws, recorded);
  sheet.maxRows = grid.rows;
  sheet.maxColumns = grid.columns;
  const view = ws.views?.[0] as { state?: string; ySplit?: number } | undefined;
  sheet.frozenRows = view?.state === "frozen" ? (view.ySplit ?? 0) : 0;
  const columnFormats = loadColumnFormats(ws, sheet);
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.hidden) sheet.hiddenRows.add(r);
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.findCell(c);
      if (cell) loadCell(cell, sheet, r, c, columnFormats.get(c) ?? AUTOMATIC_FORMAT);
    }
  });
}

/** A column's own format (how Excel formats a whole column) goes to each of its cells, as in Sheets. */
function loadColumnFormats(ws: ExcelJS.Worksheet, sheet: SheetModel): Map<number, string> {
  const formats = new Map<number, string>();
  for (let c = 1; c <= ws.columnCount; c++) {
    const format = ws.getColumn(c).style?.numFmt;
    if (!format || format === AUTOMATIC_FORMAT) continue;
    formats.set(c, format);
    for (let r = 1; r <= sheet.maxRows; r++) sheet.cellToWrite(r, c).format = format;
  }
  return formats;
}

function loadCell(cell: ExcelJS.Cell, sheet: SheetModel, row: number, column: number, columnFormat: string): void {
  const value = plainValue(cell.type === ExcelJS.ValueType.Merge ? null : cell.value);
  const note = noteText(cell.note);
  const background = backgroundOf(cell.style?.fill);
  let format = cell.style?.numFmt ?? columnFormat;
  if (value instanceof Date && format === AUTOMATIC_DATE_FORMAT) format = AUTOMATIC_FORMAT;
  if (value === "" && note === "" && background === null && format === columnFormat) return;
  Object.assign(sheet.cellToWrite(row, column), { value, note, background, format });
}

function noteText(note: string | ExcelJS.Comment | undefined): string {
  if (note === undefined) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((run) => run.text).join("");
}

function backgroundOf(fill: ExcelJS.Fill | undefined): string | null {
  if (fill?.type !== "pattern" || fill.pattern !== "solid") return null;
  const argb = fill.fgColor?.argb;
  if (argb === undefined || !/^(?:[0-9a-f]{2})?[0-9a-f]{6}$/i.test(argb)) return null;
  return `#${argb.slice(-6).toLowerCase()}`;
}

/**
 * xlsx says whether the sheet is protected; the record says by whom and why. The record is believed only where it
 * agrees with the file; a protection the file has and the record lacks lets only the owner edit.
 */
function protectionsOf(
  ws: ExcelJS.Worksheet,
  recorded: SheetRecord | undefined,
  file: { description: string; owner: string },
): ProtectionModel[] {
  const inFile = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet === true;
  const all = recorded?.protections ?? [];
  // xlsx holds whether the whole sheet is protected, not how (warning-only or not); range protections live in the
  // record alone.
  const ranges = all.filter((p) => p.area);
  const sheetWide = all.filter((p) => !p.area);
  if (inFile === sheetWide.length > 0) return all.map((p) => ({ ...p, editors: [...p.editors] }));
  const fromFile: ProtectionModel[] = inFile
    ? [{ description: file.description, warningOnly: false, domainEdit: false, editors: [file.owner] }]
    : [];
  return [...fromFile, ...ranges.map((p) => ({ ...p, editors: [...p.editors] }))];
}

type ExcelValidation = ExcelJS.DataValidation & { prompt?: string; showErrorMessage?: boolean; errorStyle?: string };

function loadValidations(ws: ExcelJS.Worksheet, sheet: SheetModel, record: DocumentRecord | null): void {
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelValidation | undefined> } }).dataValidations
    .model;
  const shared = new Map<string, RuleModel | null>();
  for (const [address, validation] of Object.entries(model)) {
    const area = parseReference(address)?.area;
    if (!validation || !area) continue;
    const key = JSON.stringify(validation);
    if (!shared.has(key)) shared.set(key, ruleFromXlsx(validation, sheet.document));
    const rule = shared.get(key);
    if (rule) putRule(sheet, area, rule);
  }
  const recorded = record?.sheets.find((s) => s.name === sheet.name)?.validations ?? [];
  for (const { area, rule } of recorded) {
    const model = ruleFromRecord(rule, sheet.document);
    if (model) putRule(sheet, area, model);
  }
}

function putRule(sheet: SheetModel, area: Area, rule: RuleModel): void {
  const bottom = Math.min(area.row + area.numRows - 1, sheet.maxRows);
  const right = Math.min(area.column + area.numColumns - 1, sheet.maxColumns);
  for (let r = area.row; r <= bottom; r++) for (let c = area.column; c <= right; c++) sheet.cellToWrite(r, c).validation = rule;
}

/** A list (`"a,b"`) or a range (`'Sites'!$A$2:$A$1000`); a stop style that shows its error refuses invalid values. */
function ruleFromXlsx(validation: ExcelValidation, document: SheetsDocument): RuleModel | null {
  if (validation.type !== "list") return null;
  const formula = String(validation.formulae?.[0] ?? "");
  const allowInvalid = validation.showErrorMessage !== true || (validation.errorStyle ?? "stop") !== "stop";
  const helpText = validation.prompt ?? "";
  const list = /^"((?:[^"]|"")*)"$/.exec(formula);
  if (list) {
    const values = (list[1] ?? "").replace(/""/g, '"').split(",");
    return { criteria: "VALUE_IN_LIST", args: [values, true], allowInvalid, helpText };
  }
  const reference = parseReference(formula);
  const source = reference?.sheet ? document.sheetByName(reference.sheet) : null;
  if (!reference || !source) return null;
  return { criteria: "VALUE_IN_RANGE", args: [new RangeRef(source, reference.area), true], allowInvalid, helpText };
}

function ruleFromRecord(rule: RecordedRule, document: SheetsDocument): RuleModel | null {
  const args: unknown[] = [];
  for (const arg of rule.args) {
    if (!isRecordedRange(arg)) {
      args.push(arg);
      continue;
    }
    const source = document.sheetByName(arg.sheet);
    if (!source) return null;
    args.push(new RangeRef(source, arg.area));
  }
  return { ...rule, args };
}

export function isRecordedRange(arg: unknown): arg is { sheet: string; area: Area } {
  return typeof arg === "object" && arg !== null && "sheet" in arg && "area" in arg;
}

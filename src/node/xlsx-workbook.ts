/**
 * The Workbook port over an `.xlsx` file, through ExcelJS. The port is synchronous, so every port method works on
 * the in-memory ExcelJS model; only `open`, `fromBuffer`, `save` and `toBuffer` touch bytes.
 */

import { randomUUID } from "node:crypto";
import { open as openFile, realpath, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import ExcelJS from "exceljs";
import { areaOf, columnLetter, columnNumber } from "../mapping/cell-address";
import { MAX_WORKBOOK_BYTES, sheetSpanRefusal } from "../mapping/limits";
import {
  type Block,
  type Cell,
  type CellMark,
  type Dropdown,
  MissingSheetError,
  NO_MARK,
  type SheetLayout,
  type SheetRef,
  type Workbook,
} from "../workbook/port";
import { type FileKind, readFileBytes } from "./file-bytes";
import { xlsxPackageRefusal } from "./xlsx-package";

type Worksheet = ExcelJS.Worksheet;
type ExcelCell = ExcelJS.Cell;

/** Dropdowns cover these rows: the header is row 1, and Sheets' own default data range ends at 1000. */
const DROPDOWN_ROWS = { first: 2, last: 1000 } as const;
const TEXT_FORMAT = "@";
/** Excel's limits: a sheet name, a defined name, the text of a list validation. */
const MAX_SHEET_NAME = 31;
const MAX_DEFINED_NAME = 255;
const MAX_LIST_FORMULA = 255;
/** Let people resize rows and columns of a protected sheet; everything else stays locked. */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = { formatColumns: true, formatRows: true };

export class XlsxWorkbook implements Workbook {
  /**
   * Markers by worksheet object. They live here rather than in ExcelJS's defined names while the workbook is open,
   * because ExcelJS neither follows a rename nor keeps A1 names through `spliceRows`; `toBuffer` writes them out.
   */
  private readonly markers: Map<Worksheet, string>;

  /** `excel` is the ExcelJS model underneath, for what the port does not cover (and for tests that edit it). */
  private constructor(readonly excel: ExcelJS.Workbook) {
    this.markers = takeMarkers(excel);
  }

  static create(): XlsxWorkbook {
    return new XlsxWorkbook(new ExcelJS.Workbook());
  }

  /**
   * Refused before ExcelJS inflates anything when the zip is not an .xlsx or is over the limits (see
   * xlsx-package.ts); the Error's message is the end of a sentence ("it is not a zip file: …") that `open` and the
   * source reader start with the file's name.
   */
  static async fromBuffer(data: Uint8Array | ArrayBuffer): Promise<XlsxWorkbook> {
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const refusal = xlsxPackageRefusal(bytes);
    if (refusal) throw new Error(refusal);
    const excel = new ExcelJS.Workbook();
    // ExcelJS types its input as its own `Buffer` interface; it accepts Node buffers and ArrayBuffers. Its own
    // errors name its internals, not what the person can do, so they become one plain sentence.
    await excel.xlsx.load(data as unknown as ExcelJS.Buffer).catch((error: unknown) => {
      throw new Error("its contents are damaged. Open it in Excel or Sheets and save it again as .xlsx.", { cause: error });
    });
    // Any zip loads, as a workbook without sheets; a real .xlsx always has at least one.
    if (excel.worksheets.length === 0) throw new Error("it holds no sheets, so it is not an .xlsx workbook.");
    return new XlsxWorkbook(excel);
  }

  static async open(path: string): Promise<XlsxWorkbook> {
    const data = await readFileBytes(path, WORKBOOK_FILE);
    return XlsxWorkbook.fromBuffer(data).catch((error: unknown) => {
      throw new Error(`Could not open "${path}" as an .xlsx workbook: ${messageOf(error)}`, { cause: error });
    });
  }

  async toBuffer(): Promise<Buffer> {
    if (this.excel.worksheets.length === 0) throw new Error("An .xlsx workbook needs at least one sheet.");
    const names = this.excel.definedNames;
    const others = names.model;
    names.model = [...others, ...this.markerNames()];
    // ExcelJS snapshots its whole model synchronously when a write starts, so the marker names can go right away.
    const written = this.excel.xlsx.writeBuffer();
    names.model = others;
    return Buffer.from(await written);
  }

  /**
   * Writes a temp file beside the file `path` names, flushed to disk, then renames it over that file: never a
   * half-written file. A symlink stays a symlink (the file it points to is replaced), and the file keeps its mode: a
   * workbook kept 0600 because it holds PINs stays 0600.
   */
  async save(path: string): Promise<void> {
    const data = await this.toBuffer();
    const target = await realpath(path).catch(() => path);
    const mode = await stat(target).then(
      (s) => s.mode & 0o7777,
      () => undefined,
    );
    const temp = join(dirname(target), `.${basename(target)}.${randomUUID()}.tmp`);
    try {
      const handle = await openFile(temp, "wx", mode ?? 0o666);
      try {
        await handle.writeFile(data);
        // The umask may have narrowed the mode given to open; the file's own mode is what it keeps.
        if (mode !== undefined) await handle.chmod(mode);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw new Error(`Could not save the workbook to "${path}": ${messageOf(error)}`, { cause: error });
    }
  }

  /** The tabs a person can see: a very hidden sheet (the playground's record of Apps Script state) is none of them. */
  sheets(): SheetRef[] {
    return this.excel.worksheets
      .filter((ws) => ws.state !== "veryHidden")
      .map((ws) => ({ name: ws.name, marker: this.markers.get(ws) ?? null }));
  }

  addSheet(name: string): void {
    const taken = this.excel.worksheets.some((ws) => ws.name.toLowerCase() === name.toLowerCase());
    if (taken) throw new Error(`A sheet named "${name}" already exists.`);
    // ExcelJS would silently cut a long name, and the caller would then not find its sheet.
    if (name.length > MAX_SHEET_NAME) throw new Error(`The sheet name "${name}" is longer than ${MAX_SHEET_NAME} characters.`);
    this.excel.addWorksheet(name);
  }

  /** A marker names one sheet: setting it on a sheet takes it off any other, as a defined name can only point once. */
  setMarker(sheet: string, marker: string): void {
    const target = this.worksheet(sheet);
    markerName(marker); // fails early on a marker too long to store
    for (const [ws, current] of this.markers) if (current === marker) this.markers.delete(ws);
    this.markers.set(target, marker);
  }

  read(sheet: string): Cell[][] {
    const lines: Cell[][] = [];
    let columns = 0;
    // Sparse first: only cells that hold a value; the rectangle is filled with '' once its size is known and is
    // within the limit (one stray value at XFD1048576 would ask for 17 billion cells).
    this.worksheet(sheet).eachRow((row, r) => {
      const line: Cell[] = [];
      row.eachCell((cell, c) => {
        const value = plainValue(cell);
        if (value === "") return;
        line[c - 1] = value;
        columns = Math.max(columns, c);
      });
      if (line.length > 0) lines[r - 1] = line;
    });
    const refusal = sheetSpanRefusal(sheet, lines.length, columns);
    if (refusal) throw new Error(refusal);
    return Array.from({ length: lines.length }, (_, r) => Array.from({ length: columns }, (_, c) => lines[r]?.[c] ?? ""));
  }

  write(sheet: string, block: Block<Cell>): void {
    const ws = this.worksheet(sheet);
    block.values.forEach((line, r) => {
      const row = ws.getRow(block.row + r);
      line.forEach((value, c) => {
        const column = block.column + c;
        if (value === "") {
          const cell = row.findCell(column);
          if (cell) cell.value = null;
        } else row.getCell(column).value = value;
      });
    });
  }

  /**
   * ExcelJS 4.4's `spliceRows` moves values and styles but drops notes, so the notes below the cut are carried up by
   * hand; and it leaves the rows alone when the cut reaches the end of the sheet, so what lies past the new end is
   * emptied here.
   */
  deleteRows(sheet: string, row: number, count: number): void {
    const ws = this.worksheet(sheet);
    const last = ws.rowCount;
    if (count <= 0 || row > last) return;
    const notes = notesFrom(ws, row + count);
    ws.spliceRows(row, count);
    for (let r = Math.max(row, last - count + 1); r <= last; r++) {
      const rest = ws.findRow(r);
      if (rest) rest.values = [];
    }
    for (const { row: r, column, note } of notes) ws.getCell(r - count, column).note = note;
  }

  mark(sheet: string, block: Block<CellMark>): void {
    const ws = this.worksheet(sheet);
    block.values.forEach((line, r) => {
      line.forEach((mark, c) => {
        const [row, column] = [block.row + r, block.column + c];
        const clearing = mark.note === "" && mark.background === null;
        // Clearing a cell that does not exist would only create an empty one.
        const cell = clearing ? ws.findCell(row, column) : ws.getCell(row, column);
        if (cell) putMark(cell, mark);
      });
    });
  }

  marks(sheet: string, range: { row: number; column: number; rows: number; columns: number }): CellMark[][] {
    const ws = this.worksheet(sheet);
    return Array.from({ length: range.rows }, (_, r) => {
      const row = ws.findRow(range.row + r);
      return Array.from({ length: range.columns }, (_, c) => markOf(row?.findCell(range.column + c)));
    });
  }

  applyLayout(sheet: string, layout: SheetLayout): void {
    const ws = this.worksheet(sheet);
    // Everything that can fail is checked before the sheet changes.
    for (const dropdown of layout.dropdowns) if (dropdown.kind === "column") this.worksheet(dropdown.sheet);
    const formulas = layout.dropdowns.map((dropdown) => ({ column: dropdown.column, formula: dropdownFormula(dropdown) }));
    freezeRows(ws, layout.frozenRows);
    formatTextColumns(ws, layout.textColumns);
    putDropdowns(ws, formulas);
    protect(ws, layout.protected);
  }

  layout(sheet: string): SheetLayout {
    const ws = this.worksheet(sheet);
    return {
      frozenRows: frozenRowsOf(ws),
      textColumns: textColumnsOf(ws),
      dropdowns: dropdownsOf(ws),
      protected: protectionOf(ws)?.sheet === true,
    };
  }

  private worksheet(name: string): Worksheet {
    const found = this.excel.worksheets.find((ws) => ws.name === name);
    if (!found) throw new MissingSheetError(name);
    return found;
  }

  private markerNames(): ExcelJS.DefinedNamesRanges[] {
    return this.excel.worksheets.flatMap((ws) => {
      const marker = this.markers.get(ws);
      return marker === undefined ? [] : [{ name: markerName(marker), ranges: [`${sheetPrefix(ws.name)}$A$1`] }];
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Markers. A marker is stored as a workbook defined name that points at A1 of its sheet, so that Excel, LibreOffice
// and Sheets carry it along when the sheet is renamed or moved. The name is MARKER_PREFIX followed by the marker's
// UTF-8 bytes: `a`-`z` and `0`-`9` as themselves, every other byte as `_` and two lowercase hex digits
// (`rcsheets:users` → `rcsheets_tab_rcsheets_3ausers`). Only characters legal in a defined name are produced, and
// since Excel compares names without case, no letter is kept upper case: two markers never share a name.
// ---------------------------------------------------------------------------------------------------------------

const MARKER_PREFIX = "rcsheets_tab_";

export function markerName(marker: string): string {
  let name = MARKER_PREFIX;
  for (const byte of new TextEncoder().encode(marker)) {
    const char = String.fromCharCode(byte);
    name += /[a-z0-9]/.test(char) ? char : `_${byte.toString(16).padStart(2, "0")}`;
  }
  if (name.length > MAX_DEFINED_NAME) throw new Error(`The marker "${marker}" is too long to store in an .xlsx file.`);
  return name;
}

/** The marker a defined name stores, or null when the name is not one of ours. Tolerates a change of case. */
export function markerOfName(name: string): string | null {
  const lower = name.toLowerCase();
  if (!lower.startsWith(MARKER_PREFIX)) return null;
  const body = lower.slice(MARKER_PREFIX.length);
  if (!/^(?:[a-z0-9]|_[0-9a-f]{2})*$/.test(body)) return null;
  const bytes = (body.match(/_[0-9a-f]{2}|[a-z0-9]/g) ?? []).map((part) =>
    part.length === 3 ? Number.parseInt(part.slice(1), 16) : part.charCodeAt(0),
  );
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

/** Takes our names out of the ExcelJS model and returns the markers they held, by sheet. */
function takeMarkers(excel: ExcelJS.Workbook): Map<Worksheet, string> {
  const markers = new Map<Worksheet, string>();
  const all = excel.definedNames.model;
  const others: ExcelJS.DefinedNamesRanges[] = [];
  for (const entry of all) {
    const marker = markerOfName(entry.name);
    if (marker === null) {
      others.push(entry);
      continue;
    }
    // A name left pointing at a sheet that is gone (deleted, or renamed by a tool that ignores names) is dropped.
    const sheet = excel.worksheets.find((ws) => entry.ranges.some((range) => sheetOfReference(range) === ws.name));
    if (sheet) markers.set(sheet, marker);
  }
  if (others.length !== all.length) excel.definedNames.model = others;
  return markers;
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

// ---------------------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------------------

/** What a person sees in the cell, as a plain value: rich text, hyperlinks and formulas (their cached result) too. */
function plainValue(cell: ExcelCell): Cell {
  // A merged area holds its value in the top-left cell only, as Sheets reports it.
  if (cell.type === ExcelJS.ValueType.Merge) return "";
  return plain(cell.value);
}

/** An ExcelJS value as a cell holds it: rich text and hyperlinks as their text, a formula as its last result. */
export function plain(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  // A hyperlink's text may itself be rich text, whatever the typings say.
  if ("hyperlink" in value) return plain(value.text as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return plain(value.result ?? null);
  if ("error" in value) return value.error;
  return "";
}

// ---------------------------------------------------------------------------------------------------------------
// Marks: the note is the cell's note, the background a solid fill.
// ---------------------------------------------------------------------------------------------------------------

/** ExcelJS has no way to remove a note but to drop the comment it keeps on the cell (as its own row code does). */
interface NotedCell {
  _comment?: unknown;
}

function putMark(cell: ExcelCell, mark: CellMark): void {
  if (mark.note !== "") cell.note = mark.note;
  else if ((cell as unknown as NotedCell)._comment !== undefined) (cell as unknown as NotedCell)._comment = undefined;
  const fill = mark.background === null ? undefined : solidFill(mark.background);
  if (fill !== undefined || cell.style.fill !== undefined) cell.style = restyled(cell.style, "fill", fill);
}

function markOf(cell: ExcelCell | undefined): CellMark {
  if (!cell) return NO_MARK;
  const note = noteText(cell.note);
  const background = backgroundOf(cell.style.fill);
  return note === "" && background === null ? NO_MARK : { note, background };
}

function noteText(note: string | ExcelJS.Comment | undefined): string {
  if (note === undefined) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((run) => run.text).join("");
}

function solidFill(background: string): ExcelJS.Fill {
  if (!/^#[0-9a-f]{6}$/i.test(background)) throw new Error(`"${background}" is not a colour of the form #rrggbb.`);
  return { type: "pattern", pattern: "solid", fgColor: { argb: `FF${background.slice(1).toUpperCase()}` } };
}

/** `#rrggbb` of a solid fill given as ARGB; theme and indexed colours cannot be told without the theme: null. */
function backgroundOf(fill: ExcelJS.Fill | undefined): string | null {
  if (fill?.type !== "pattern" || fill.pattern !== "solid") return null;
  const argb = fill.fgColor?.argb;
  if (argb === undefined || !/^(?:[0-9a-f]{2})?[0-9a-f]{6}$/i.test(argb)) return null;
  return `#${argb.slice(-6).toLowerCase()}`;
}

/**
 * A copy of `style` with one property set (or removed when `value` is undefined). Styles are copied, never changed
 * in place: ExcelJS shares one style object among all the cells a file gave the same style.
 */
function restyled<K extends keyof ExcelJS.Style>(
  style: Partial<ExcelJS.Style>,
  key: K,
  value: ExcelJS.Style[K] | undefined,
): Partial<ExcelJS.Style> {
  const copy = { ...style };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

interface PlacedNote {
  row: number;
  column: number;
  note: string | ExcelJS.Comment;
}

/** The notes from `firstRow` down, empty cells included (`eachCell` would skip those or create cells). */
function notesFrom(ws: Worksheet, firstRow: number): PlacedNote[] {
  const notes: PlacedNote[] = [];
  eachRowFrom(ws, firstRow, (row, r) => {
    for (let column = 1; column <= row.cellCount; column++) {
      const note = row.findCell(column)?.note;
      if (note !== undefined) notes.push({ row: r, column, note });
    }
  });
  return notes;
}

/** Every row that exists from `first` down, without creating any, whether or not it holds values. */
function eachRowFrom(ws: Worksheet, first: number, visit: (row: ExcelJS.Row, number: number) => void): void {
  for (let r = first; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (row) visit(row, r);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------------------------------------------

/** The parts of a sheet view we touch; ExcelJS types views as a union that cannot be spread. */
interface PaneView {
  state?: string;
  xSplit?: number;
  ySplit?: number;
  topLeftCell?: string;
}

/** Freezes the header rows, keeping the rest of the view (and any frozen columns) as the user left it. */
function freezeRows(ws: Worksheet, rows: number): void {
  const { state, xSplit, ySplit, topLeftCell, ...rest } = (ws.views[0] ?? {}) as PaneView;
  const columns = state === "frozen" ? (xSplit ?? 0) : 0;
  // topLeftCell is dropped: ExcelJS derives it from the splits, and an old one would point inside the frozen pane.
  const view: PaneView =
    rows === 0 && columns === 0 ? { ...rest, state: "normal" } : { ...rest, state: "frozen", xSplit: columns, ySplit: rows };
  ws.views = [view as Partial<ExcelJS.WorksheetView>, ...ws.views.slice(1)];
}

function frozenRowsOf(ws: Worksheet): number {
  const view = ws.views[0] as PaneView | undefined;
  return view?.state === "frozen" ? (view.ySplit ?? 0) : 0;
}

/** Text format on the listed columns (their existing cells too) and off every other column. */
function formatTextColumns(ws: Worksheet, columns: number[]): void {
  const wanted = new Set(columns);
  for (const column of textColumnsOf(ws)) if (!wanted.has(column)) formatColumn(ws, column, undefined);
  for (const column of wanted) formatColumn(ws, column, TEXT_FORMAT);
}

/** Sets the column's own style, which new cells inherit, and the style of the cells it already has. */
function formatColumn(ws: Worksheet, number: number, numFmt: string | undefined): void {
  const column = ws.getColumn(number);
  column.style = restyled(column.style, "numFmt", numFmt) as ExcelJS.Style;
  // Not `column.eachCell`: it would create a cell in every row.
  eachRowFrom(ws, 1, (row) => {
    const cell = row.findCell(number);
    if (cell && cell.style.numFmt !== numFmt) cell.style = restyled(cell.style, "numFmt", numFmt);
  });
}

function textColumnsOf(ws: Worksheet): number[] {
  return (ws.columns ?? []).flatMap((column, index) => (column.style?.numFmt === TEXT_FORMAT ? [index + 1] : []));
}

/**
 * ExcelJS keeps validations in a map by address, which it does not type: a file loads as one entry per cell, and
 * an entry may also be a range (`C2:C1000`), which ExcelJS writes as is. One range per dropdown keeps applying a
 * layout to a long sheet cheap.
 */
interface ValidatedSheet {
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
}

function validationsOf(ws: Worksheet): Record<string, ExcelJS.DataValidation | undefined> {
  return (ws as unknown as ValidatedSheet).dataValidations.model;
}

/** Replaces every dropdown (list validation) of the data rows with the layout's. */
function putDropdowns(ws: Worksheet, dropdowns: { column: number; formula: string }[]): void {
  const validations = validationsOf(ws);
  for (const [address, validation] of Object.entries(validations)) {
    const area = areaOf(address);
    if (validation?.type === "list" && area.bottom >= DROPDOWN_ROWS.first && area.top <= DROPDOWN_ROWS.last) {
      delete validations[address];
    }
  }
  for (const { column, formula } of dropdowns) {
    const letter = columnLetter(column);
    validations[`${letter}${DROPDOWN_ROWS.first}:${letter}${DROPDOWN_ROWS.last}`] = {
      type: "list",
      allowBlank: true,
      formulae: [formula],
      // A warning rather than a refusal: the add-in validates every row anyway.
      showErrorMessage: true,
      errorStyle: "warning",
    };
  }
}

function dropdownFormula(dropdown: Dropdown): string {
  if (dropdown.kind === "column") {
    const letter = columnLetter(dropdown.sourceColumn);
    return `${sheetPrefix(dropdown.sheet)}$${letter}$${DROPDOWN_ROWS.first}:$${letter}$${DROPDOWN_ROWS.last}`;
  }
  const comma = dropdown.values.find((value) => value.includes(","));
  const formula = `"${dropdown.values.map((value) => value.replace(/"/g, '""')).join(",")}"`;
  // A list Excel cannot hold offers its other tab's column instead, when it names one (Site: the Sites tab).
  if ((comma !== undefined || formula.length > MAX_LIST_FORMULA) && dropdown.orColumn)
    return dropdownFormula({ column: dropdown.column, kind: "column", ...dropdown.orColumn });
  if (comma !== undefined) throw new Error(`An .xlsx dropdown cannot offer "${comma}": it holds a comma.`);
  if (formula.length > MAX_LIST_FORMULA) throw new Error(`An .xlsx dropdown list is limited to ${MAX_LIST_FORMULA} characters.`);
  return formula;
}

/** The dropdowns of the first data row, one per column, whether stored per cell or as a range. */
function dropdownsOf(ws: Worksheet): Dropdown[] {
  const found = new Map<number, Dropdown>();
  for (const [address, validation] of Object.entries(validationsOf(ws))) {
    const area = areaOf(address);
    if (validation?.type !== "list" || area.top > DROPDOWN_ROWS.first || area.bottom < DROPDOWN_ROWS.first) continue;
    for (let column = area.left; column <= area.right; column++) {
      const dropdown = parseDropdown(column, String(validation.formulae[0] ?? ""));
      if (dropdown) found.set(column, dropdown);
    }
  }
  return [...found.values()].sort((a, b) => a.column - b.column);
}

function parseDropdown(column: number, formula: string): Dropdown | null {
  const list = /^"((?:[^"]|"")*)"$/.exec(formula);
  if (list) return { column, kind: "list", values: (list[1] ?? "").replace(/""/g, '"').split(",") };
  const sheet = sheetOfReference(formula);
  const source = /!\$?([A-Z]+)\$?\d+(?::\$?[A-Z]+\$?\d+)?$/i.exec(formula);
  if (sheet === null || !source) return null;
  return { column, kind: "column", sheet, sourceColumn: columnNumber(source[1] ?? "A") };
}

/** ExcelJS keeps the protection it reads or sets on the worksheet, but does not type it. */
interface ProtectedSheet {
  sheetProtection?: { sheet?: boolean } | null;
}

function protectionOf(ws: Worksheet): ProtectedSheet["sheetProtection"] {
  return (ws as unknown as ProtectedSheet).sheetProtection;
}

function protect(ws: Worksheet, on: boolean): void {
  if (!on) ws.unprotect();
  // Without a password `protect` does all its work before it returns; the promise only says so.
  else if (protectionOf(ws)?.sheet !== true) void ws.protect("", PROTECTION);
}

// ---------------------------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------------------------

const WORKBOOK_FILE: FileKind = {
  noun: "workbook",
  limit: MAX_WORKBOOK_BYTES,
  whenTooLarge: "delete the tabs, rows or images you do not need, or split it",
};

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

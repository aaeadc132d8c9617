import {
  type Block,
  type Cell,
  type CellMark,
  type Dropdown,
  MissingSheetError,
  type SheetLayout,
  type SheetRef,
  type Workbook,
} from "../workbook/port";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** Sheet-level developer metadata: it stays with the sheet through renames and moves, and people never see it. */
export const MARKER_KEY = "rcsheets.tab";
/** How we recognise our own protection among any a person added. */
export const PROTECTION_DESCRIPTION = "rcsheets: written by the add-in";
/** How we recognise our warning-only protections of the columns the sync writes. */
export const SYNC_WRITTEN_DESCRIPTION =
  "rcsheets: the sync writes this column; what you type here is overwritten by the next sync";
const TEXT_FORMAT = "@";
/** Sheets' default number format ("Automatic" in its menu), for columns that stop being text. */
const AUTOMATIC_FORMAT = "General";
/** Rows added beyond a block that outgrows the grid. */
const GROWTH_SLACK = 100;
/** What Sheets reports for a cell without a background. */
const NO_BACKGROUND = "#ffffff";

/** What an execution learns of a sheet once and keeps: its handle, height, text columns, and values as read. */
interface KnownSheet {
  sheet: Sheet;
  maxRows?: number;
  textColumns?: Set<number>;
  /** The sheet's data range as last read, and its values, kept current by this instance's own writes. */
  dataRange?: Range;
  values?: Cell[][];
}

/**
 * Where the tabs' markers are remembered between executions (the document's cache): reading them costs four calls a
 * tab. A list is used only while the spreadsheet's tab names are exactly the remembered ones.
 */
export interface TabMemory {
  load(): SheetRef[] | null;
  save(refs: SheetRef[]): void;
}

/**
 * The Workbook port on Apps Script's SpreadsheetApp. Every SpreadsheetApp call is a round trip to Sheets, so each
 * operation reads a sheet once and writes whole blocks, and what does not change within an execution (the tabs and
 * their markers, each sheet's handle, height and text columns) is asked once. One instance serves one execution:
 * the add-in's own changes keep it current, and a tab renamed by a person meanwhile is seen by the next one.
 */
export class SheetsWorkbook implements Workbook {
  private refs: SheetRef[] | null = null;
  private readonly known = new Map<string, KnownSheet>();

  constructor(
    private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private readonly tabMemory?: TabMemory,
  ) {}

  sheets(): SheetRef[] {
    this.refs ??= this.readRefs();
    return this.refs.map((ref) => ({ ...ref }));
  }

  private readRefs(): SheetRef[] {
    const sheets = this.spreadsheet.getSheets().map((sheet) => ({ sheet, name: sheet.getName() }));
    for (const { sheet, name } of sheets) if (!this.known.has(name)) this.known.set(name, { sheet });
    const remembered = this.tabMemory?.load();
    if (remembered && sameNames(remembered, sheets)) return remembered;
    const refs = sheets.map(({ sheet, name }) => ({ name, marker: markersOf(sheet)[0]?.getValue() ?? null }));
    this.tabMemory?.save(refs);
    return refs;
  }

  /** Appends the sheet after the last tab (Sheets would otherwise put it after the active one). */
  addSheet(name: string): void {
    const sheet = this.spreadsheet.insertSheet(name, this.spreadsheet.getNumSheets());
    this.known.set(name, { sheet });
    this.refs?.push({ name, marker: null });
    if (this.refs) this.tabMemory?.save(this.refs);
  }

  setMarker(sheet: string, marker: string): void {
    const target = this.sheet(sheet);
    const [first, ...extra] = markersOf(target);
    for (const duplicate of extra) duplicate.remove();
    if (first) first.setValue(marker);
    else target.addDeveloperMetadata(MARKER_KEY, marker);
    for (const ref of this.refs ?? []) if (ref.name === sheet) ref.marker = marker;
    if (this.refs) this.tabMemory?.save(this.refs);
  }

  /**
   * getDataRange is A1 to the last row and column holding content, as getLastRow and getLastColumn would give. A
   * sheet is read once an execution: later reads are answered from what was read, with this instance's writes in it.
   */
  read(sheet: string): Cell[][] {
    const known = this.knownSheet(sheet);
    if (!known.values) {
      known.dataRange = known.sheet.getDataRange();
      const values: unknown[][] = known.dataRange.getValues();
      known.values = values.map((line) => line.map(toCell));
    }
    return usedRange(known.values.map((line) => line.slice()));
  }

  /**
   * One call (getSheetValues to the last row with data), as wide as the sheet was read: the rows as a person left
   * them, kept as what was read. The grid's height is asked again when needed (rows may have come or gone).
   */
  reread(sheet: string): Cell[][] {
    const known = this.knownSheet(sheet);
    const width = known.values?.[0]?.length;
    if (!width) {
      known.values = undefined;
      return this.read(sheet);
    }
    const values: unknown[][] = known.sheet.getSheetValues(1, 1, -1, width);
    known.values = values.map((line) => line.map(toCell));
    known.maxRows = undefined;
    return usedRange(known.values.map((line) => line.slice()));
  }

  /**
   * One setValues for the block. Sheets parses strings as if typed in ('0101' → 101, 'TRUE' → true) except in
   * plain-text cells, so strings it could reinterpret get the apostrophe that makes Sheets keep them as text. Which
   * columns are plain text is read once per sheet, off the row where applyLayout sets it, never before each write.
   */
  write(sheet: string, block: Block<Cell>): void {
    const range = this.blockRange(sheet, block);
    if (!range) return;
    // Which columns are plain text matters only for strings Sheets would reinterpret.
    const text = block.values.some((line) => line.some(isReinterpreted)) ? this.textColumns(sheet) : new Set<number>();
    range.setValues(block.values.map((line) => line.map((value, c) => literal(value, text.has(block.column + c)))));
    this.remember(sheet, block);
  }

  /** The block into the values read, as Sheets now holds them (the apostrophe is not part of the value). */
  private remember(sheet: string, block: Block<Cell>): void {
    const values = this.known.get(sheet)?.values;
    if (!values) return;
    const width = Math.max(values[0]?.length ?? 0, block.column - 1 + (block.values[0]?.length ?? 0));
    while (values.length < block.row - 1 + block.values.length) values.push([]);
    for (const line of values) while (line.length < width) line.push("");
    block.values.forEach((line, r) => {
      const target = values[block.row - 1 + r] as Cell[];
      line.forEach((value, c) => {
        target[block.column - 1 + c] = value;
      });
    });
  }

  deleteRows(sheet: string, row: number, count: number): void {
    const target = this.sheet(sheet);
    const max = this.maxRows(sheet);
    // Rows past the grid's edge are empty already; Sheets would call them out of bounds.
    const howMany = Math.min(count, max - row + 1);
    if (howMany < 1) return;
    // Sheets refuses to delete every non-frozen row, so keep one spare row at the bottom. Rows left below the
    // deleted ones are not frozen, so only a deletion down to the grid's last row needs the frozen count.
    const toBottom = row + howMany - 1 >= max;
    const spare = toBottom && max - howMany <= target.getFrozenRows() ? 1 : 0;
    if (spare) target.insertRowsAfter(max, 1);
    target.deleteRows(row, howMany);
    const known = this.knownSheet(sheet);
    known.maxRows = max + spare - howMany;
    known.values?.splice(row - 1, howMany);
  }

  mark(sheet: string, block: Block<CellMark>): void {
    const range = this.blockRange(sheet, block);
    if (!range) return;
    range.setNotes(block.values.map((line) => line.map((mark) => mark.note)));
    range.setBackgrounds(block.values.map((line) => line.map((mark) => mark.background)));
  }

  marks(sheet: string, block: { row: number; column: number; rows: number; columns: number }): CellMark[][] {
    const target = this.sheet(sheet);
    if (block.rows < 1 || block.columns < 1) return Array.from({ length: Math.max(block.rows, 0) }, () => []);
    const range = target.getRange(block.row, block.column, block.rows, block.columns);
    const backgrounds = range.getBackgrounds();
    return range.getNotes().map((line, r) => line.map((note, c) => ({ note, background: background(backgrounds[r]?.[c]) })));
  }

  /**
   * Makes the sheet look like `layout`: what an earlier layout set and this one drops (text columns, dropdowns, our
   * protection) is undone, so applying a layout twice, or after columns moved, leaves exactly this one.
   */
  applyLayout(sheet: string, layout: SheetLayout): void {
    const target = this.sheet(sheet);
    const current = this.layout(sheet);
    this.knownSheet(sheet).textColumns = new Set(layout.textColumns);
    if (current.frozenRows !== layout.frozenRows) target.setFrozenRows(layout.frozenRows);
    this.applyTextColumns(target, current.textColumns, layout.textColumns);
    this.applyDropdowns(target, current.dropdowns, layout.dropdowns);
    this.applyProtection(target, layout.protected);
    this.applyWarnedColumns(target, current.warnedColumns ?? [], layout.warnedColumns ?? []);
  }

  /** Reads formats and dropdowns off the first data row, where applyLayout put them (on every row below the header). */
  layout(sheet: string): SheetLayout {
    const target = this.sheet(sheet);
    const maxRows = target.getMaxRows();
    const probe = target.getRange(Math.min(2, maxRows), 1, 1, target.getMaxColumns());
    const textColumns = columnsWhere(probe.getNumberFormats()[0] ?? [], (format) => format === TEXT_FORMAT);
    const rules = maxRows >= 2 ? (probe.getDataValidations()[0] ?? []) : [];
    // A warning that stops short of the bottom (the grid grew since) counts as missing, so set-up extends it.
    const warnedColumns = ourWarnings(target).flatMap((protection) => {
      const range = protection.getRange();
      if (range.getRow() !== 2 || range.getNumRows() !== maxRows - 1) return [];
      return Array.from({ length: range.getNumColumns() }, (_, i) => range.getColumn() + i);
    });
    return {
      frozenRows: target.getFrozenRows(),
      textColumns,
      dropdowns: rules.flatMap((rule, c) => (rule ? dropdownOf(rule, c + 1) : [])),
      protected: ourProtections(target).length > 0,
      ...(warnedColumns.length ? { warnedColumns: [...new Set(warnedColumns)].sort((a, b) => a - b) } : {}),
    };
  }

  private sheet(name: string): Sheet {
    return this.knownSheet(name).sheet;
  }

  private knownSheet(name: string): KnownSheet {
    let known = this.known.get(name);
    if (!known) {
      const found = this.spreadsheet.getSheetByName(name);
      if (!found) throw new MissingSheetError(name);
      known = { sheet: found };
      this.known.set(name, known);
    }
    return known;
  }

  private maxRows(name: string): number {
    const known = this.knownSheet(name);
    known.maxRows ??= known.sheet.getMaxRows();
    return known.maxRows;
  }

  /**
   * Columns formatted as plain text, read once off the first data row: from the data range already read when it
   * holds that row (one call), else from a probe of the row.
   */
  private textColumns(name: string): Set<number> {
    const known = this.knownSheet(name);
    if (!known.textColumns && known.dataRange && (known.values?.length ?? 0) >= 2) {
      const formats = known.dataRange.getNumberFormats()[1] ?? [];
      known.textColumns = new Set(columnsWhere(formats, (format) => format === TEXT_FORMAT));
    }
    if (!known.textColumns) {
      // The width of the data read, when there is some: the columns a tab's header spans.
      const width = known.values?.[0]?.length || known.sheet.getMaxColumns();
      const probe = known.sheet.getRange(Math.min(2, this.maxRows(name)), 1, 1, width);
      known.textColumns = new Set(columnsWhere(probe.getNumberFormats()[0] ?? [], (format) => format === TEXT_FORMAT));
    }
    return known.textColumns;
  }

  /**
   * The range a block covers, or null for an empty block; Sheets only takes rectangles. A block below the grid's
   * last row first grows the grid (Sheets refuses a range outside it), keeping the text format of the rows above.
   */
  private blockRange<T>(sheet: string, block: Block<T>): Range | null {
    const target = this.sheet(sheet);
    const rows = block.values.length;
    const columns = block.values[0]?.length ?? 0;
    if (block.values.some((line) => line.length !== columns)) {
      throw new Error(`A block written to "${sheet}" must be rectangular: its rows have different lengths.`);
    }
    if (rows === 0 || columns === 0) return null;
    const last = block.row + rows - 1;
    // Rows of the data range read are inside the grid: only a block below them needs the grid's height.
    if (last <= (this.known.get(sheet)?.values?.length ?? 0)) return target.getRange(block.row, block.column, rows, columns);
    const max = this.maxRows(sheet);
    if (last > max) {
      // With room to spare, so that a table shrinking later leaves blank rows below rather than reaching the edge.
      target.insertRowsAfter(max, last - max + GROWTH_SLACK);
      this.knownSheet(sheet).maxRows = last + GROWTH_SLACK;
    }
    return target.getRange(block.row, block.column, rows, columns);
  }

  /** The whole height of the sheet, so rows people add at the bottom keep the format. */
  private applyTextColumns(target: Sheet, current: number[], wanted: number[]): void {
    const rows = target.getMaxRows();
    for (const column of current.filter((c) => !wanted.includes(c)))
      target.getRange(1, column, rows, 1).setNumberFormat(AUTOMATIC_FORMAT);
    for (const column of wanted) target.getRange(1, column, rows, 1).setNumberFormat(TEXT_FORMAT);
  }

  /** Rows 2 to the bottom. Invalid values are allowed so that validation, not Sheets, reports them, with a reason. */
  private applyDropdowns(target: Sheet, current: Dropdown[], wanted: Dropdown[]): void {
    const rows = target.getMaxRows() - 1;
    if (rows < 1) return;
    const stale = current.filter((old) => !wanted.some((d) => d.column === old.column));
    for (const { column } of stale) target.getRange(2, column, rows, 1).setDataValidation(null);
    for (const dropdown of wanted) target.getRange(2, dropdown.column, rows, 1).setDataValidation(this.rule(dropdown));
  }

  private rule(dropdown: Dropdown): DataValidation {
    const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(true);
    if (dropdown.kind === "list") return builder.requireValueInList(dropdown.values, true).build();
    const source = this.sheet(dropdown.sheet);
    const rows = Math.max(source.getMaxRows() - 1, 1);
    return builder.requireValueInRange(source.getRange(2, dropdown.sourceColumn, rows, 1), true).build();
  }

  /**
   * Warning-only protections of rows 2 to the bottom of the columns the sync writes, one per run of adjacent columns:
   * Sheets asks a person typing there to confirm, and lets the add-in write. Rows the grid grows by later are not
   * covered until the next Set up workspace (Sheets does not extend a protected range by rows added below it).
   */
  private applyWarnedColumns(target: Sheet, current: number[], wanted: number[]): void {
    const rows = target.getMaxRows() - 1;
    if (rows < 1 || current.join() === wanted.join()) return;
    for (const protection of ourWarnings(target)) protection.remove();
    for (const [first, last] of columnRuns(wanted))
      target
        .getRange(2, first, rows, last - first + 1)
        .protect()
        .setDescription(SYNC_WRITTEN_DESCRIPTION)
        .setWarningOnly(true);
  }

  /**
   * The add-in's tabs get a warning-only protection of the whole sheet, ours by its description: a person typing
   * there is asked to confirm, and every editor of the spreadsheet can sync. A strict one would let only its own
   * editors sync, since Apps Script runs the add-in as whoever pressed the button and only a protection's editors may
   * change what it covers (or the protection). One made strict by an earlier version is made warning-only; a
   * protection someone else put on the sheet is left alone (a sheet has one, and `protect()` would hand theirs back).
   */
  private applyProtection(target: Sheet, wanted: boolean): void {
    const protections = target.getProtections(SpreadsheetApp.ProtectionType.SHEET);
    const [ours, ...duplicates] = protections.filter(isOurs);
    for (const duplicate of duplicates) duplicate.remove();
    if (!wanted) {
      ours?.remove();
      return;
    }
    if (ours) {
      if (!ours.isWarningOnly()) ours.setWarningOnly(true);
      return;
    }
    if (protections.length > 0) return;
    target.protect().setDescription(PROTECTION_DESCRIPTION).setWarningOnly(true);
  }
}

function sameNames(remembered: SheetRef[], sheets: { name: string }[]): boolean {
  return remembered.length === sheets.length && remembered.every((ref, i) => ref.name === sheets[i]?.name);
}

function markersOf(sheet: Sheet): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
  return sheet.getDeveloperMetadata().filter((metadata) => metadata.getKey() === MARKER_KEY);
}

function ourWarnings(sheet: Sheet): Protection[] {
  return sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .filter((protection) => protection.getDescription() === SYNC_WRITTEN_DESCRIPTION);
}

/** Sorted columns as runs of adjacent ones: [2, 3, 7] → [[2, 3], [7, 7]]. */
function columnRuns(columns: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const column of [...columns].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] === column - 1) last[1] = column;
    else runs.push([column, column]);
  }
  return runs;
}

function ourProtections(sheet: Sheet): Protection[] {
  return sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).filter(isOurs);
}

function isOurs(protection: Protection): boolean {
  return protection.getDescription() === PROTECTION_DESCRIPTION;
}

/** getValues hands over strings, numbers, booleans and dates; anything else is shown as text. */
function toCell(value: unknown): Cell {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  return value === null || value === undefined ? "" : String(value);
}

/** Without trailing empty rows and columns: a cell can count as used in Sheets (a formula giving '') yet be ''. */
function usedRange(table: Cell[][]): Cell[][] {
  let rows = table.length;
  while (rows > 0 && (table[rows - 1] as Cell[]).every((value) => value === "")) rows -= 1;
  const kept = table.slice(0, rows);
  const columns = kept.reduce((widest, line) => Math.max(widest, filledWidth(line)), 0);
  return kept.map((line) => line.slice(0, columns));
}

function filledWidth(line: Cell[]): number {
  let width = line.length;
  while (width > 0 && line[width - 1] === "") width -= 1;
  return width;
}

/**
 * Sheets would parse such a string into a number, date, boolean, formula or error: anything with a digit, a leading
 * sign, '=', '#' or apostrophe, and TRUE/FALSE. Words without digits stay words.
 */
const REINTERPRETED = /^\s*[-+=#']|\d|^\s*(true|false)\s*$/i;

/** The value to hand setValues so the cell ends up holding `value` itself. */
function isReinterpreted(value: Cell): boolean {
  return typeof value === "string" && REINTERPRETED.test(value);
}

function literal(value: Cell, plainText: boolean): Cell {
  if (plainText || !isReinterpreted(value)) return value;
  return `'${value}`;
}

function background(color: string | undefined): string | null {
  return !color || color.toLowerCase() === NO_BACKGROUND ? null : color.toLowerCase();
}

function columnsWhere<T>(line: T[], test: (value: T) => boolean): number[] {
  return line.flatMap((value, c) => (test(value) ? [c + 1] : []));
}

/** Only the dropdowns a layout can set: a list, or one column of another sheet. Other rules are someone else's. */
function dropdownOf(rule: DataValidation, column: number): Dropdown[] {
  const [source]: unknown[] = rule.getCriteriaValues();
  const criteria = rule.getCriteriaType();
  if (criteria === SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST && Array.isArray(source)) {
    return [{ column, kind: "list", values: source.map(String) }];
  }
  if (criteria === SpreadsheetApp.DataValidationCriteria.VALUE_IN_RANGE && source) {
    const range = source as Range;
    return [{ column, kind: "column", sheet: range.getSheet().getName(), sourceColumn: range.getColumn() }];
  }
  return [];
}

/**
 * A stateful fake of the part of Apps Script's SpreadsheetApp that the add-in uses, behaving like Google Sheets where
 * it matters to the add-in: 1-based ranges, '' for empty cells, typed values, strings parsed as if typed in unless the
 * cell is plain text ('@'), shape checks on every set*s call, '#ffffff' for no background, a grid that grows when
 * written past its edge, sheet protections that only restrict once editors are removed, and sheet developer metadata.
 *
 * Every public method counts its calls under "Class.method" (e.g. "Range.setValues"), so tests can check that code
 * reads a sheet once and writes in blocks. The fake's own internal work does not count.
 */

type GasSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
type ProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;

/** What a cell holds, as getValues hands it over. */
export type FakeValue = string | number | boolean | Date;

export interface FakeOptions {
  /** Owns the spreadsheet: can never be removed from a protection's editors. */
  owner?: string;
  /** Runs the script: can never be removed from a protection's editors either. */
  user?: string;
  /** Everyone who can edit the spreadsheet; a new protection starts with them (Sheets: "mirrors" the file). */
  editors?: string[];
}

export interface FakeSheets {
  /** To install as the global `SpreadsheetApp`. */
  readonly app: GasSpreadsheetApp;
  /** The one open spreadsheet, as Apps Script code sees it. It starts with one empty sheet, "Sheet1". */
  readonly spreadsheet: GasSpreadsheet;
  /** Calls per method, keyed "Class.method". */
  readonly calls: ReadonlyMap<string, number>;
  count(method: string): number;
  resetCalls(): void;
  /** Makes `app` the global `SpreadsheetApp`; returns a function that puts the previous one back. */
  install(): () => void;
}

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;
const WHITE = "#ffffff";
const AUTOMATIC = "General";
const TEXT = "@";

const CRITERIA = [
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
];

/** Apps Script enums are objects named after their constant; here each constant is its own name. */
function enumOf<T>(names: readonly string[]): T {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as unknown as T;
}

const DataValidationCriteria = enumOf<typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria>(CRITERIA);
const ProtectionTypes = enumOf<typeof GoogleAppsScript.Spreadsheet.ProtectionType>(["RANGE", "SHEET"]);

class Calls {
  readonly counts = new Map<string, number>();
  hit(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
  }
}

/** Base of every fake class: one line per public method records the call. */
abstract class Tracked {
  constructor(
    protected readonly calls: Calls,
    private readonly label: string,
  ) {}

  protected hit(method: string): void {
    this.calls.hit(`${this.label}.${method}`);
  }
}

interface FakeCell {
  value: FakeValue;
  note: string;
  background: string | null;
  format: string;
  validation: FakeDataValidation | null;
}

function blankCell(): FakeCell {
  return { value: "", note: "", background: null, format: AUTOMATIC, validation: null };
}

function copyValue(value: FakeValue): FakeValue {
  return value instanceof Date ? new Date(value.getTime()) : value;
}

/**
 * What Sheets stores when a script writes `input` to a cell with number format `format`: non-strings as they are,
 * strings parsed as if typed in, except in plain-text cells. A leading apostrophe forces text and is not kept.
 */
function entered(input: unknown, format: string): FakeValue {
  if (input === null || input === undefined) return "";
  if (input instanceof Date) return new Date(input.getTime());
  if (typeof input === "number" || typeof input === "boolean") return input;
  const text = String(input);
  if (format === TEXT) return text;
  if (text.startsWith("'")) return text.slice(1);
  if (text.startsWith("=")) throw new Error(`The fake does not evaluate formulas: ${text}`);
  return parsed(text.trim()) ?? text;
}

const NUMBER = /^[+-]?(\d+(,\d{3})*(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The subset of Sheets' (en_US) input parsing the add-in can run into: numbers, percents, booleans, ISO dates. */
function parsed(text: string): number | boolean | Date | null {
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  if (NUMBER.test(text)) {
    const number = Number(text.replace(/[,%]/g, ""));
    return text.endsWith("%") ? number / 100 : number;
  }
  const date = ISO_DATE.exec(text);
  if (date) return new Date(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
  return null;
}

function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
}

interface Area {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** "B3" or "A1:C4" (no sheet names, no open-ended ranges: the add-in does not use them). */
function parseA1(a1: string): Area {
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(a1.trim());
  if (!match) throw new Error("Range not found");
  const [, startColumn = "", startRow = "", endColumn = startColumn, endRow = startRow] = match;
  const row = Number(startRow);
  const column = columnNumber(startColumn);
  return { row, column, numRows: Number(endRow) - row + 1, numColumns: columnNumber(endColumn) - column + 1 };
}

class FakeUser {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

class FakeDeveloperMetadata extends Tracked {
  constructor(
    calls: Calls,
    private readonly owner: FakeDeveloperMetadata[],
    private readonly id: number,
    private key: string,
    private value: string | null,
  ) {
    super(calls, "DeveloperMetadata");
  }

  getId(): number {
    this.hit("getId");
    return this.id;
  }

  getKey(): string {
    this.hit("getKey");
    return this.key;
  }

  setKey(key: string): FakeDeveloperMetadata {
    this.hit("setKey");
    this.key = key;
    return this;
  }

  getValue(): string | null {
    this.hit("getValue");
    return this.value;
  }

  setValue(value: string): FakeDeveloperMetadata {
    this.hit("setValue");
    this.value = value;
    return this;
  }

  remove(): void {
    this.hit("remove");
    const index = this.owner.indexOf(this);
    if (index >= 0) this.owner.splice(index, 1);
  }
}

class FakeDataValidation extends Tracked {
  constructor(
    calls: Calls,
    readonly criteria: Criteria,
    readonly args: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {
    super(calls, "DataValidation");
  }

  getCriteriaType(): Criteria {
    this.hit("getCriteriaType");
    return this.criteria;
  }

  /** Lists come back as copies, ranges as the same range: as in Sheets, [values or range, showDropdown]. */
  getCriteriaValues(): unknown[] {
    this.hit("getCriteriaValues");
    return this.args.map((arg) => (Array.isArray(arg) ? [...arg] : arg));
  }

  getAllowInvalid(): boolean {
    this.hit("getAllowInvalid");
    return this.allowInvalid;
  }

  getHelpText(): string {
    this.hit("getHelpText");
    return this.helpText;
  }

  copy(): FakeDataValidationBuilder {
    this.hit("copy");
    return new FakeDataValidationBuilder(this.calls).withRule(this);
  }
}

class FakeDataValidationBuilder extends Tracked {
  private criteria: Criteria | null = null;
  private args: unknown[] = [];
  private allowInvalid = true;
  private helpText = "";

  constructor(calls: Calls) {
    super(calls, "DataValidationBuilder");
  }

  /** Starts from an existing rule (for `copy`). */
  withRule(rule: FakeDataValidation): this {
    this.criteria = rule.criteria;
    this.args = [...rule.args];
    this.allowInvalid = rule.allowInvalid;
    this.helpText = rule.helpText;
    return this;
  }

  requireValueInList(values: string[], showDropdown = true): this {
    this.hit("requireValueInList");
    return this.require(DataValidationCriteria.VALUE_IN_LIST, [[...values], showDropdown]);
  }

  requireValueInRange(range: FakeRange, showDropdown = true): this {
    this.hit("requireValueInRange");
    if (!(range instanceof FakeRange)) throw new Error("requireValueInRange needs a Range.");
    return this.require(DataValidationCriteria.VALUE_IN_RANGE, [range, showDropdown]);
  }

  withCriteria(criteria: Criteria, args: unknown[]): this {
    this.hit("withCriteria");
    return this.require(criteria, [...args]);
  }

  setAllowInvalid(allowInvalid: boolean): this {
    this.hit("setAllowInvalid");
    this.allowInvalid = allowInvalid;
    return this;
  }

  setHelpText(helpText: string): this {
    this.hit("setHelpText");
    this.helpText = helpText;
    return this;
  }

  build(): FakeDataValidation {
    this.hit("build");
    if (this.criteria === null) throw new Error("The data validation rule has no criteria.");
    return new FakeDataValidation(this.calls, this.criteria, this.args, this.allowInvalid, this.helpText);
  }

  private require(criteria: Criteria, args: unknown[]): this {
    this.criteria = criteria;
    this.args = args;
    return this;
  }
}

class FakeProtection extends Tracked {
  private description = "";
  private warningOnly = false;
  private domainEdit = true;
  private editors: string[];

  constructor(
    calls: Calls,
    private readonly sheet: FakeSheet,
  ) {
    super(calls, "Protection");
    this.editors = [...sheet.book.people.editors];
  }

  getProtectionType(): ProtectionType {
    this.hit("getProtectionType");
    return ProtectionTypes.SHEET;
  }

  getRange(): FakeRange {
    this.hit("getRange");
    return this.sheet.area({ row: 1, column: 1, numRows: this.sheet.maxRows, numColumns: this.sheet.maxColumns });
  }

  getDescription(): string {
    this.hit("getDescription");
    return this.description;
  }

  setDescription(description: string): this {
    this.hit("setDescription");
    this.description = description;
    return this;
  }

  isWarningOnly(): boolean {
    this.hit("isWarningOnly");
    return this.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): this {
    this.hit("setWarningOnly");
    this.warningOnly = warningOnly;
    return this;
  }

  getEditors(): FakeUser[] {
    this.hit("getEditors");
    return this.editors.map((email) => new FakeUser(email));
  }

  addEditor(editor: string | FakeUser): this {
    this.hit("addEditor");
    const email = typeof editor === "string" ? editor : editor.getEmail();
    if (!this.editors.includes(email)) this.editors.push(email);
    return this;
  }

  /** As in Sheets: neither the spreadsheet's owner nor the user running the script can be removed. */
  removeEditors(editors: (string | FakeUser)[]): this {
    this.hit("removeEditors");
    const { owner, user } = this.sheet.book.people;
    const gone = new Set(editors.map((e) => (typeof e === "string" ? e : e.getEmail())));
    this.editors = this.editors.filter((email) => email === owner || email === user || !gone.has(email));
    return this;
  }

  canDomainEdit(): boolean {
    this.hit("canDomainEdit");
    return this.domainEdit;
  }

  setDomainEdit(editable: boolean): this {
    this.hit("setDomainEdit");
    this.domainEdit = editable;
    return this;
  }

  canEdit(): boolean {
    this.hit("canEdit");
    return this.editors.includes(this.sheet.book.people.user);
  }

  remove(): void {
    this.hit("remove");
    const index = this.sheet.protections.indexOf(this);
    if (index >= 0) this.sheet.protections.splice(index, 1);
  }
}

class FakeRange extends Tracked {
  constructor(
    calls: Calls,
    private readonly sheet: FakeSheet,
    private readonly at: Area,
  ) {
    super(calls, "Range");
    if (at.row < 1) throw new Error("The starting row of the range is too small.");
    if (at.column < 1) throw new Error("The starting column of the range is too small.");
    if (at.numRows < 1) throw new Error("The number of rows in the range must be at least 1.");
    if (at.numColumns < 1) throw new Error("The number of columns in the range must be at least 1.");
  }

  getRow(): number {
    this.hit("getRow");
    return this.at.row;
  }

  getColumn(): number {
    this.hit("getColumn");
    return this.at.column;
  }

  getNumRows(): number {
    this.hit("getNumRows");
    return this.at.numRows;
  }

  getNumColumns(): number {
    this.hit("getNumColumns");
    return this.at.numColumns;
  }

  getLastRow(): number {
    this.hit("getLastRow");
    return this.at.row + this.at.numRows - 1;
  }

  getLastColumn(): number {
    this.hit("getLastColumn");
    return this.at.column + this.at.numColumns - 1;
  }

  getSheet(): FakeSheet {
    this.hit("getSheet");
    return this.sheet;
  }

  getA1Notation(): string {
    this.hit("getA1Notation");
    const { row, column, numRows, numColumns } = this.at;
    const start = `${columnLetters(column)}${row}`;
    if (numRows === 1 && numColumns === 1) return start;
    return `${start}:${columnLetters(column + numColumns - 1)}${row + numRows - 1}`;
  }

  getValues(): FakeValue[][] {
    this.hit("getValues");
    return this.read((cell) => copyValue(cell.value));
  }

  getValue(): FakeValue {
    this.hit("getValue");
    return copyValue(this.sheet.cell(this.at.row, this.at.column).value);
  }

  setValues(values: unknown[][]): this {
    this.hit("setValues");
    return this.write(values, (cell, value) => {
      cell.value = entered(value, cell.format);
    });
  }

  setValue(value: unknown): this {
    this.hit("setValue");
    return this.fill((cell) => {
      cell.value = entered(value, cell.format);
    });
  }

  getNotes(): string[][] {
    this.hit("getNotes");
    return this.read((cell) => cell.note);
  }

  setNotes(notes: (string | null)[][]): this {
    this.hit("setNotes");
    return this.write(notes, (cell, note) => {
      cell.note = note ?? "";
    });
  }

  getBackgrounds(): string[][] {
    this.hit("getBackgrounds");
    return this.read((cell) => cell.background ?? WHITE);
  }

  /** null resets a cell to no background, which reads back as white. */
  setBackgrounds(colors: (string | null)[][]): this {
    this.hit("setBackgrounds");
    return this.write(colors, (cell, color) => {
      cell.background = color ? color.toLowerCase() : null;
    });
  }

  getNumberFormats(): string[][] {
    this.hit("getNumberFormats");
    return this.read((cell) => cell.format);
  }

  getNumberFormat(): string {
    this.hit("getNumberFormat");
    return this.sheet.cell(this.at.row, this.at.column).format;
  }

  /** Changing a format does not re-parse what the cell already holds, as in Sheets. */
  setNumberFormats(formats: string[][]): this {
    this.hit("setNumberFormats");
    return this.write(formats, (cell, format) => {
      cell.format = format;
    });
  }

  setNumberFormat(format: string): this {
    this.hit("setNumberFormat");
    return this.fill((cell) => {
      cell.format = format;
    });
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    this.hit("getDataValidations");
    return this.read((cell) => cell.validation);
  }

  getDataValidation(): FakeDataValidation | null {
    this.hit("getDataValidation");
    return this.sheet.cell(this.at.row, this.at.column).validation;
  }

  setDataValidations(rules: (FakeDataValidation | null)[][]): this {
    this.hit("setDataValidations");
    return this.write(rules, (cell, rule) => {
      cell.validation = rule;
    });
  }

  /** null removes validation, as in Sheets. */
  setDataValidation(rule: FakeDataValidation | null): this {
    this.hit("setDataValidation");
    return this.fill((cell) => {
      cell.validation = rule;
    });
  }

  activate(): this {
    this.hit("activate");
    this.sheet.select(this);
    return this;
  }

  private read<T>(pick: (cell: FakeCell) => T): T[][] {
    const { row, column, numRows, numColumns } = this.at;
    return Array.from({ length: numRows }, (_, r) =>
      Array.from({ length: numColumns }, (_, c) => pick(this.sheet.cell(row + r, column + c))),
    );
  }

  /** Every set*s call checks the data's shape against the range first, with Sheets' own wording. */
  private write<T>(data: T[][], put: (cell: FakeCell, value: T) => void): this {
    const { row, column, numRows, numColumns } = this.at;
    if (data.length !== numRows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`,
      );
    }
    for (const line of data) {
      if (line.length !== numColumns) {
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${line.length} but the range has ${numColumns}.`,
        );
      }
    }
    for (const [r, line] of data.entries()) {
      for (const [c, value] of line.entries()) put(this.sheet.cellToWrite(row + r, column + c), value);
    }
    return this;
  }

  private fill(put: (cell: FakeCell) => void): this {
    const { row, column, numRows, numColumns } = this.at;
    for (let r = 0; r < numRows; r++) for (let c = 0; c < numColumns; c++) put(this.sheet.cellToWrite(row + r, column + c));
    return this;
  }
}

class FakeSheet extends Tracked {
  /** Cells that were ever written, by row then column (0-based); a missing cell is blank. */
  private rows: (FakeCell | undefined)[][] = [];
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  private frozenRows = 0;
  readonly protections: FakeProtection[] = [];
  private readonly metadata: FakeDeveloperMetadata[] = [];
  private activeRange: FakeRange | null = null;

  constructor(
    calls: Calls,
    readonly book: FakeSpreadsheet,
    private name: string,
    private readonly id: number,
  ) {
    super(calls, "Sheet");
  }

  /** Internal: the cell at (row, column), blank if never written. */
  cell(row: number, column: number): FakeCell {
    return this.rows[row - 1]?.[column - 1] ?? blankCell();
  }

  /** Internal: the cell to change; writing past the grid's edge grows it, as Sheets does. */
  cellToWrite(row: number, column: number): FakeCell {
    this.maxRows = Math.max(this.maxRows, row);
    this.maxColumns = Math.max(this.maxColumns, column);
    while (this.rows.length < row) this.rows.push([]);
    const line = this.rows[row - 1] as (FakeCell | undefined)[];
    const existing = line[column - 1];
    if (existing) return existing;
    const created = blankCell();
    line[column - 1] = created;
    return created;
  }

  /** Internal: a range without counting a getRange call. */
  area(at: Area): FakeRange {
    return new FakeRange(this.calls, this, at);
  }

  /** Internal: what setActiveSelection and Range.activate do. */
  select(range: FakeRange): void {
    this.activeRange = range;
    this.book.activeSheet = this;
  }

  /** Internal: the name, without counting a getName call. */
  get title(): string {
    return this.name;
  }

  getName(): string {
    this.hit("getName");
    return this.name;
  }

  setName(name: string): this {
    this.hit("setName");
    this.book.checkFreeName(name, this);
    this.name = name;
    return this;
  }

  getSheetId(): number {
    this.hit("getSheetId");
    return this.id;
  }

  getParent(): FakeSpreadsheet {
    this.hit("getParent");
    return this.book;
  }

  getRange(rowOrA1: number | string, column = 1, numRows = 1, numColumns = 1): FakeRange {
    this.hit("getRange");
    if (typeof rowOrA1 === "string") return this.area(parseA1(rowOrA1));
    return this.area({ row: rowOrA1, column, numRows, numColumns });
  }

  /** The last row with a value (notes and formats do not count); 0 for an empty sheet. */
  getLastRow(): number {
    this.hit("getLastRow");
    return this.lastFilled("row");
  }

  getLastColumn(): number {
    this.hit("getLastColumn");
    return this.lastFilled("column");
  }

  getMaxRows(): number {
    this.hit("getMaxRows");
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.hit("getMaxColumns");
    return this.maxColumns;
  }

  /** From A1 to the last row and column with a value; A1 alone for an empty sheet. */
  getDataRange(): FakeRange {
    this.hit("getDataRange");
    const numRows = Math.max(this.lastFilled("row"), 1);
    const numColumns = Math.max(this.lastFilled("column"), 1);
    return this.area({ row: 1, column: 1, numRows, numColumns });
  }

  /** Whole rows go, with their notes, colours, formats and validations; rows below move up. */
  deleteRows(row: number, count: number): void {
    this.hit("deleteRows");
    if (row < 1 || count < 1 || row + count - 1 > this.maxRows) throw new Error("Those rows are out of bounds.");
    if (this.maxRows - count <= this.frozenRows) throw new Error("Sorry, it is not possible to delete all non-frozen rows.");
    this.rows.splice(row - 1, count);
    this.maxRows -= count;
    const frozenGone = Math.max(0, Math.min(this.frozenRows, row + count - 1) - row + 1);
    this.frozenRows -= frozenGone;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.hit("insertRowsAfter");
    if (afterPosition < 1 || afterPosition > this.maxRows) throw new Error("Those rows are out of bounds.");
    if (this.rows.length > afterPosition) this.rows.splice(afterPosition, 0, ...Array.from({ length: howMany }, () => []));
    this.maxRows += howMany;
    return this;
  }

  getFrozenRows(): number {
    this.hit("getFrozenRows");
    return this.frozenRows;
  }

  setFrozenRows(rows: number): void {
    this.hit("setFrozenRows");
    if (rows < 0 || rows >= this.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this.frozenRows = rows;
  }

  /** A new sheet protection each call, starting with the spreadsheet's editors (so it restricts no one yet). */
  protect(): FakeProtection {
    this.hit("protect");
    const protection = new FakeProtection(this.calls, this);
    this.protections.push(protection);
    return protection;
  }

  getProtections(type: ProtectionType): FakeProtection[] {
    this.hit("getProtections");
    return type === ProtectionTypes.SHEET ? [...this.protections] : [];
  }

  addDeveloperMetadata(key: string, value: string | null = null): this {
    this.hit("addDeveloperMetadata");
    this.metadata.push(new FakeDeveloperMetadata(this.calls, this.metadata, this.book.nextId(), key, value));
    return this;
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.hit("getDeveloperMetadata");
    return [...this.metadata];
  }

  activate(): this {
    this.hit("activate");
    this.book.activeSheet = this;
    return this;
  }

  setActiveSelection(range: FakeRange | string): FakeRange {
    this.hit("setActiveSelection");
    const selected = typeof range === "string" ? this.area(parseA1(range)) : range;
    this.select(selected);
    return selected;
  }

  /** The selection, or A1 when nothing was selected on this sheet yet. */
  getActiveRange(): FakeRange {
    this.hit("getActiveRange");
    return this.activeRange ?? this.area({ row: 1, column: 1, numRows: 1, numColumns: 1 });
  }

  /** The last row or column holding a value, 0 if none. */
  private lastFilled(along: "row" | "column"): number {
    let last = 0;
    for (const [r, line] of this.rows.entries()) {
      for (const [c, cell] of line.entries()) {
        if (cell && cell.value !== "") last = Math.max(last, along === "row" ? r + 1 : c + 1);
      }
    }
    return last;
  }
}

class FakeSpreadsheet extends Tracked {
  private readonly list: FakeSheet[] = [];
  activeSheet: FakeSheet;
  private ids = 0;

  constructor(
    calls: Calls,
    readonly people: Required<FakeOptions>,
  ) {
    super(calls, "Spreadsheet");
    this.activeSheet = new FakeSheet(calls, this, "Sheet1", this.nextId());
    this.list.push(this.activeSheet);
  }

  /** Internal: ids for sheets and metadata, unique in the spreadsheet. */
  nextId(): number {
    this.ids += 1;
    return this.ids;
  }

  /** Internal: sheet names are unique regardless of case; Sheets refuses a taken one with this message. */
  checkFreeName(name: string, except?: FakeSheet): void {
    const taken = this.list.some((sheet) => sheet !== except && sheet.title.toLowerCase() === name.toLowerCase());
    if (taken) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  getId(): string {
    this.hit("getId");
    return "fake-spreadsheet";
  }

  getSheets(): FakeSheet[] {
    this.hit("getSheets");
    return [...this.list];
  }

  getNumSheets(): number {
    this.hit("getNumSheets");
    return this.list.length;
  }

  getSheetByName(name: string): FakeSheet | null {
    this.hit("getSheetByName");
    return this.list.find((sheet) => sheet.title === name) ?? null;
  }

  /**
   * As in Sheets: without an index the new sheet goes right after the active one; either way it becomes active.
   */
  insertSheet(name?: string, index?: number): FakeSheet {
    this.hit("insertSheet");
    const sheetName = name ?? this.freeDefaultName();
    this.checkFreeName(sheetName);
    const sheet = new FakeSheet(this.calls, this, sheetName, this.nextId());
    const at = index ?? this.list.indexOf(this.activeSheet) + 1;
    this.list.splice(Math.min(Math.max(at, 0), this.list.length), 0, sheet);
    this.activeSheet = sheet;
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    this.hit("deleteSheet");
    if (this.list.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.list.splice(this.list.indexOf(sheet), 1);
    if (this.activeSheet === sheet) this.activeSheet = this.list[0] as FakeSheet;
  }

  getActiveSheet(): FakeSheet {
    this.hit("getActiveSheet");
    return this.activeSheet;
  }

  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.hit("setActiveSheet");
    this.activeSheet = sheet;
    return sheet;
  }

  getActiveRange(): FakeRange {
    this.hit("getActiveRange");
    return this.activeSheet.getActiveRange();
  }

  private freeDefaultName(): string {
    const names = new Set(this.list.map((sheet) => sheet.title.toLowerCase()));
    let n = this.list.length + 1;
    while (names.has(`sheet${n}`)) n += 1;
    return `Sheet${n}`;
  }
}

class FakeSpreadsheetApp extends Tracked {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionTypes;

  constructor(
    calls: Calls,
    private readonly book: FakeSpreadsheet,
  ) {
    super(calls, "SpreadsheetApp");
  }

  getActive(): FakeSpreadsheet {
    this.hit("getActive");
    return this.book;
  }

  getActiveSpreadsheet(): FakeSpreadsheet {
    this.hit("getActiveSpreadsheet");
    return this.book;
  }

  getActiveSheet(): FakeSheet {
    this.hit("getActiveSheet");
    return this.book.activeSheet;
  }

  getActiveRange(): FakeRange {
    this.hit("getActiveRange");
    return this.book.activeSheet.getActiveRange();
  }

  newDataValidation(): FakeDataValidationBuilder {
    this.hit("newDataValidation");
    return new FakeDataValidationBuilder(this.calls);
  }

  /** Nothing is buffered here: every call already took effect. */
  flush(): void {
    this.hit("flush");
  }
}

/** A fresh fake: one spreadsheet with one empty sheet, "Sheet1", open as the active spreadsheet. */
export function createSpreadsheetApp(options: FakeOptions = {}): FakeSheets {
  const owner = options.owner ?? "owner@example.com";
  const user = options.user ?? "me@example.com";
  const editors = options.editors ?? [owner, user, "colleague@example.com"];
  const calls = new Calls();
  const book = new FakeSpreadsheet(calls, { owner, user, editors });
  // The one cast: the fakes implement only the methods the add-in uses, with Sheets' behaviour.
  const app = new FakeSpreadsheetApp(calls, book) as unknown as GasSpreadsheetApp;
  return {
    app,
    spreadsheet: book as unknown as GasSpreadsheet,
    calls: calls.counts,
    count: (method) => calls.counts.get(method) ?? 0,
    resetCalls: () => calls.counts.clear(),
    install() {
      const global = globalThis as { SpreadsheetApp?: GasSpreadsheetApp };
      const previous = global.SpreadsheetApp;
      global.SpreadsheetApp = app;
      return () => {
        if (previous) global.SpreadsheetApp = previous;
        else delete global.SpreadsheetApp;
      };
    },
  };
}

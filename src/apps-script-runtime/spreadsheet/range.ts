import { type Area, a1Of } from "./a1-notation";
import { DataValidation, ruleOf } from "./data-validation";
import type { CellModel, RuleModel, SheetModel } from "./document";
import { columnsMismatch, exception, OUTSIDE_GRID, rowsMismatch } from "./exceptions";
import { type CellValue, copyValue, entered } from "./input-parsing";
import { HostObject, internal, type Person } from "./person";
import { Protection } from "./protection";
import { sheetFacade } from "./sheet";

/** What Sheets reports for a cell without a background. */
const WHITE = "#ffffff";

/**
 * A rectangle of one sheet, as a person's code holds it. Reads hand over copies; every set*s call checks the data's
 * shape first, with Sheets' wording, and refuses a person the sheet's protection does not let edit.
 */
export class Range extends HostObject {
  declare readonly sheet: SheetModel;
  declare readonly at: Area;

  get [Symbol.toStringTag](): string {
    return "Range";
  }

  constructor(person: Person, sheet: SheetModel, at: Area) {
    super(person);
    if (at.row < 1) throw exception("The starting row of the range is too small.");
    if (at.column < 1) throw exception("The starting column of the range is too small.");
    if (at.numRows < 1) throw exception("The number of rows in the range must be at least 1.");
    if (at.numColumns < 1) throw exception("The number of columns in the range must be at least 1.");
    const bottom = at.row + at.numRows - 1;
    const right = at.column + at.numColumns - 1;
    if (bottom > sheet.maxRows || right > sheet.maxColumns) throw exception(OUTSIDE_GRID);
    internal(this, { sheet, at: { ...at } });
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

  getHeight(): number {
    this.hit("getHeight");
    return this.at.numRows;
  }

  getWidth(): number {
    this.hit("getWidth");
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

  getSheet(): object {
    this.hit("getSheet");
    return sheetFacade(this.person, this.sheet);
  }

  getA1Notation(): string {
    this.hit("getA1Notation");
    return a1Of(this.at);
  }

  /** The cell at (row, column) of this range, 1-based. */
  getCell(row: number, column: number): Range {
    this.hit("getCell");
    return new Range(this.person, this.sheet, {
      row: this.at.row + row - 1,
      column: this.at.column + column - 1,
      numRows: 1,
      numColumns: 1,
    });
  }

  getValues(): CellValue[][] {
    this.hit("getValues");
    return this.valuesOf();
  }

  /** The values, without counting a call (for another object's call that reads them, e.g. Sheet.getSheetValues). */
  valuesOf(): CellValue[][] {
    return this.read((cell) => copyValue(cell.value));
  }

  getValue(): CellValue {
    this.hit("getValue");
    return copyValue(this.first().value);
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

  getNote(): string {
    this.hit("getNote");
    return this.first().note;
  }

  setNotes(notes: (string | null)[][]): this {
    this.hit("setNotes");
    return this.write(notes, (cell, note) => {
      cell.note = note ?? "";
    });
  }

  setNote(note: string | null): this {
    this.hit("setNote");
    return this.fill((cell) => {
      cell.note = note ?? "";
    });
  }

  getBackgrounds(): string[][] {
    this.hit("getBackgrounds");
    return this.read((cell) => cell.background ?? WHITE);
  }

  getBackground(): string {
    this.hit("getBackground");
    return this.first().background ?? WHITE;
  }

  /** null resets a cell to no background, which reads back as white. */
  setBackgrounds(colors: (string | null)[][]): this {
    this.hit("setBackgrounds");
    return this.write(colors, (cell, color) => {
      cell.background = color ? color.toLowerCase() : null;
    });
  }

  setBackground(color: string | null): this {
    this.hit("setBackground");
    return this.fill((cell) => {
      cell.background = color ? color.toLowerCase() : null;
    });
  }

  getNumberFormats(): string[][] {
    this.hit("getNumberFormats");
    return this.read((cell) => cell.format);
  }

  getNumberFormat(): string {
    this.hit("getNumberFormat");
    return this.first().format;
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

  getDataValidations(): (DataValidation | null)[][] {
    this.hit("getDataValidations");
    return this.read((cell) => this.validation(cell.validation));
  }

  getDataValidation(): DataValidation | null {
    this.hit("getDataValidation");
    return this.validation(this.first().validation);
  }

  setDataValidations(rules: (DataValidation | null)[][]): this {
    this.hit("setDataValidations");
    return this.write(rules, (cell, rule) => {
      cell.validation = rule ? ruleOf(rule) : null;
    });
  }

  /** null removes validation, as in Sheets. */
  setDataValidation(rule: DataValidation | null): this {
    this.hit("setDataValidation");
    const model = rule ? ruleOf(rule) : null;
    return this.fill((cell) => {
      cell.validation = model;
    });
  }

  /**
   * A new protection of this range, its editors mirroring the spreadsheet's (so it restricts no one until they are
   * removed); a range already protected gets another, overlapping one (Range.protect in Apps Script's reference).
   */
  protect(): Protection {
    this.hit("protect");
    this.person.checkEdit(this.sheet, this.at);
    const model = { ...this.sheet.document.newProtection(), area: { ...this.at } };
    this.sheet.protections.push(model);
    this.sheet.document.touch();
    return new Protection(this.person, this.sheet, model);
  }

  /** Selects the range for the person and makes its sheet their active one. */
  activate(): this {
    this.hit("activate");
    select(this.person, this.sheet, [this.at]);
    return this;
  }

  private first(): CellModel {
    return this.sheet.cell(this.at.row, this.at.column);
  }

  private validation(rule: RuleModel | null): DataValidation | null {
    return rule ? new DataValidation(this.person, rule) : null;
  }

  private read<T>(pick: (cell: CellModel) => T): T[][] {
    const { row, column, numRows, numColumns } = this.at;
    return Array.from({ length: numRows }, (_, r) =>
      Array.from({ length: numColumns }, (_, c) => pick(this.sheet.cell(row + r, column + c))),
    );
  }

  private write<T>(data: T[][], put: (cell: CellModel, value: T) => void): this {
    const { row, column, numRows, numColumns } = this.at;
    if (data.length !== numRows) throw exception(rowsMismatch(data.length, numRows));
    for (const line of data) if (line.length !== numColumns) throw exception(columnsMismatch(line.length, numColumns));
    this.person.checkEdit(this.sheet, this.at);
    for (const [r, line] of data.entries()) {
      for (const [c, value] of line.entries()) put(this.sheet.cellToWrite(row + r, column + c), value);
    }
    this.sheet.document.touch();
    return this;
  }

  private fill(put: (cell: CellModel) => void): this {
    const { row, column, numRows, numColumns } = this.at;
    this.person.checkEdit(this.sheet, this.at);
    for (let r = 0; r < numRows; r++) for (let c = 0; c < numColumns; c++) put(this.sheet.cellToWrite(row + r, column + c));
    this.sheet.document.touch();
    return this;
  }
}

/** The ranges of a person's selection (Sheets: several, with ctrl-click); the last one holds the current cell. */
export class RangeList extends HostObject {
  declare readonly sheet: SheetModel;
  declare readonly areas: readonly Area[];

  get [Symbol.toStringTag](): string {
    return "RangeList";
  }

  constructor(person: Person, sheet: SheetModel, areas: readonly Area[]) {
    super(person);
    internal(this, { sheet, areas: areas.map((at) => ({ ...at })) });
  }

  getRanges(): Range[] {
    this.hit("getRanges");
    return this.areas.map((at) => new Range(this.person, this.sheet, at));
  }

  /** Selects the range for the person and makes its sheet their active one. */
  activate(): this {
    this.hit("activate");
    select(this.person, this.sheet, this.areas);
    return this;
  }
}

/** What setActiveSelection, Range.activate and RangeList.activate do: the person's selection, on their active sheet. */
export function select(person: Person, sheet: SheetModel, areas: readonly Area[]): void {
  const view = person.document.viewOf(person.user);
  view.activeSheet = sheet;
  view.selections.set(
    sheet,
    areas.map((at) => ({ ...at })),
  );
}

/** The person's selection on a sheet: A1 until they select something there, as the cursor starts in A1. */
export function selectionOf(person: Person, sheet: SheetModel): Area[] {
  // Rows deleted since may have taken part of a selection away: what is left of it stays selected.
  const areas = (person.document.viewOf(person.user).selections.get(sheet) ?? []).flatMap((at) => {
    const numRows = Math.min(at.numRows, sheet.maxRows - at.row + 1);
    const numColumns = Math.min(at.numColumns, sheet.maxColumns - at.column + 1);
    return numRows > 0 && numColumns > 0 ? [{ ...at, numRows, numColumns }] : [];
  });
  return areas.length > 0 ? areas : [{ row: 1, column: 1, numRows: 1, numColumns: 1 }];
}

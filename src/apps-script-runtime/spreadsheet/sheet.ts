import { type Area, parseReference } from "./a1-notation";
import { DeveloperMetadata } from "./developer-metadata";
import type { SheetModel } from "./document";
import { ProtectionType } from "./enums";
import { exception, FREEZE_ALL_ROWS, RANGE_NOT_FOUND, ROWS_OUT_OF_BOUNDS } from "./exceptions";
import { HostObject, internal, type Person } from "./person";
import { Protection } from "./protection";
import { Range, RangeList, select, selectionOf } from "./range";
import { spreadsheetFacade } from "./spreadsheet";

/** The person's Sheet for a sheet of the document: one object per person and sheet. */
export function sheetFacade(person: Person, model: SheetModel): Sheet {
  return person.facadeOf(model, () => new Sheet(person, model));
}

export class Sheet extends HostObject {
  declare readonly model: SheetModel;

  get [Symbol.toStringTag](): string {
    return "Sheet";
  }

  constructor(person: Person, model: SheetModel) {
    super(person);
    internal(this, { model });
  }

  getName(): string {
    this.hit("getName");
    return this.model.name;
  }

  setName(name: string): this {
    this.hit("setName");
    this.person.checkEditor();
    this.model.document.checkFreeName(name, this.model);
    this.model.name = name;
    this.model.document.touch();
    return this;
  }

  getSheetId(): number {
    this.hit("getSheetId");
    return this.model.id;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    this.hit("getIndex");
    return this.model.document.sheets.indexOf(this.model) + 1;
  }

  getParent(): object {
    this.hit("getParent");
    return spreadsheetFacade(this.person);
  }

  getRange(rowOrA1: number | string, column = 1, numRows = 1, numColumns = 1): Range {
    this.hit("getRange");
    if (typeof rowOrA1 === "number") return this.range({ row: rowOrA1, column, numRows, numColumns });
    return this.range(this.a1(rowOrA1));
  }

  getRangeList(a1Notations: string[]): RangeList {
    this.hit("getRangeList");
    const areas = a1Notations.map((a1) => this.a1(a1));
    for (const at of areas) this.range(at);
    return new RangeList(this.person, this.model, areas);
  }

  /** The last row with a value (notes and formats do not count); 0 for an empty sheet. */
  getLastRow(): number {
    this.hit("getLastRow");
    return this.model.lastFilled("row");
  }

  getLastColumn(): number {
    this.hit("getLastColumn");
    return this.model.lastFilled("column");
  }

  getMaxRows(): number {
    this.hit("getMaxRows");
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    this.hit("getMaxColumns");
    return this.model.maxColumns;
  }

  /** From A1 to the last row and column with a value; A1 alone for an empty sheet. */
  getDataRange(): Range {
    this.hit("getDataRange");
    const numRows = Math.max(this.model.lastFilled("row"), 1);
    const numColumns = Math.max(this.model.lastFilled("column"), 1);
    return this.range({ row: 1, column: 1, numRows, numColumns });
  }

  /**
   * The values of the rectangle from (startRow, startColumn), read in one call. "A -1 value given as the row or column
   * position is equivalent to getting the very last row or column that has data in the sheet"
   * (developers.google.com/apps-script/reference/spreadsheet/sheet#getsheetvaluesstartrow,-startcolumn,-numrows,-numcolumns):
   * -1 as a count reads to the last row or column with data.
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    this.hit("getSheetValues");
    const rows = numRows === -1 ? Math.max(this.model.lastFilled("row") - startRow + 1, 1) : numRows;
    const columns = numColumns === -1 ? Math.max(this.model.lastFilled("column") - startColumn + 1, 1) : numColumns;
    return this.range({ row: startRow, column: startColumn, numRows: rows, numColumns: columns }).valuesOf();
  }

  deleteRows(row: number, count: number): void {
    this.hit("deleteRows");
    this.person.checkEdit(this.model);
    this.model.deleteRows(row, count);
  }

  deleteRow(row: number): this {
    this.hit("deleteRow");
    this.person.checkEdit(this.model);
    this.model.deleteRows(row, 1);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.hit("insertRowsAfter");
    return this.insert(afterPosition, howMany);
  }

  insertRowAfter(afterPosition: number): this {
    this.hit("insertRowAfter");
    return this.insert(afterPosition, 1);
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.hit("insertRowsBefore");
    return this.insert(beforePosition - 1, howMany);
  }

  insertRowBefore(beforePosition: number): this {
    this.hit("insertRowBefore");
    return this.insert(beforePosition - 1, 1);
  }

  getFrozenRows(): number {
    this.hit("getFrozenRows");
    return this.model.frozenRows;
  }

  setFrozenRows(rows: number): void {
    this.hit("setFrozenRows");
    if (rows < 0 || rows >= this.model.maxRows) throw exception(FREEZE_ALL_ROWS);
    this.model.frozenRows = rows;
    this.model.document.touch();
  }

  hideRows(row: number, count = 1): void {
    this.hit("hideRows");
    this.showOrHide(row, count, true);
  }

  showRows(row: number, count = 1): void {
    this.hit("showRows");
    this.showOrHide(row, count, false);
  }

  isRowHiddenByUser(row: number): boolean {
    this.hit("isRowHiddenByUser");
    return this.model.hiddenRows.has(row);
  }

  /**
   * The sheet's protection: the one it has ("If the sheet is already protected, this method returns an object
   * representing its existing protection settings"), else a new one starting with the spreadsheet's editors (so it
   * restricts no one yet). A sheet has at most one.
   */
  protect(): Protection {
    this.hit("protect");
    const existing = this.model.protections.find((protection) => !protection.area);
    if (existing) return new Protection(this.person, this.model, existing);
    this.person.checkEdit(this.model);
    const model = this.model.document.newProtection();
    this.model.protections.push(model);
    this.model.document.touch();
    return new Protection(this.person, this.model, model);
  }

  /** The sheet's protections of the type: its sheet protections, or the protections of ranges on it. */
  getProtections(type: string): Protection[] {
    this.hit("getProtections");
    const ranges = type === ProtectionType.RANGE;
    if (!ranges && type !== ProtectionType.SHEET) return [];
    return this.model.protections
      .filter((model) => Boolean(model.area) === ranges)
      .map((model) => new Protection(this.person, this.model, model));
  }

  addDeveloperMetadata(key: string, value: string | null = null): this {
    this.hit("addDeveloperMetadata");
    this.person.checkEditor();
    this.model.metadata.push({ id: this.model.document.nextId(), key, value });
    this.model.document.touch();
    return this;
  }

  getDeveloperMetadata(): DeveloperMetadata[] {
    this.hit("getDeveloperMetadata");
    return this.model.metadata.map((model) => new DeveloperMetadata(this.person, this.model, model));
  }

  activate(): this {
    this.hit("activate");
    this.person.document.viewOf(this.person.user).activeSheet = this.model;
    return this;
  }

  setActiveSelection(range: Range | string): Range {
    this.hit("setActiveSelection");
    return this.selectOne(range);
  }

  setActiveRange(range: Range): Range {
    this.hit("setActiveRange");
    return this.selectOne(range);
  }

  setActiveRangeList(list: RangeList): RangeList {
    this.hit("setActiveRangeList");
    select(this.person, this.model, list.areas);
    return list;
  }

  /** The current range of the person's selection on this sheet, A1 when they selected nothing here. */
  getActiveRange(): Range {
    this.hit("getActiveRange");
    const areas = selectionOf(this.person, this.model);
    return this.range(areas[areas.length - 1] as Area);
  }

  getActiveRangeList(): RangeList {
    this.hit("getActiveRangeList");
    return new RangeList(this.person, this.model, selectionOf(this.person, this.model));
  }

  private range(at: Area): Range {
    return new Range(this.person, this.model, at);
  }

  private a1(text: string): Area {
    const reference = parseReference(text);
    if (!reference || (reference.sheet !== null && reference.sheet !== this.model.name)) throw exception(RANGE_NOT_FOUND);
    return reference.area;
  }

  private selectOne(range: Range | string): Range {
    const selected = typeof range === "string" ? this.range(this.a1(range)) : range;
    select(this.person, this.model, [selected.at]);
    return selected;
  }

  private insert(after: number, count: number): this {
    this.person.checkEdit(this.model);
    this.model.insertRows(after, count);
    return this;
  }

  private showOrHide(row: number, count: number, hide: boolean): void {
    if (row < 1 || count < 1 || row + count - 1 > this.model.maxRows) throw exception(ROWS_OUT_OF_BOUNDS);
    for (let r = row; r < row + count; r++) {
      if (hide) this.model.hiddenRows.add(r);
      else this.model.hiddenRows.delete(r);
    }
    this.model.document.touch();
  }
}

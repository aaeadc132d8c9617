/**
 * The spreadsheet itself, shared by every execution and every person: sheets, cells, protections, developer
 * metadata, and what the add-in showed people (menus, sidebars, toasts). No host object lives here: each person
 * sees the document through their own facade (./spreadsheet-app.ts).
 */

import type { Area } from "./a1-notation";
import { ALL_NON_FROZEN_ROWS, exception, LAST_SHEET, ROWS_OUT_OF_BOUNDS, sheetNameTaken } from "./exceptions";
import type { CellValue } from "./input-parsing";

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
/**
 * Sheets holds at most 10 million cells in a spreadsheet, blank ones included (every sheet's rows × columns), and
 * 18,278 columns (ZZZ) in a sheet: https://support.google.com/drive/answer/37603. The message is the one Sheets gives
 * an action that would go over it.
 */
export const MAX_CELLS = 10_000_000;
export const MAX_COLUMNS = 18_278;
export const OVER_MAX_CELLS = `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`;
/** Sheets' default number format ("Automatic" in its menu). */
export const AUTOMATIC_FORMAT = "General";

/** A validation rule; a range argument (VALUE_IN_RANGE) is a RangeRef, so that no person's facade is kept here. */
export interface RuleModel {
  readonly criteria: string;
  readonly args: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string;
}

export class RangeRef {
  constructor(
    readonly sheet: SheetModel,
    readonly area: Area,
  ) {}
}

export interface CellModel {
  value: CellValue;
  note: string;
  background: string | null;
  format: string;
  validation: RuleModel | null;
}

export function blankCell(): CellModel {
  return { value: "", note: "", background: null, format: AUTOMATIC_FORMAT, validation: null };
}

export interface ProtectionModel {
  /** A range protection's cells (Range.protect); absent for a protection of the whole sheet (Sheet.protect). */
  area?: Area;
  description: string;
  warningOnly: boolean;
  domainEdit: boolean;
  editors: string[];
}

export interface MetadataModel {
  readonly id: number;
  key: string;
  value: string | null;
}

export class SheetModel {
  /** Cells that were ever written, by row then column (0-based); a missing cell is blank. */
  rows: (CellModel | undefined)[][] = [];
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  /** Rows hidden by hideRows (1-based). */
  hiddenRows = new Set<number>();
  readonly protections: ProtectionModel[] = [];
  readonly metadata: MetadataModel[] = [];

  constructor(
    readonly document: SheetsDocument,
    public name: string,
    readonly id: number,
  ) {}

  cell(row: number, column: number): CellModel {
    return this.rows[row - 1]?.[column - 1] ?? blankCell();
  }

  /** The cell to change, created if it was blank. */
  cellToWrite(row: number, column: number): CellModel {
    while (this.rows.length < row) this.rows.push([]);
    const line = this.rows[row - 1] as (CellModel | undefined)[];
    const existing = line[column - 1];
    if (existing) return existing;
    const created = blankCell();
    line[column - 1] = created;
    return created;
  }

  /** The last row or column holding a value, 0 if none. */
  lastFilled(along: "row" | "column"): number {
    let last = 0;
    for (const [r, line] of this.rows.entries()) {
      for (const [c, cell] of line.entries()) {
        if (cell && cell.value !== "") last = Math.max(last, along === "row" ? r + 1 : c + 1);
      }
    }
    return last;
  }

  /** Whole rows go, with everything on them; rows below move up, and so do hidden rows and frozen rows. */
  deleteRows(row: number, count: number): void {
    if (row < 1 || count < 1 || row + count - 1 > this.maxRows) throw exception(ROWS_OUT_OF_BOUNDS);
    if (this.maxRows - count <= this.frozenRows) throw exception(ALL_NON_FROZEN_ROWS);
    this.rows.splice(row - 1, count);
    this.maxRows -= count;
    for (const protection of [...this.protections]) {
      if (!protection.area) continue;
      const left = rowsRemoved(protection.area, row, count);
      // A range whose rows all went is no longer protected: the protection goes with them.
      if (left) protection.area = left;
      else this.protections.splice(this.protections.indexOf(protection), 1);
    }
    this.frozenRows -= Math.max(0, Math.min(this.frozenRows, row + count - 1) - row + 1);
    this.hiddenRows = shifted(this.hiddenRows, row, -count);
    this.document.touch();
  }

  /** New blank rows after `after` (0 inserts at the top). */
  insertRows(after: number, count: number): void {
    if (after < 0 || after > this.maxRows || count < 1) throw exception(ROWS_OUT_OF_BOUNDS);
    if (this.rows.length > after) this.rows.splice(after, 0, ...Array.from({ length: count }, () => []));
    this.maxRows += count;
    for (const protection of this.protections) if (protection.area) protection.area = rowsInserted(protection.area, after, count);
    this.hiddenRows = shifted(this.hiddenRows, after + 1, count);
    this.document.touch();
  }

  /**
   * May `user` change these cells (the whole sheet when no area is given)? The owner always; otherwise every
   * protection over them that is more than a warning must let them.
   */
  mayEdit(user: string, area?: Area): boolean {
    if (!this.document.isEditor(user)) return false;
    return this.protectionsOver(area).every((protection) => this.document.mayEditUnder(protection, user));
  }

  /** Warning-only protections over these cells: Sheets asks a person typing there to confirm (scripts are not asked). */
  warningsOver(area: Area): ProtectionModel[] {
    return this.protectionsOver(area).filter((protection) => protection.warningOnly);
  }

  private protectionsOver(area: Area | undefined): ProtectionModel[] {
    return this.protections.filter((p) => !p.area || !area || overlaps(p.area, area));
  }
}

function overlaps(a: Area, b: Area): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

/** A protected range as Sheets keeps it when rows go: rows above move it up, rows inside shrink it (null: all gone). */
function rowsRemoved(area: Area, row: number, count: number): Area | null {
  const last = area.row + area.numRows - 1;
  const gone = Math.max(0, Math.min(last, row + count - 1) - Math.max(area.row, row) + 1);
  const above = Math.max(0, Math.min(area.row, row + count) - row);
  return gone >= area.numRows ? null : { ...area, row: area.row - above, numRows: area.numRows - gone };
}

/** Rows inserted above a protected range move it down; inside it, they grow it. */
function rowsInserted(area: Area, after: number, count: number): Area {
  if (after < area.row) return { ...area, row: area.row + count };
  if (after < area.row + area.numRows - 1) return { ...area, numRows: area.numRows + count };
  return area;
}

/** Rows from `from` down move by `by` (negative: the rows from `from` to `from - by - 1` are gone). */
function shifted(rows: Set<number>, from: number, by: number): Set<number> {
  const moved = new Set<number>();
  for (const row of rows) {
    if (row < from) moved.add(row);
    else if (by > 0 || row >= from - by) moved.add(row + by);
  }
  return moved;
}

/** Who the spreadsheet is shared with. */
export interface People {
  /** Owns the spreadsheet: always an editor of every protection. */
  owner: string;
  /** Everyone who can edit the spreadsheet; a new protection starts with them (Sheets: it "mirrors" the file). */
  editors: string[];
  /** Everyone it is shared with to view only: they can open it (openById) but not change it. */
  viewers?: string[];
  /** The Google Workspace domain that owns the file, or null (a consumer account): `setDomainEdit` concerns it. */
  domain: string | null;
}

export interface MenuItem {
  caption: string;
  functionName: string;
}

/** A menu as `addToUi` put it in the menu bar; null items are separators. */
export interface ShownMenu {
  /** Null for the add-on menu (Extensions ▸ add-on's name). */
  caption: string | null;
  items: (MenuItem | null)[];
}

export interface ShownSidebar {
  title: string;
  html: string;
}

export interface Toast {
  message: string;
  title: string;
}

/** What one person sees of the document: in Sheets, the active sheet and selection are each person's own. */
export interface PersonView {
  activeSheet: SheetModel | null;
  /** The selected ranges per sheet; the last one holds the current cell. */
  selections: Map<SheetModel, Area[]>;
  menus: ShownMenu[];
  sidebar: ShownSidebar | null;
  toasts: Toast[];
}

export class SheetsDocument {
  readonly sheets: SheetModel[] = [];
  /** Counts changes to the document's content, so a viewer redraws only when something changed. */
  changes = 0;
  /** Calls per host method, keyed "Class.method", whoever made them. */
  readonly calls = new Map<string, number>();
  /** The name Sheets shows above the menus (getName); a loaded file's name without its extension. */
  name = "Untitled spreadsheet";
  private readonly views = new Map<string, PersonView>();
  private ids = 0;

  constructor(
    readonly id: string,
    readonly people: People,
  ) {}

  /** A document with one empty sheet, "Sheet1", as Sheets creates one. */
  static blank(id: string, people: People): SheetsDocument {
    const document = new SheetsDocument(id, people);
    document.addSheet("Sheet1", 0);
    return document;
  }

  touch(): void {
    this.changes += 1;
  }

  count(method: string): void {
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
  }

  /** Ids for sheets and metadata, unique in the document. */
  nextId(): number {
    this.ids += 1;
    return this.ids;
  }

  sheetByName(name: string): SheetModel | null {
    return this.sheets.find((sheet) => sheet.name === name) ?? null;
  }

  sheetById(id: number): SheetModel | null {
    return this.sheets.find((sheet) => sheet.id === id) ?? null;
  }

  /** Sheet names are unique regardless of case; Sheets refuses a taken one with this message. */
  checkFreeName(name: string, except?: SheetModel): void {
    const taken = this.sheets.some((sheet) => sheet !== except && sheet.name.toLowerCase() === name.toLowerCase());
    if (taken) throw exception(sheetNameTaken(name));
  }

  addSheet(name: string, index: number, id = this.nextId()): SheetModel {
    this.checkFreeName(name);
    const sheet = new SheetModel(this, name, id);
    this.ids = Math.max(this.ids, id);
    this.sheets.splice(Math.min(Math.max(index, 0), this.sheets.length), 0, sheet);
    this.touch();
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) throw exception(LAST_SHEET);
    const index = this.sheets.indexOf(sheet);
    if (index >= 0) this.sheets.splice(index, 1);
    this.touch();
  }

  /** "SheetN" for the next N not taken, as insertSheet() without a name does. */
  freeDefaultName(): string {
    const names = new Set(this.sheets.map((sheet) => sheet.name.toLowerCase()));
    let n = this.sheets.length + 1;
    while (names.has(`sheet${n}`)) n += 1;
    return `Sheet${n}`;
  }

  viewOf(user: string): PersonView {
    let view = this.views.get(user);
    if (!view) {
      view = { activeSheet: null, selections: new Map(), menus: [], sidebar: null, toasts: [] };
      this.views.set(user, view);
    }
    return view;
  }

  /** The person's active sheet: the first one until they choose another, and again once theirs is deleted. */
  activeSheetOf(user: string): SheetModel {
    const view = this.viewOf(user);
    if (!view.activeSheet || !this.sheets.includes(view.activeSheet)) view.activeSheet = this.sheets[0] as SheetModel;
    return view.activeSheet;
  }

  /** A new protection, its editors mirroring the spreadsheet's (so it restricts no one until they are removed). */
  newProtection(): ProtectionModel {
    return { description: "", warningOnly: false, domainEdit: this.people.domain !== null, editors: [...this.people.editors] };
  }

  /** The owner or one of the spreadsheet's editors: a viewer changes nothing, protected or not. */
  isEditor(user: string): boolean {
    return user === this.people.owner || this.people.editors.includes(user);
  }

  /**
   * Only an editor of the spreadsheet, and of those: the owner always; anyone under a warning-only protection (it
   * only warns); otherwise the protection's editors, or anyone in the domain if allowed.
   */
  mayEditUnder(protection: ProtectionModel, user: string): boolean {
    if (!this.isEditor(user)) return false;
    if (user === this.people.owner || protection.warningOnly || protection.editors.includes(user)) return true;
    return protection.domainEdit && this.people.domain !== null && domainOf(user) === this.people.domain;
  }
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

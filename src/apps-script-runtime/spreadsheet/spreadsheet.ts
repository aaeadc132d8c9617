import { parseReference } from "./a1-notation";
import type { SheetModel } from "./document";
import { ProtectionType } from "./enums";
import { exception, RANGE_NOT_FOUND } from "./exceptions";
import { HostObject, type Person } from "./person";
import type { Protection } from "./protection";
import type { Range, RangeList } from "./range";
import { type Sheet, sheetFacade } from "./sheet";

/** The person's Spreadsheet: one per person. */
export function spreadsheetFacade(person: Person): Spreadsheet {
  return person.facadeOf(person.document, () => new Spreadsheet(person));
}

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

export class Spreadsheet extends HostObject {
  get [Symbol.toStringTag](): string {
    return "Spreadsheet";
  }

  getId(): string {
    this.hit("getId");
    return this.document.id;
  }

  getName(): string {
    this.hit("getName");
    return this.document.name;
  }

  getUrl(): string {
    this.hit("getUrl");
    return spreadsheetUrl(this.document.id);
  }

  getSheets(): Sheet[] {
    this.hit("getSheets");
    return this.document.sheets.map((model) => this.sheet(model));
  }

  getNumSheets(): number {
    this.hit("getNumSheets");
    return this.document.sheets.length;
  }

  getSheetByName(name: string): Sheet | null {
    this.hit("getSheetByName");
    const model = this.document.sheetByName(name);
    return model && this.sheet(model);
  }

  getSheetById(id: number): Sheet | null {
    this.hit("getSheetById");
    const model = this.document.sheetById(id);
    return model && this.sheet(model);
  }

  /**
   * As in Sheets: without an index the new sheet goes right after the person's active one; either way it becomes
   * their active sheet. `insertSheet(index)` alone takes a default name.
   */
  insertSheet(nameOrIndex?: string | number, index?: number): Sheet {
    this.hit("insertSheet");
    this.person.checkEditor();
    const name = typeof nameOrIndex === "string" ? nameOrIndex : this.document.freeDefaultName();
    const at = typeof nameOrIndex === "number" ? nameOrIndex : (index ?? this.document.sheets.indexOf(this.active()) + 1);
    const model = this.document.addSheet(name, at);
    this.view().activeSheet = model;
    return this.sheet(model);
  }

  deleteSheet(sheet: Sheet): void {
    this.hit("deleteSheet");
    this.person.checkEditor();
    this.document.deleteSheet(sheet.model);
  }

  getActiveSheet(): Sheet {
    this.hit("getActiveSheet");
    return this.sheet(this.active());
  }

  setActiveSheet(sheet: Sheet): Sheet {
    this.hit("setActiveSheet");
    this.view().activeSheet = sheet.model;
    return sheet;
  }

  getActiveRange(): Range {
    this.hit("getActiveRange");
    return this.sheet(this.active()).getActiveRange();
  }

  getActiveRangeList(): RangeList {
    this.hit("getActiveRangeList");
    return this.sheet(this.active()).getActiveRangeList();
  }

  /** "Sites!A2:B3", or a range of the active sheet. */
  getRange(a1Notation: string): Range {
    this.hit("getRange");
    const reference = parseReference(a1Notation);
    const model = reference?.sheet ? this.document.sheetByName(reference.sheet) : this.active();
    if (!reference || !model) throw exception(RANGE_NOT_FOUND);
    return this.sheet(model).getRange(a1Notation.slice(a1Notation.lastIndexOf("!") + 1));
  }

  getProtections(type: string): Protection[] {
    this.hit("getProtections");
    if (type !== ProtectionType.SHEET && type !== ProtectionType.RANGE) return [];
    return this.document.sheets.flatMap((model) => this.sheet(model).getProtections(type));
  }

  /** Shown at the bottom right of the person's window; kept in their view for the playground to show. */
  toast(message: string, title = "", _timeoutSeconds?: number): void {
    this.hit("toast");
    this.view().toasts.push({ message: String(message), title: String(title) });
  }

  private get document() {
    return this.person.document;
  }

  private view() {
    return this.document.viewOf(this.person.user);
  }

  private active(): SheetModel {
    return this.document.activeSheetOf(this.person.user);
  }

  private sheet(model: SheetModel): Sheet {
    return sheetFacade(this.person, model);
  }
}

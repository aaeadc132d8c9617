import { DataValidationBuilder, DataValidationCriteria } from "./data-validation";
import type { Drive } from "./drive";
import { ProtectionType } from "./enums";
import { exception } from "./exceptions";
import { HostObject, internal, Person } from "./person";
import type { Range, RangeList } from "./range";
import type { Sheet } from "./sheet";
import { type Spreadsheet, spreadsheetFacade, spreadsheetUrl } from "./spreadsheet";
import { Ui } from "./ui";

/**
 * The `SpreadsheetApp` global for one person: the spreadsheet the add-in is open in, their active sheet and
 * selection, their window (Ui), and the other spreadsheets of the runtime's Drive they may open. Enums are own
 * properties, sent once as constants.
 */
export class SpreadsheetApp extends HostObject {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;
  declare private readonly drive: Drive | null;
  /** One Person per other document opened, so that its sheets are the same objects on a second open. */
  declare private readonly opened: Map<string, Person>;
  /** Outside a containing document (the /usercallback of a sign-in) there is no active spreadsheet. */
  declare private readonly standalone: boolean;

  constructor(person: Person, drive: Drive | null = null, standalone = false) {
    super(person);
    internal(this, { drive, opened: new Map<string, Person>(), standalone });
  }

  get [Symbol.toStringTag](): string {
    return "SpreadsheetApp";
  }

  getActive(): Spreadsheet | null {
    this.hit("getActive");
    return this.active();
  }

  getActiveSpreadsheet(): Spreadsheet | null {
    this.hit("getActiveSpreadsheet");
    return this.active();
  }

  getActiveSheet(): Sheet | null {
    this.hit("getActiveSheet");
    return this.active()?.getActiveSheet() ?? null;
  }

  setActiveSheet(sheet: Sheet): Sheet {
    this.hit("setActiveSheet");
    return this.activeOrRefused().setActiveSheet(sheet);
  }

  getActiveRange(): Range | null {
    this.hit("getActiveRange");
    return this.active()?.getActiveRange() ?? null;
  }

  getActiveRangeList(): RangeList | null {
    this.hit("getActiveRangeList");
    return this.active()?.getActiveRangeList() ?? null;
  }

  getUi(): Ui {
    this.hit("getUi");
    if (this.standalone) throw exception("Cannot call SpreadsheetApp.getUi() from this context.");
    return new Ui(this.person);
  }

  newDataValidation(): DataValidationBuilder {
    this.hit("newDataValidation");
    return new DataValidationBuilder(this.person);
  }

  /** The active spreadsheet or one of the Drive's; the engine checks the `spreadsheets` scope these need. */
  openById(id: string): Spreadsheet {
    this.hit("openById");
    return this.open(String(id), "openById");
  }

  openByUrl(url: string): Spreadsheet {
    this.hit("openByUrl");
    const id = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([^/?#]+)/.exec(String(url))?.[1];
    if (id === undefined) throw exception("Invalid argument: url");
    return this.open(id, "openByUrl");
  }

  /** Nothing is buffered here: every call already took effect. */
  flush(): void {
    this.hit("flush");
  }

  private active(): Spreadsheet | null {
    return this.standalone ? null : spreadsheetFacade(this.person);
  }

  private activeOrRefused(): Spreadsheet {
    const active = this.active();
    if (!active) throw exception("Cannot call SpreadsheetApp.setActiveSheet() from this context.");
    return active;
  }

  private open(id: string, method: "openById" | "openByUrl"): Spreadsheet {
    if (id === this.person.document.id) return spreadsheetFacade(this.person);
    if (!this.drive) throw exception(`Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`);
    const document = this.drive.open(id, this.person.user, method);
    let person = this.opened.get(id);
    if (!person) {
      person = new Person(document, this.person.user);
      this.opened.set(id, person);
    }
    return spreadsheetFacade(person);
  }
}

export { spreadsheetUrl };

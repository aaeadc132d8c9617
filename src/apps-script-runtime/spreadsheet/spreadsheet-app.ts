import { DataValidationBuilder, DataValidationCriteria } from "./data-validation";
import { ProtectionType } from "./enums";
import { exception } from "./exceptions";
import { HostObject } from "./person";
import type { Range, RangeList } from "./range";
import type { Sheet } from "./sheet";
import { type Spreadsheet, spreadsheetFacade, spreadsheetUrl } from "./spreadsheet";
import { Ui } from "./ui";

/**
 * The `SpreadsheetApp` global for one person: the spreadsheet the add-in is open in (the only one this runtime
 * holds), their active sheet and selection, their window (Ui). Enums are own properties, sent once as constants.
 */
export class SpreadsheetApp extends HostObject {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;

  get [Symbol.toStringTag](): string {
    return "SpreadsheetApp";
  }

  getActive(): Spreadsheet {
    this.hit("getActive");
    return spreadsheetFacade(this.person);
  }

  getActiveSpreadsheet(): Spreadsheet {
    this.hit("getActiveSpreadsheet");
    return spreadsheetFacade(this.person);
  }

  getActiveSheet(): Sheet {
    this.hit("getActiveSheet");
    return spreadsheetFacade(this.person).getActiveSheet();
  }

  setActiveSheet(sheet: Sheet): Sheet {
    this.hit("setActiveSheet");
    return spreadsheetFacade(this.person).setActiveSheet(sheet);
  }

  getActiveRange(): Range {
    this.hit("getActiveRange");
    return spreadsheetFacade(this.person).getActiveRange();
  }

  getActiveRangeList(): RangeList {
    this.hit("getActiveRangeList");
    return spreadsheetFacade(this.person).getActiveRangeList();
  }

  getUi(): Ui {
    this.hit("getUi");
    return new Ui(this.person);
  }

  newDataValidation(): DataValidationBuilder {
    this.hit("newDataValidation");
    return new DataValidationBuilder(this.person);
  }

  /** The runtime holds one spreadsheet; the engine checks the `spreadsheets` scope these need. */
  openById(id: string): Spreadsheet {
    this.hit("openById");
    return this.open(id);
  }

  openByUrl(url: string): Spreadsheet {
    this.hit("openByUrl");
    const id = /\/spreadsheets\/d\/([^/?#]+)/.exec(url)?.[1];
    return this.open(id ?? "");
  }

  /** Nothing is buffered here: every call already took effect. */
  flush(): void {
    this.hit("flush");
  }

  private open(id: string): Spreadsheet {
    if (id !== this.person.document.id) {
      throw exception(`Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
    }
    return spreadsheetFacade(this.person);
  }
}

export { spreadsheetUrl };

import type { ProtectionModel, SheetModel } from "./document";
import { ProtectionType } from "./enums";
import { exception, invalidEmail, PROTECTED } from "./exceptions";
import { HostObject, internal, type Person } from "./person";
import { Range } from "./range";

/** A Google account as Protection.getEditors lists it. */
export class User extends HostObject {
  declare private readonly email: string;

  get [Symbol.toStringTag](): string {
    return "User";
  }

  constructor(person: Person, email: string) {
    super(person);
    internal(this, { email });
  }

  getEmail(): string {
    this.hit("getEmail");
    return this.email;
  }
}

type Editor = string | { getEmail(): string };

/** An editor's email; a blank one (a User whose email Google withheld) or one without "@" is refused, as Sheets does. */
function emailOf(editor: Editor): string {
  const email = typeof editor === "string" ? editor : editor.getEmail();
  if (!email.includes("@")) throw exception(invalidEmail(email));
  return email;
}

/**
 * A sheet protection. Who may edit the sheet is decided by the shared model (SheetModel.mayEdit); changing the
 * protection itself is for those it lets edit.
 */
export class Protection extends HostObject {
  declare private readonly sheet: SheetModel;
  declare private readonly model: ProtectionModel;

  get [Symbol.toStringTag](): string {
    return "Protection";
  }

  constructor(person: Person, sheet: SheetModel, model: ProtectionModel) {
    super(person);
    internal(this, { sheet, model });
  }

  getProtectionType(): string {
    this.hit("getProtectionType");
    return this.model.area ? ProtectionType.RANGE : ProtectionType.SHEET;
  }

  /** A range protection's range; the whole sheet for a sheet protection. */
  getRange(): Range {
    this.hit("getRange");
    return new Range(
      this.person,
      this.sheet,
      this.model.area ?? { row: 1, column: 1, numRows: this.sheet.maxRows, numColumns: this.sheet.maxColumns },
    );
  }

  getDescription(): string {
    this.hit("getDescription");
    return this.model.description;
  }

  setDescription(description: string): this {
    this.hit("setDescription");
    return this.change(() => {
      this.model.description = description;
    });
  }

  isWarningOnly(): boolean {
    this.hit("isWarningOnly");
    return this.model.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): this {
    this.hit("setWarningOnly");
    return this.change(() => {
      this.model.warningOnly = warningOnly;
    });
  }

  getEditors(): User[] {
    this.hit("getEditors");
    return this.model.editors.map((email) => new User(this.person, email));
  }

  addEditor(editor: Editor): this {
    this.hit("addEditor");
    return this.add([editor]);
  }

  addEditors(editors: Editor[]): this {
    this.hit("addEditors");
    return this.add(editors);
  }

  removeEditor(editor: Editor): this {
    this.hit("removeEditor");
    return this.drop([editor]);
  }

  /** As in Sheets: neither the spreadsheet's owner nor the person running the script can be removed. */
  removeEditors(editors: Editor[]): this {
    this.hit("removeEditors");
    return this.drop(editors);
  }

  canDomainEdit(): boolean {
    this.hit("canDomainEdit");
    return this.model.domainEdit;
  }

  setDomainEdit(editable: boolean): this {
    this.hit("setDomainEdit");
    return this.change(() => {
      this.model.domainEdit = editable;
    });
  }

  canEdit(): boolean {
    this.hit("canEdit");
    return this.sheet.document.mayEditUnder(this.model, this.person.user);
  }

  remove(): void {
    this.hit("remove");
    this.change(() => {
      const index = this.sheet.protections.indexOf(this.model);
      if (index >= 0) this.sheet.protections.splice(index, 1);
    });
  }

  private add(editors: Editor[]): this {
    return this.change(() => {
      for (const email of editors.map(emailOf)) if (!this.model.editors.includes(email)) this.model.editors.push(email);
    });
  }

  private drop(editors: Editor[]): this {
    const { owner } = this.sheet.document.people;
    const gone = new Set(editors.map(emailOf));
    return this.change(() => {
      this.model.editors = this.model.editors.filter(
        (email) => email === owner || email === this.person.user || !gone.has(email),
      );
    });
  }

  private change(apply: () => void): this {
    if (!this.sheet.document.mayEditUnder(this.model, this.person.user)) throw exception(PROTECTED);
    apply();
    this.sheet.document.touch();
    return this;
  }
}

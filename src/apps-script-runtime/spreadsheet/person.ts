/**
 * One person's way into the shared document: every host object of their facade knows the document and who they
 * are, since Sheets decides by person who may edit a protected sheet, which sheet is active and what is selected.
 */

import type { Area } from "./a1-notation";
import type { SheetsDocument } from "./document";
import { exception, PROTECTED, VIEW_ONLY } from "./exceptions";

export class Person {
  constructor(
    readonly document: SheetsDocument,
    /** Their email. */
    readonly user: string,
  ) {}

  /** Facades made once per model, so that the same sheet is the same object to the person's code. */
  private readonly facades = new WeakMap<object, object>();

  facadeOf<T extends object>(model: object, make: () => T): T {
    const known = this.facades.get(model);
    if (known) return known as T;
    const made = make();
    this.facades.set(model, made);
    return made;
  }

  /** A viewer of the spreadsheet changes nothing in it: no cell, sheet or marker. */
  checkEditor(): void {
    if (!this.document.isEditor(this.user)) throw exception(VIEW_ONLY);
  }

  /** Sheets refuses any change to protected cells or rows (all of the sheet unless an area is given) by someone the protection does not let edit. */
  checkEdit(sheet: { mayEdit(user: string, area?: Area): boolean }, area?: Area): void {
    this.checkEditor();
    if (!sheet.mayEdit(this.user, area)) throw exception(PROTECTED);
  }
}

/**
 * Base of every host object: its Apps Script class name as Symbol.toStringTag, a count per public call, and its
 * internals kept as non-enumerable properties, so that the engine sends none of them to an execution as a constant.
 */
export abstract class HostObject {
  declare protected readonly person: Person;

  constructor(person: Person) {
    internal(this, { person });
  }

  abstract get [Symbol.toStringTag](): string;

  protected hit(method: string): void {
    this.person.document.count(`${this[Symbol.toStringTag]}.${method}`);
  }
}

/** Defines `fields` on `target` as read-only, non-enumerable properties. */
export function internal(target: object, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) Object.defineProperty(target, key, { value, enumerable: false });
}

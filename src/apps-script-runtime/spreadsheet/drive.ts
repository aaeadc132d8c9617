/**
 * The spreadsheets the runtime knows besides the one the add-in is open in, by id: what `SpreadsheetApp.openById`
 * and `openByUrl` can reach. In Sheets that is the person's Drive; here each one is a workbook file loaded as a
 * document (the playground's `--open FILE`), shared with the people its `People` name.
 */

import type { SheetsDocument } from "./document";
import { exception } from "./exceptions";

/** Apps Script's text when the spreadsheet exists but the person may not open it. */
export const NO_ACCESS = "You do not have permission to access the requested document.";

export class Drive {
  private readonly documents = new Map<string, SheetsDocument>();

  constructor(documents: readonly SheetsDocument[] = []) {
    for (const document of documents) this.add(document);
  }

  add(document: SheetsDocument): void {
    this.documents.set(document.id, document);
  }

  /** Every document, the active one included. */
  all(): SheetsDocument[] {
    return [...this.documents.values()];
  }

  /**
   * The document `user` opens by this id, or Apps Script's exception: an id nobody knows is the "unexpected error"
   * Apps Script gives for it, one the person is not shared on is NO_ACCESS.
   */
  open(id: string, user: string, method: "openById" | "openByUrl"): SheetsDocument {
    const document = this.documents.get(id);
    if (!document) throw exception(`Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`);
    if (!mayOpen(document, user)) throw exception(NO_ACCESS);
    return document;
  }
}

/** The owner, an editor, or someone it is shared with to view. */
export function mayOpen(document: SheetsDocument, user: string): boolean {
  const { owner, editors, viewers } = document.people;
  return user === owner || editors.includes(user) || (viewers ?? []).includes(user);
}

import { AppsScriptException } from "../exception";

/**
 * Apps Script's own texts for the errors the add-in can run into. Apps Script throws them as `Exception`: the
 * message is the text, and the error prints as "Exception: <text>".
 */

export const OUTSIDE_GRID = "The coordinates of the range are outside the dimensions of the sheet.";
export const PROTECTED =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";
/** A viewer's change, script or grid. Google documents that a viewer cannot change the file, not this text: ours. */
export const VIEW_ONLY = "You can only view this spreadsheet: its owner can make you an editor.";
export const ROWS_OUT_OF_BOUNDS = "Those rows are out of bounds.";
export const ALL_NON_FROZEN_ROWS = "Sorry, it is not possible to delete all non-frozen rows.";
export const FREEZE_ALL_ROWS = "You can't freeze all visible rows on the sheet.";
export const LAST_SHEET = "You can't remove all the sheets in a document.";
export const RANGE_NOT_FOUND = "Range not found";

export function rowsMismatch(data: number, range: number): string {
  return `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`;
}

export function columnsMismatch(data: number, range: number): string {
  return `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`;
}

/** As reported for Spreadsheet.addViewer; assumed the same for a protection's editors. */
export function invalidEmail(email: string): string {
  return `Invalid email: ${email}`;
}

export function sheetNameTaken(name: string): string {
  return `A sheet with the name "${name}" already exists. Please enter another name.`;
}

export { AppsScriptException };

export function exception(message: string): AppsScriptException {
  return new AppsScriptException(message);
}

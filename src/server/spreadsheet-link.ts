/**
 * Another Google spreadsheet as the person gives it: the link copied from its address bar
 * (`https://docs.google.com/spreadsheets/d/<id>/edit#gid=0`) or the id alone. Checked by hand: Apps Script has no URL.
 */

const LINK = /^https:\/\/docs\.google\.com\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)/;
/** Drive ids are letters, digits, - and _, and long; a shorter word is a typo, not an id. */
const BARE_ID = /^[A-Za-z0-9_-]{20,}$/;

/** The spreadsheet's id, or null when the text is neither a spreadsheet's link nor an id. */
export function spreadsheetIdOf(text: string): string | null {
  const trimmed = text.trim();
  return LINK.exec(trimmed)?.[1] ?? (BARE_ID.test(trimmed) ? trimmed : null);
}

export const NOT_A_LINK =
  "That is not a link to a Google spreadsheet: copy it from the spreadsheet's address bar (https://docs.google.com/spreadsheets/d/…).";

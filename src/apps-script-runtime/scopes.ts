/**
 * Which OAuth scopes allow which call. One line per rule, `Class.method` or `Class.*`; any one of the listed scopes
 * allows the call. A call that no line names needs no scope. A rule learnt on the real platform changes one line.
 */

const SPREADSHEETS = "https://www.googleapis.com/auth/spreadsheets";
const SPREADSHEETS_CURRENT = "https://www.googleapis.com/auth/spreadsheets.currentonly";
const CONTAINER_UI = "https://www.googleapis.com/auth/script.container.ui";
const EXTERNAL_REQUEST = "https://www.googleapis.com/auth/script.external_request";
const USER_EMAIL = "https://www.googleapis.com/auth/userinfo.email";

export const REQUIRED_SCOPES: Readonly<Record<string, readonly string[]>> = {
  "SpreadsheetApp.*": [SPREADSHEETS_CURRENT, SPREADSHEETS],
  "SpreadsheetApp.openById": [SPREADSHEETS],
  "SpreadsheetApp.openByUrl": [SPREADSHEETS],
  "SpreadsheetApp.open": [SPREADSHEETS],
  "SpreadsheetApp.create": [SPREADSHEETS],
  "Ui.showSidebar": [CONTAINER_UI],
  "Ui.showModalDialog": [CONTAINER_UI],
  "Ui.showModelessDialog": [CONTAINER_UI],
  "HtmlService.*": [CONTAINER_UI],
  "UrlFetchApp.*": [EXTERNAL_REQUEST],
  "Session.getActiveUser": [USER_EMAIL],
  "Session.getEffectiveUser": [USER_EMAIL],
};

/** The scopes of which one allows `Class.method`, or none when it needs none. */
export function requiredScopes(cls: string, method: string): readonly string[] {
  return REQUIRED_SCOPES[`${cls}.${method}`] ?? REQUIRED_SCOPES[`${cls}.*`] ?? [];
}

/** Apps Script's text for a call the granted scopes do not allow. */
export function permissionDenied(cls: string, method: string, scopes: readonly string[]): string {
  const base = `You do not have permission to call ${cls}.${method}.`;
  if (scopes.length === 0) return base;
  const required = scopes.length === 1 ? scopes[0] : `(${scopes.join(" || ")})`;
  return `${base} Required permissions: ${required}`;
}

/** The call's refusal, or null when one of its scopes is granted (every call is, without oauthScopes). */
export function scopeRefusal(cls: string, method: string, granted: readonly string[] | undefined): string | null {
  const needed = requiredScopes(cls, method);
  if (!granted || needed.length === 0 || needed.some((scope) => granted.includes(scope))) return null;
  return permissionDenied(cls, method, needed);
}

import type { AuthMode } from "./host-service";
import { permissionDenied, requiredScopes } from "./scopes";

/**
 * What each authorization mode allows, after the table "Authorization modes" of the Editor add-on authorization
 * lifecycle (developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes):
 * - NONE (onOpen of an add-on not yet used in the document): locale only, no document, add menu items, no
 *   properties, no UrlFetch; other services: Logger and Utilities.
 * - LIMITED (simple triggers): locale only (no user identity), the current document, add menu items, properties,
 *   no UrlFetch/Jdbc; other services that touch no user data (Cache, Lock, HTML, Utilities, Logger).
 * - FULL: everything the scopes allow.
 * One line per rule: `Class.method` or `Class.*`.
 */
const NONE_ALLOWS = [
  "Utilities.*",
  "Blob.*",
  "Logger.*",
  "SpreadsheetApp.getUi",
  "Ui.createAddonMenu",
  "Ui.createMenu",
  "Menu.*",
  "Session.getActiveUserLocale",
  "Session.getScriptTimeZone",
];

const LIMITED_REFUSES = [
  "UrlFetchApp.*",
  "Jdbc.*",
  "Session.getActiveUser",
  "Session.getEffectiveUser",
  "Session.getTemporaryActiveUserKey",
  "ScriptApp.getOAuthToken",
  "SpreadsheetApp.openById",
  "SpreadsheetApp.openByUrl",
  "SpreadsheetApp.open",
  "SpreadsheetApp.create",
  "Ui.showSidebar",
  "Ui.showModalDialog",
  "Ui.showModelessDialog",
  "Ui.alert",
  "Ui.prompt",
];

const matches = (rules: readonly string[], cls: string, method: string) =>
  rules.includes(`${cls}.${method}`) || rules.includes(`${cls}.*`);

/** The call's refusal in this mode, or null. The text is Apps Script's for a call without permission. */
export function authModeRefusal(mode: AuthMode, cls: string, method: string): string | null {
  const allowed =
    mode === "FULL" || (mode === "NONE" ? matches(NONE_ALLOWS, cls, method) : !matches(LIMITED_REFUSES, cls, method));
  return allowed ? null : permissionDenied(cls, method, requiredScopes(cls, method));
}

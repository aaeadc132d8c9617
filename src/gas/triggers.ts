import { serverFunctions } from "../server/functions";
import { invoke } from "../server/server-function";
import { documentEditStamp } from "./document-edit-stamp";
import { appsScriptHome } from "./home";
import type { AuthCallbackRequest } from "./oauth2-library";
import { type PlatformReport, probePlatform, sidebarObservations } from "./platform-probes";
import { finishAuthorization } from "./ringcentral-authorization";
import { runSelfTest, type SelfTestReport } from "./self-test";

/**
 * Menus, triggers and the sidebar's opening: what Apps Script calls by name besides the sidebar's functions.
 * Menu items name functions of this module, so each of them is a top-level function of the built file.
 */

const TITLE = "RingCentral Users";

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem("Open sidebar", "showSidebar")
    .addItem("Validate", "menuValidate")
    .addItem("Set up workspace", "menuSetUpWorkspace")
    .addToUi();
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("sidebar").setTitle(TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function menuValidate(): void {
  const report = invoke("validate", serverFunctions.validate, appsScriptHome(), { mark: true });
  const { error, warning } = report.counts;
  SpreadsheetApp.getActiveSpreadsheet().toast(
    error + warning === 0 ? "No problems found." : `${error} errors, ${warning} warnings: open the sidebar for the list.`,
    TITLE,
  );
}

export function menuSetUpWorkspace(): void {
  const report = invoke("setUpWorkspace", serverFunctions.setUpWorkspace, appsScriptHome(), {});
  const created = report.created.length ? `Added ${report.created.join(", ")}. ` : "";
  const repaired = report.repaired.length ? `Repaired ${report.repaired.join(", ")}.` : "";
  SpreadsheetApp.getActiveSpreadsheet().toast(created + repaired || "The workspace was already set up.", TITLE);
}

/**
 * Validate as you type: a simple trigger, so it must be quick and needs no authorization beyond this spreadsheet. It
 * checks the edited rows against the workspace as the sheet holds it (no RingCentral call) and marks only them, and
 * moves the document's edit stamp, which an open Validate panel polls to refresh its list.
 */
export function onEdit(event?: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = event?.range;
  if (!range) return;
  try {
    // First, so that an open Validate panel refreshes even when the check below runs out of time.
    documentEditStamp.touch();
    invoke("validateRows", serverFunctions.validateRows, appsScriptHome(), {
      sheet: range.getSheet().getName(),
      top: range.getRow(),
      bottom: range.getRow() + range.getNumRows() - 1,
    });
  } catch (error) {
    // A trigger has no one to answer: the next Validate shows what is wrong.
    console.warn(`onEdit: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Where RingCentral's sign-in page sends the person back (through Apps Script's /usercallback). */
export function authCallback(request: AuthCallbackRequest): GoogleAppsScript.HTML.HtmlOutput {
  const outcome = finishAuthorization(request);
  const text = outcome.message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return HtmlService.createHtmlOutput(`<p style="font:14px Roboto,Arial,sans-serif">${text}</p>`).setTitle(TITLE);
}

/** What selfTest answers: the platform's rules as observed (docs/first-contact/), and the Workbook contract's cases. */
export interface FirstContactReport extends PlatformReport {
  workbook: SelfTestReport;
}

/**
 * First contact (docs/first-contact/README.md): tries each rule of the local runtime Google's pages leave open, and
 * checks the Workbook adapter against real Sheets (the contract's cases on temporary tabs). One JSON report, logged
 * and answered. Run from the sidebar of a test deployment (`rcsheetsSelfTest()` in its console runs it twice and
 * adds what the sidebar sees); it is not on the menu people see.
 */
export function selfTest(input?: unknown): FirstContactReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const platform = probePlatform(spreadsheet);
  Object.assign(platform.rules, sidebarObservations(input));
  const workbook = workbookCases(spreadsheet, input);
  const report = { ...platform, workbook };
  console.log(JSON.stringify(report));
  const failed = workbook.failed.map((f) => f.name).join("; ");
  spreadsheet?.toast(failed ? `Failed: ${failed}` : `All ${workbook.passed.length} checks passed.`, `${TITLE} self-test`);
  return report;
}

/** The Workbook contract's cases; `{ workbook: false }` leaves them out (test/first-contact/ compares the rules only). */
function workbookCases(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null, input: unknown): SelfTestReport {
  if ((input as { workbook?: boolean } | undefined)?.workbook === false) return { passed: [], failed: [] };
  if (!spreadsheet) return { passed: [], failed: [{ name: "the Workbook contract", problem: "no active spreadsheet" }] };
  return runSelfTest(spreadsheet, (line) => console.log(line));
}

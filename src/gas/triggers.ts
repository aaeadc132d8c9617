import { serverFunctions } from "../server/functions";
import { invoke } from "../server/server-function";
import { appsScriptHome } from "./home";

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

import { cellText } from "../domain/cell";
import { DEFAULT_SETTINGS, settingRows } from "../domain/settings";
import { TABS, type TabDef, type TabId } from "../domain/tabs";
import { columnIndex } from "./codec";
import { layoutOf } from "./layouts";
import type { Workbook } from "./port";
import { markRequiredHeaders } from "./required-headers";
import { locateTabs, markerOf } from "./tab-location";
import { usersLayout } from "./users-dropdowns";

export interface SetupReport {
  /** Sheets added. */
  created: string[];
  /** Sheets that got missing headers or settings. */
  repaired: string[];
}

/**
 * "Set up workspace": creates or repairs every tab: marker, headers (missing ones appended, nothing reordered),
 * default settings, and the layout (frozen header, text columns, dropdowns, protection). Running it twice changes
 * nothing the second time.
 */
export function setUpWorkspace(workbook: Workbook): SetupReport {
  const report: SetupReport = { created: [], repaired: [] };
  const sheets = claimSheets(workbook, report);
  for (const tab of TABS) {
    const sheet = sheets.get(tab.id) as string;
    const header = workbook.read(sheet)[0] ?? [];
    const missing = tab.columns.filter((c) => !columnIndex(tab, header).has(c.key)).map((c) => c.header);
    if (missing.length > 0) {
      workbook.write(sheet, { row: 1, column: header.length + 1, values: [missing] });
      if (header.length > 0) report.repaired.push(sheet);
    }
    if (tab.id === "settings" && addMissingSettings(workbook, sheet) && !report.created.includes(sheet))
      report.repaired.push(sheet);
    // Users: its Site and Secret Question lists, from the Sites tab and what the last account read left.
    const columns = columnIndex(tab, workbook.read(sheet)[0] ?? []);
    const layout = tab.id === "users" ? usersLayout(workbook, sheets) : null;
    workbook.applyLayout(sheet, layout ?? layoutOf(tab, columns, sheets));
    markRequiredHeaders(workbook, sheet, tab, columns);
  }
  return { created: report.created, repaired: [...new Set(report.repaired)] };
}

/** Finds or adds the sheet of every tab and marks it. An unmarked sheet is adopted only if it looks like ours. */
function claimSheets(workbook: Workbook, report: SetupReport): Map<TabId, string> {
  const located = locateTabs(workbook);
  for (const tab of TABS) {
    let sheet = located.get(tab.id);
    if (sheet && !looksLikeOurs(workbook, sheet, tab)) sheet = undefined;
    if (!sheet) {
      sheet = freeName(workbook, tab.name);
      workbook.addSheet(sheet);
      report.created.push(sheet);
    }
    if (!workbook.sheets().some((s) => s.name === sheet && s.marker === markerOf(tab.id)))
      workbook.setMarker(sheet, markerOf(tab.id));
    located.set(tab.id, sheet);
  }
  return located;
}

function looksLikeOurs(workbook: Workbook, sheet: string, tab: TabDef): boolean {
  if (workbook.sheets().some((s) => s.name === sheet && s.marker === markerOf(tab.id))) return true;
  const header = workbook.read(sheet)[0] ?? [];
  return header.length === 0 || columnIndex(tab, header).size > 0;
}

function freeName(workbook: Workbook, name: string): string {
  const taken = new Set(workbook.sheets().map((s) => s.name));
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name} (${n})`;
  return candidate;
}

/** Adds the settings the tab lacks, with their defaults; true when it added any. */
function addMissingSettings(workbook: Workbook, sheet: string): boolean {
  const table = workbook.read(sheet);
  const have = new Set(table.slice(1).map((line) => cellText(line[0]).toLowerCase()));
  const missing = settingRows(DEFAULT_SETTINGS).filter(([name]) => !have.has(name.toLowerCase()));
  if (missing.length === 0) return false;
  workbook.write(sheet, { row: Math.max(table.length, 1) + 1, column: 1, values: missing });
  return true;
}

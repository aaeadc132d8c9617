import type { Cell } from "../domain/cell";
import type { Finding } from "../domain/finding";
import { readSettings } from "../domain/settings";
import {
  ACCOUNT_SITES_TAB,
  ACCOUNT_USERS_TAB,
  LOCATIONS_TAB,
  ROLES_TAB,
  SETTINGS_TAB,
  SITES_TAB,
  TAGS_TAB,
  type TabDef,
  type TabId,
  UNASSIGNED_LINES_TAB,
  USERS_TAB,
} from "../domain/tabs";
import type { Workspace } from "../domain/workspace";
import { type ColumnIndex, type DecodedTab, decodeTab } from "./codec";
import type { Workbook } from "./port";
import { locateTabs } from "./tab-location";

/** A workspace read from a workbook, with where each tab and column stands, for writing back. */
export interface ReadWorkspace {
  workspace: Workspace;
  /** Findings about the workbook itself: missing tabs and columns, numbers in text columns, settings. */
  findings: Finding[];
  sheets: Map<TabId, string>;
  columns: Map<TabId, ColumnIndex<string>>;
  /** Size of each located sheet's table, header included. */
  sizes: Map<TabId, { rows: number; columns: number }>;
}

/**
 * Reads every tab once. A missing tab reads as empty, with a finding that says how to get it. Without `account`, the
 * account's tabs are left unread (and read as empty): for a caller that has the account itself (a sync).
 */
export function readWorkspace(workbook: Workbook, tabs: { account: boolean } = { account: true }): ReadWorkspace {
  const sheets = locateTabs(workbook);
  const findings: Finding[] = [];
  const columns = new Map<TabId, ColumnIndex<string>>();
  const sizes = new Map<TabId, { rows: number; columns: number }>();
  const read = <K extends string>(tab: TabDef<K>): DecodedTab<K>["records"] => {
    const sheet = sheets.get(tab.id);
    if (!sheet) {
      findings.push(missingTab(tab));
      return [];
    }
    const table: Cell[][] = workbook.read(sheet);
    const decoded = decodeTab(tab, table);
    for (const finding of decoded.findings) findings.push(finding);
    columns.set(tab.id, decoded.columns as ColumnIndex<string>);
    sizes.set(tab.id, { rows: table.length, columns: table[0]?.length ?? 0 });
    return decoded.records;
  };
  const settings = readSettings(read(SETTINGS_TAB));
  findings.push(...settings.findings);
  const workspace: Workspace = {
    users: read(USERS_TAB),
    sites: read(SITES_TAB),
    roles: read(ROLES_TAB),
    tags: read(TAGS_TAB),
    locations: read(LOCATIONS_TAB),
    settings: settings.settings,
    account: tabs.account
      ? { users: read(ACCOUNT_USERS_TAB), sites: read(ACCOUNT_SITES_TAB), lines: read(UNASSIGNED_LINES_TAB) }
      : { users: [], sites: [], lines: [] },
  };
  return { workspace, findings, sheets, columns, sizes };
}

function missingTab(tab: TabDef): Finding {
  const severity = tab.id === "users" ? "error" : "warning";
  return {
    tab: tab.id,
    row: 0,
    column: "",
    severity,
    rule: "tab.missing",
    message: `There is no ${tab.name} tab: run Set up workspace.`,
  };
}

import { TABS, type TabDef, type TabId } from "../domain/tabs";
import { carriesTag } from "../domain/validation/references";
import { escapeFormula } from "../mapping/formula-escape";
import { decodeTab } from "./codec";
import type { Workbook } from "./port";
import { locateTabs } from "./tab-location";

/** Columns that never leave the workbook: the sheet is shared, an export file travels further still. */
const SECRET_KEYS: Partial<Record<TabId, readonly string[]>> = { users: ["pin", "password", "secretAnswer"] };

/** The tabs people edit, which export writes (the account tabs are the account's, refreshed on demand). */
export const EXPORTED_TABS: readonly TabDef[] = TABS.filter((t) => t.editable);

/** What an export takes: the rows a tag filter shows (Users), and the file it goes to. */
export interface ExportOptions {
  tag?: string;
  /**
   * "csv": every value escaped so that no spreadsheet runs it as a formula (import undoes it). "xlsx": values go as
   * text cells, which no spreadsheet runs, so they are written as they are (no `'+44…` for a phone number).
   */
  format: "csv" | "xlsx";
}

/**
 * A tab as rows of text for a file: its header (secrets left out) and every non-blank row, in the tab's column
 * order whatever the sheet's. A tab the workbook lacks exports as its header alone.
 */
export function exportRows(workbook: Workbook, tab: TabDef, options: ExportOptions): string[][] {
  const only = options.tag;
  const written = options.format === "csv" ? escapeFormula : (value: string) => value;
  const secrets = new Set(SECRET_KEYS[tab.id] ?? []);
  const columns = tab.columns.filter((c) => !secrets.has(c.key));
  const sheet = locateTabs(workbook).get(tab.id);
  const all = sheet ? decodeTab(tab, workbook.read(sheet)).records : [];
  // A tag filter narrows the Users rows, as the sheet shows them; other tabs have no tags.
  const records =
    only && tab.id === "users" ? all.filter((r) => carriesTag((r as Record<string, string>).tags ?? "", only)) : all;
  const rows = records.map((r) => columns.map((c) => written((r as Record<string, string>)[c.key] ?? "")));
  return [columns.map((c) => c.header), ...rows];
}

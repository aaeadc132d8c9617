import { ACCOUNT_SITES_TAB, SITES_TAB, type TabId, USERS_TAB } from "../domain/tabs";
import { MAIN_SITE } from "../domain/workspace";
import { columnIndex, decodeTab } from "./codec";
import { layoutOf } from "./layouts";
import type { Dropdown, SheetLayout, Workbook } from "./port";
import { storedQuestions } from "./secret-question-list";
import { locateTabs } from "./tab-location";

/**
 * The names a Users row's Site may take, as validation accepts them: the Sites tab's, the account's as last read
 * (Account Sites), and the main site. A customer's offices are often sites the account has already.
 */
export function siteNames(workbook: Workbook, sheets: ReadonlyMap<TabId, string> = locateTabs(workbook)): string[] {
  const names = (sheet: string | undefined, tab: typeof SITES_TAB | typeof ACCOUNT_SITES_TAB) =>
    sheet ? decodeTab(tab, workbook.read(sheet)).records.map((r) => r.name.trim()) : [];
  const all = [...names(sheets.get("sites"), SITES_TAB), ...names(sheets.get("accountSites"), ACCOUNT_SITES_TAB), MAIN_SITE];
  return [...new Set(all.filter(Boolean))];
}

/** The Users tab's layout, with the lists the workspace and the account fill: Site and Secret Question. */
export function usersLayout(workbook: Workbook, sheets: ReadonlyMap<TabId, string>): SheetLayout | null {
  const users = sheets.get("users");
  if (!users) return null;
  const columns = columnIndex(USERS_TAB, workbook.read(users)[0] ?? []);
  return layoutOf(USERS_TAB, columns, sheets, { site: siteNames(workbook, sheets), secretQuestion: storedQuestions(workbook) });
}

/**
 * The Users tab's dropdowns made again when a list changed (a site added to Sites, the account read, its secret
 * questions): one look at the layout, and a layout call only when the lists differ. True when it wrote.
 */
export function refreshUsersDropdowns(workbook: Workbook): boolean {
  const sheets = locateTabs(workbook);
  const users = sheets.get("users");
  const wanted = usersLayout(workbook, sheets);
  if (!users || !wanted) return false;
  if (sameDropdowns(workbook.layout(users).dropdowns, wanted.dropdowns)) return false;
  workbook.applyLayout(users, wanted);
  return true;
}

/** By what they offer, whatever fallback a list carries (a home reads back only what it holds). */
function sameDropdowns(a: readonly Dropdown[], b: readonly Dropdown[]): boolean {
  const key = (d: Dropdown) =>
    d.kind === "list" ? `${d.column} list ${JSON.stringify(d.values)}` : `${d.column} ${d.sheet}!${d.sourceColumn}`;
  const keys = (list: readonly Dropdown[]) => list.map(key).sort().join("\n");
  return keys(a) === keys(b);
}

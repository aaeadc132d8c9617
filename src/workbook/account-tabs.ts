import { type Cell, cellText } from "../domain/cell";
import { blankRecord } from "../domain/records";
import { SETTING_NAMES } from "../domain/settings";
import { ACCOUNT_SITES_TAB, ACCOUNT_USERS_TAB, ROLES_TAB, SETTINGS_TAB, type TabDef, UNASSIGNED_LINES_TAB } from "../domain/tabs";
import type { AccountState } from "../domain/workspace";
import { decodeTab, encodeRows } from "./codec";
import type { Workbook } from "./port";
import { setUpWorkspace } from "./setup";
import { locateTabs } from "./tab-location";
import { readImage, recordsOf, setCell, writeImage } from "./table-image";
import { replaceRows } from "./table-replace";
import { refreshUsersDropdowns } from "./users-dropdowns";

/**
 * Writes a fresh account snapshot into the account tabs (Account Users, Account Sites, Unassigned Lines), the
 * account's roles into the Roles tab (predefined rows added, custom rows given their RC Id), and the time of the
 * refresh into Settings. A few block writes, whatever the account's size.
 */
export function writeAccountState(workbook: Workbook, state: AccountState, refreshedAt: string): void {
  let sheets = locateTabs(workbook);
  if (!sheets.has("accountUsers") || !sheets.has("roles") || !sheets.has("settings")) {
    setUpWorkspace(workbook);
    sheets = locateTabs(workbook);
  }
  const sheet = (id: Parameters<typeof sheets.get>[0]) => sheets.get(id) as string;
  const sitesBefore = accountSiteNames(workbook, sheet("accountSites"));
  replaceAccountRows(workbook, sheet("accountUsers"), ACCOUNT_USERS_TAB, state.users);
  replaceAccountRows(workbook, sheet("accountSites"), ACCOUNT_SITES_TAB, state.sites);
  replaceAccountRows(workbook, sheet("unassignedLines"), UNASSIGNED_LINES_TAB, state.lines);
  mergeRoles(workbook, sheet("roles"), state.roles);
  writeSetting(workbook, SETTING_NAMES.accountRefreshedAt, refreshedAt);
  // The Site dropdown offers the account's sites too: made again only when they changed (no layout call otherwise).
  if (accountSiteNames(workbook, sheet("accountSites")) !== sitesBefore) refreshUsersDropdowns(workbook);
}

function accountSiteNames(workbook: Workbook, sheet: string | undefined): string {
  return sheet ? JSON.stringify(decodeTab(ACCOUNT_SITES_TAB, workbook.read(sheet)).records.map((s) => s.name)) : "[]";
}

/**
 * An account tab's rows replaced. The add-in alone writes these tabs, so a column a newer version added (Account
 * Sites' Area Code) joins the header here rather than waiting for Set up workspace.
 */
function replaceAccountRows<K extends string>(
  workbook: Workbook,
  sheet: string,
  tab: TabDef<K>,
  records: readonly Partial<Record<K, string>>[],
): void {
  const header = (workbook.read(sheet)[0] ?? []).map((cell) => cellText(cell).trim());
  let width = header.length;
  while (width > 0 && header[width - 1] === "") width--;
  if (width > 0) {
    const have = new Set(header.map((text) => text.toLowerCase()));
    const missing = tab.columns.filter((c) => !have.has(c.header.toLowerCase())).map((c) => c.header);
    if (missing.length) workbook.write(sheet, { row: 1, column: width + 1, values: [missing] });
  }
  replaceRows(workbook, sheet, tab, records);
}

/**
 * Account roles into the Roles tab: the person's rows stay where they are (blank rows too) and get the account's
 * id; roles the tab lacks are added below. One block from row 2 down.
 */
function mergeRoles(workbook: Workbook, sheet: string, roles: AccountState["roles"]): void {
  const table = workbook.read(sheet);
  const { records, columns } = decodeTab(ROLES_TAB, table);
  if (!columns.size) throw new Error(`The ${sheet} tab has no Roles header: run Set up workspace.`);
  const width = Math.max(table[0]?.length ?? 0, ROLES_TAB.columns.length);
  const image: Cell[][] = table.slice(1).map((line) => Array.from({ length: width }, (_, c) => line[c] ?? ""));
  for (const record of records) {
    const account = roles.find((r) => r.name === record.name);
    if (!account) continue;
    const kind = account.custom ? record.kind || "Custom" : "Predefined";
    image[record.row - 2] = encodeRows(columns, width, [{ ...record, rcId: account.rcId, kind }])[0] as Cell[];
  }
  const known = new Set(records.map((r) => r.name));
  const added = roles
    .filter((r) => !known.has(r.name))
    .map((r) => ({
      ...blankRecord(ROLES_TAB),
      name: r.name,
      kind: r.custom ? "Custom" : "Predefined",
      description: r.description,
      rcId: r.rcId,
    }));
  for (const row of encodeRows(columns, width, added)) image.push(row);
  if (image.length) workbook.write(sheet, { row: 2, column: 1, values: image });
}

/** One setting's value on the Settings tab (the row added when missing), in one block. */
export function writeSetting(workbook: Workbook, name: string, value: string): void {
  const image = readImage(workbook, SETTINGS_TAB);
  if (!image) return;
  const found = recordsOf(SETTINGS_TAB, image).find((r) => r.setting.trim().toLowerCase() === name.toLowerCase());
  const row = found?.row ?? image.rows.length + 2;
  setCell(image, row, "setting", name);
  setCell(image, row, "value", value);
  writeImage(workbook, image, row, row);
}

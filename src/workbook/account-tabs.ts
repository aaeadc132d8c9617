import type { Cell } from "../domain/cell";
import { blankRecord } from "../domain/records";
import { SETTING_NAMES } from "../domain/settings";
import { ACCOUNT_SITES_TAB, ACCOUNT_USERS_TAB, ROLES_TAB, SETTINGS_TAB, UNASSIGNED_LINES_TAB } from "../domain/tabs";
import type { AccountState } from "../domain/workspace";
import { decodeTab, encodeRows } from "./codec";
import type { Workbook } from "./port";
import { setUpWorkspace } from "./setup";
import { locateTabs } from "./tab-location";
import { replaceRows } from "./table-replace";

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
  replaceRows(workbook, sheet("accountUsers"), ACCOUNT_USERS_TAB, state.users);
  replaceRows(workbook, sheet("accountSites"), ACCOUNT_SITES_TAB, state.sites);
  replaceRows(workbook, sheet("unassignedLines"), UNASSIGNED_LINES_TAB, state.lines);
  mergeRoles(workbook, sheet("roles"), state.roles);
  setSetting(workbook, sheet("settings"), SETTING_NAMES.accountRefreshedAt, refreshedAt);
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
  image.push(...encodeRows(columns, width, added));
  if (image.length) workbook.write(sheet, { row: 2, column: 1, values: image });
}

function setSetting(workbook: Workbook, sheet: string, name: string, value: string): void {
  const { records, columns } = decodeTab(SETTINGS_TAB, workbook.read(sheet));
  const found = records.find((r) => r.setting.toLowerCase() === name.toLowerCase());
  const valueColumn = (columns.get("value") ?? 1) + 1;
  const settingColumn = (columns.get("setting") ?? 0) + 1;
  if (found) workbook.write(sheet, { row: found.row, column: valueColumn, values: [[value]] });
  else {
    const row = records.reduce((max, r) => Math.max(max, r.row), 1) + 1;
    workbook.write(sheet, { row, column: settingColumn, values: [[name]] });
    workbook.write(sheet, { row, column: valueColumn, values: [[value]] });
  }
}

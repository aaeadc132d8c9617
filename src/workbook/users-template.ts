import type { Cell } from "../domain/cell";
import { USERS_TAB } from "../domain/tabs";
import { MAIN_SITE } from "../domain/workspace";
import { columnIndex, encodeRows } from "./codec";
import { layoutOf } from "./layouts";
import type { Workbook } from "./port";
import { locateTabs } from "./tab-location";

type UserKey = (typeof USERS_TAB.columns)[number]["key"];

/** The Users header, required columns marked `*` ("User Type *"): the import and the codec read it as the plain header. */
export function templateHeader(): string[] {
  return USERS_TAB.columns.map((c) => (c.required ? `${c.header} *` : c.header));
}

/** One example row that passes validation as it stands (a Not Started user on the main site needs no credentials). */
export const EXAMPLE_USER: Partial<Record<UserKey, string>> = {
  userType: "User",
  firstName: "Alex",
  lastName: "Example",
  email: "alex.example@example.com",
  ext: "1001",
  site: MAIN_SITE,
  dept: "Sales",
  setupWizard: "Not Started",
};

/** The template as rows: the starred header and the example. */
export function templateRows(): string[][] {
  const header = templateHeader();
  const example = encodeRows(columnIndex(USERS_TAB, header), header.length, [EXAMPLE_USER])[0] as Cell[];
  return [header, example.map(String)];
}

/**
 * Inserts the template as a new tab ("Users Template", or a free name): the starred header frozen, the Users tab's
 * text columns and dropdowns, and the example row. Not one of the workspace's tabs: it is filled in, then imported.
 */
export function insertUsersTemplate(workbook: Workbook): string {
  const taken = new Set(workbook.sheets().map((s) => s.name));
  let name = "Users Template";
  for (let n = 2; taken.has(name); n++) name = `Users Template (${n})`;
  workbook.addSheet(name);
  const rows = templateRows();
  workbook.write(name, { row: 1, column: 1, values: rows });
  const columns = columnIndex(USERS_TAB, rows[0] ?? []);
  workbook.applyLayout(name, { ...layoutOf(USERS_TAB, columns, locateTabs(workbook)), protected: false, warnedColumns: [] });
  return name;
}

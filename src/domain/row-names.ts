import type { TabId } from "./tabs";
import type { Workspace } from "./workspace";

/**
 * What names a row for a person, beside its number: the user's name (else their email), the site's or role's name,
 * the tag, the location's email. A number alone says little once rows move; the name says whom it is about.
 */

export function personName(user: { firstName: string; lastName: string; email: string }): string {
  return [user.firstName, user.lastName].join(" ").trim() || user.email;
}

/** The name of each row of the tabs people edit, by tab and row: '' for a row no record has. */
export function rowNames(workspace: Workspace): (tab: TabId, row: number) => string {
  const names = new Map<string, string>();
  const name = (tab: TabId, row: number, text: string) => names.set(`${tab} ${row}`, text);
  for (const user of workspace.users) name("users", user.row, personName(user));
  for (const site of workspace.sites) name("sites", site.row, site.name);
  for (const role of workspace.roles) name("roles", role.row, role.name);
  for (const tag of workspace.tags) name("tags", tag.row, tag.key || tag.value ? `${tag.key}:${tag.value}` : "");
  for (const location of workspace.locations) name("locations", location.row, location.email);
  return (tab, row) => names.get(`${tab} ${row}`) ?? "";
}

/** "Users row 13, Kofi Egan"; "Roles row 11" when the row has no name; "Users" for the tab as a whole (row 0). */
export function rowPlace(sheet: string, row: number, name: string): string {
  if (row <= 0) return sheet;
  return name ? `${sheet} row ${row}, ${name}` : `${sheet} row ${row}`;
}

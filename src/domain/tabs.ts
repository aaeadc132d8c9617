/**
 * The workspace's tabs and their columns, in the order DOMAIN.md gives. Each tab is found by its stable marker
 * (`rcsheets:<id>`), then by its default name; each column by its header text.
 */

export interface ColumnDef<K extends string = string> {
  key: K;
  header: string;
  required?: boolean;
  /** Kept as plain text in the sheet (leading zeros, long digit strings); numbers from cells are still accepted. */
  text?: boolean;
}

export interface TabDef<K extends string = string> {
  id: TabId;
  /** The default sheet name. */
  name: string;
  /** Whether people edit it; the others are written by the add-in only and protected. */
  editable: boolean;
  columns: readonly ColumnDef<K>[];
}

export type TabId =
  | "users"
  | "sites"
  | "roles"
  | "tags"
  | "locations"
  | "settings"
  | "accountUsers"
  | "accountSites"
  | "unassignedLines"
  | "syncLog"
  | "syncLedger"
  | "importMappings";

function tab<const K extends string>(def: Omit<TabDef<K>, "columns"> & { columns: readonly ColumnDef<K>[] }) {
  return def;
}

export const USERS_TAB = tab({
  id: "users",
  name: "Users",
  editable: true,
  columns: [
    { key: "userType", header: "User Type", required: true },
    { key: "firstName", header: "First Name", required: true },
    { key: "lastName", header: "Last Name", required: true },
    { key: "email", header: "Email", required: true },
    { key: "ext", header: "Ext", required: true, text: true },
    { key: "phone", header: "Phone #", text: true },
    { key: "tempNumber", header: "Temp #", text: true },
    { key: "site", header: "Site", required: true },
    { key: "dept", header: "Dept" },
    { key: "setupWizard", header: "Setup Wizard" },
    { key: "pin", header: "PIN", text: true },
    { key: "password", header: "Password", text: true },
    { key: "secretQuestion", header: "Secret Question" },
    { key: "secretAnswer", header: "Secret Answer", text: true },
    { key: "role", header: "Role" },
    { key: "tags", header: "Tags" },
    { key: "status", header: "Status" },
    { key: "rcId", header: "RC Id", text: true },
    { key: "syncedAt", header: "Synced At" },
    { key: "message", header: "Message" },
  ],
});

export const SITES_TAB = tab({
  id: "sites",
  name: "Sites",
  editable: true,
  columns: [
    { key: "name", header: "Name", required: true },
    { key: "ext", header: "Ext", text: true },
    { key: "country", header: "Country", required: true },
    { key: "state", header: "State/Region", required: true },
    { key: "city", header: "City", required: true },
    { key: "street", header: "Street", required: true },
    { key: "street2", header: "Street 2" },
    { key: "postalCode", header: "Postal Code", required: true, text: true },
    { key: "callerIdName", header: "Caller ID Name" },
    { key: "email", header: "Email" },
    { key: "status", header: "Status" },
    { key: "rcId", header: "RC Id", text: true },
  ],
});

export const ROLES_TAB = tab({
  id: "roles",
  name: "Roles",
  editable: true,
  columns: [
    { key: "name", header: "Role Name", required: true },
    { key: "kind", header: "Kind", required: true },
    { key: "basedOn", header: "Based On" },
    { key: "description", header: "Description" },
    { key: "permissions", header: "Permissions" },
    { key: "rcId", header: "RC Id", text: true },
    { key: "status", header: "Status" },
  ],
});

export const TAGS_TAB = tab({
  id: "tags",
  name: "Tags",
  editable: true,
  columns: [
    { key: "key", header: "Key", required: true },
    { key: "value", header: "Value", required: true },
    { key: "color", header: "Color" },
  ],
});

export const LOCATIONS_TAB = tab({
  id: "locations",
  name: "Locations",
  editable: true,
  columns: [
    { key: "email", header: "Email", required: true },
    { key: "country", header: "Country" },
    { key: "state", header: "State/Region" },
    { key: "city", header: "City" },
    { key: "street", header: "Street" },
    { key: "street2", header: "Street 2" },
    { key: "postalCode", header: "Postal Code", text: true },
    { key: "numberCountry", header: "Number Country" },
    { key: "areaCode", header: "Area Code", text: true },
    { key: "unassignedExt", header: "Unassigned Ext", text: true },
  ],
});

/** Workspace settings as Setting / Value rows, so that they travel with the workbook (Sheets, .xlsx, CLI). */
export const SETTINGS_TAB = tab({
  id: "settings",
  name: "Settings",
  editable: true,
  columns: [
    { key: "setting", header: "Setting", required: true },
    { key: "value", header: "Value" },
  ],
});

export const ACCOUNT_USERS_TAB = tab({
  id: "accountUsers",
  name: "Account Users",
  editable: false,
  columns: [
    { key: "rcId", header: "RC Id", text: true },
    { key: "ext", header: "Ext", text: true },
    { key: "userType", header: "User Type" },
    { key: "firstName", header: "First Name" },
    { key: "lastName", header: "Last Name" },
    { key: "email", header: "Email" },
    { key: "site", header: "Site" },
    { key: "status", header: "Status" },
    { key: "phone", header: "Phone #", text: true },
    { key: "dept", header: "Dept" },
    { key: "role", header: "Role" },
  ],
});

export const ACCOUNT_SITES_TAB = tab({
  id: "accountSites",
  name: "Account Sites",
  editable: false,
  columns: [
    { key: "rcId", header: "RC Id", text: true },
    { key: "name", header: "Name" },
    { key: "ext", header: "Ext", text: true },
    { key: "country", header: "Country" },
    // The site's own area: its number's area code, else the one most of its unassigned lines have. Lines for its
    // users are taken there first.
    { key: "areaCode", header: "Area Code", text: true },
  ],
});

export const UNASSIGNED_LINES_TAB = tab({
  id: "unassignedLines",
  name: "Unassigned Lines",
  editable: false,
  columns: [
    { key: "rcId", header: "RC Id", text: true },
    { key: "lineType", header: "Line Type" },
    { key: "phone", header: "Phone #", text: true },
    { key: "country", header: "Country" },
    { key: "areaCode", header: "Area Code", text: true },
    { key: "plannedFor", header: "Planned For" },
  ],
});

export const SYNC_LOG_TAB = tab({
  id: "syncLog",
  name: "Sync Log",
  editable: false,
  columns: [
    { key: "when", header: "When" },
    { key: "who", header: "Who" },
    { key: "scope", header: "Scope" },
    { key: "created", header: "Created" },
    { key: "updated", header: "Updated" },
    { key: "deleted", header: "Deleted" },
    { key: "failed", header: "Failed" },
    { key: "seconds", header: "Duration (s)" },
  ],
});

/**
 * What syncs left in the account, one row per user: the values the last sync set (to tell drift from an edit and to
 * find rows removed by hand), and, while a run is under way, the users it is creating (State Creating), so that a
 * run cut short adopts what it made instead of making it twice.
 */
export const SYNC_LEDGER_TAB = tab({
  id: "syncLedger",
  name: "Sync Ledger",
  editable: false,
  columns: [
    { key: "rcId", header: "RC Id", text: true },
    { key: "email", header: "Email" },
    { key: "ext", header: "Ext", text: true },
    { key: "site", header: "Site" },
    { key: "line", header: "Line", text: true },
    { key: "state", header: "State" },
    { key: "values", header: "Values" },
    { key: "at", header: "At" },
  ],
});

/**
 * The import wizard's memory: the mapping last used for each set of source headers, offered again when a file with
 * the same headers comes back. Headers holds the set's key (its headers, lower case, sorted), Mapping a JSON object
 * of Users column headers to source headers.
 */
export const IMPORT_MAPPINGS_TAB = tab({
  id: "importMappings",
  name: "Import Mappings",
  editable: false,
  columns: [
    { key: "headers", header: "Headers", required: true },
    { key: "orientation", header: "Orientation" },
    { key: "mapping", header: "Mapping" },
    { key: "usedAt", header: "Used At" },
  ],
});

/** Every tab, in the order "Set up workspace" lays them out. */
export const TABS = [
  USERS_TAB,
  SITES_TAB,
  ROLES_TAB,
  TAGS_TAB,
  LOCATIONS_TAB,
  SETTINGS_TAB,
  ACCOUNT_USERS_TAB,
  ACCOUNT_SITES_TAB,
  UNASSIGNED_LINES_TAB,
  SYNC_LOG_TAB,
  SYNC_LEDGER_TAB,
  IMPORT_MAPPINGS_TAB,
] as const;

export type UsersKey = (typeof USERS_TAB.columns)[number]["key"];
export type SitesKey = (typeof SITES_TAB.columns)[number]["key"];
export type RolesKey = (typeof ROLES_TAB.columns)[number]["key"];
export type TagsKey = (typeof TAGS_TAB.columns)[number]["key"];
export type LocationsKey = (typeof LOCATIONS_TAB.columns)[number]["key"];
export type SettingsKey = (typeof SETTINGS_TAB.columns)[number]["key"];
export type AccountUsersKey = (typeof ACCOUNT_USERS_TAB.columns)[number]["key"];
export type AccountSitesKey = (typeof ACCOUNT_SITES_TAB.columns)[number]["key"];
export type UnassignedLinesKey = (typeof UNASSIGNED_LINES_TAB.columns)[number]["key"];
export type SyncLogKey = (typeof SYNC_LOG_TAB.columns)[number]["key"];
export type SyncLedgerKey = (typeof SYNC_LEDGER_TAB.columns)[number]["key"];

export function tabById(id: TabId): TabDef {
  const found = TABS.find((t) => t.id === id);
  if (!found) throw new Error(`Unknown tab ${id}`);
  return found;
}

export function headerOf(tabId: TabId, key: string): string {
  return tabById(tabId).columns.find((c) => c.key === key)?.header ?? key;
}

import type { TabDef, TabId } from "../domain/tabs";
import { USER_TYPES, WIZARD_STATES } from "../domain/user-type";
import { ROLE_KINDS, USER_STATUSES } from "../domain/validation/field-rules";
import type { ColumnIndex } from "./codec";
import type { Dropdown, SheetLayout } from "./port";

/** Dropdowns by tab and column key: fixed lists, or the names on another of our tabs. */
type DropdownSource = { values: readonly string[] } | { tab: TabId };

const DROPDOWNS: Partial<Record<TabId, Record<string, DropdownSource>>> = {
  users: {
    userType: { values: USER_TYPES },
    setupWizard: { values: WIZARD_STATES },
    site: { tab: "sites" },
    role: { tab: "roles" },
    // So that "Pending Delete" can be chosen, not only typed (the sidebar's Delete writes it too).
    status: { values: USER_STATUSES },
  },
  roles: { kind: { values: ROLE_KINDS } },
};

/**
 * Columns the sync writes back (its ids, temporary numbers, times and messages): typed over by hand, the next sync
 * overwrites them or, worse, acts on them (a cleared RC Id makes the user again), so typing there warns first.
 * Status is not among them: a person sets Pending Delete there.
 */
const SYNC_WRITTEN: Partial<Record<TabId, readonly string[]>> = {
  users: ["tempNumber", "rcId", "syncedAt", "message"],
  sites: ["rcId"],
  roles: ["rcId"],
};

/**
 * How a tab is presented: the header frozen, text columns as plain text, its dropdowns, protection when only the
 * add-in writes it. `sheets` gives the sheet name of each located tab, for dropdowns that list another tab's names;
 * `lists` gives dropdowns the workspace and the account fill (the secret questions, the sites of the Sites tab and of
 * the account): a list stands in for the column's own source, which stays its fallback where a list cannot go.
 */
export function layoutOf<K extends string>(
  tab: TabDef<K>,
  columns: ColumnIndex<K>,
  sheets: ReadonlyMap<TabId, string>,
  lists: Partial<Record<K, string[]>> = {},
): SheetLayout {
  const textColumns = tab.columns.filter((c) => c.text && columns.has(c.key)).map((c) => (columns.get(c.key) as number) + 1);
  const dropdowns: Dropdown[] = [];
  const listed = (key: string) => Boolean((lists as Record<string, string[] | undefined>)[key]?.length);
  const fallbacks = new Map<string, { sheet: string; sourceColumn: number }>();
  for (const [key, source] of Object.entries(DROPDOWNS[tab.id] ?? {})) {
    const index = columns.get(key as K);
    if (index === undefined) continue;
    if ("values" in source) dropdowns.push({ column: index + 1, kind: "list", values: [...source.values] });
    else {
      const sheet = sheets.get(source.tab);
      if (sheet && listed(key)) fallbacks.set(key, { sheet, sourceColumn: 1 });
      else if (sheet) dropdowns.push({ column: index + 1, kind: "column", sheet, sourceColumn: 1 });
    }
  }
  for (const [key, values] of Object.entries(lists) as [K, string[] | undefined][]) {
    const index = columns.get(key);
    const orColumn = fallbacks.get(key);
    if (index !== undefined && values?.length)
      dropdowns.push({ column: index + 1, kind: "list", values, ...(orColumn ? { orColumn } : {}) });
  }
  dropdowns.sort((a, b) => a.column - b.column);
  const warnedColumns = (tab.editable ? (SYNC_WRITTEN[tab.id] ?? []) : [])
    .map((key) => columns.get(key as K))
    .filter((index): index is number => index !== undefined)
    .map((index) => index + 1)
    .sort((a, b) => a - b);
  return { frozenRows: 1, textColumns, dropdowns, protected: !tab.editable, warnedColumns };
}

import type { Cell } from "../domain/cell";
import type { SyncLedgerRecord } from "../domain/records";
import { ROLES_TAB, SITES_TAB, SYNC_LEDGER_TAB, SYNC_LOG_TAB, type TabDef } from "../domain/tabs";
import { type ColumnIndex, columnIndex, decodeTab } from "./codec";
import type { Workbook } from "./port";
import { locateTabs } from "./tab-location";
import { replaceRows } from "./table-replace";
import {
  deleteRowsBottomFirst,
  runsOf,
  type UserChange,
  type UserKey,
  type UsersWriteOutcome,
  writeUsersByUser,
} from "./users-write-back";

/** What a sync run changes on one row of a tab: cells by column key. */
export interface RowChange {
  row: number;
  cells: Record<string, string>;
}

/** Everything a chunk of a run writes back, gathered so that the sheet gets a few block writes, not one per row. */
export interface RunWriteBack {
  /** By user, not row: rows move while a chunk runs (users-write-back.ts). */
  users: UserChange[];
  sites: RowChange[];
  roles: RowChange[];
  /** Users whose rows go: never-synced rows deleted, and rows whose user the account no longer has. */
  removeUsers: UserKey[];
  removeRoles: number[];
}

/** The names the Sites and Roles rows had when the chunk read them, by row: how their rows are found again. */
export interface RowNames {
  sites: ReadonlyMap<number, string>;
  roles: ReadonlyMap<number, string>;
}

/**
 * Writes a chunk's results: the Users rows found by their users as they stand now (users-write-back.ts); Sites and
 * Roles rows found by the names they had when the chunk read them (a row inserted, deleted or a sort meanwhile moves
 * them; a row whose name is gone is left alone): per tab one block per run of adjacent changed columns spanning the
 * changed rows (cells in between keep the values just read), then the removed roles' rows, bottom first. Answers the
 * users whose rows were not found.
 */
export function writeRunResults(workbook: Workbook, results: RunWriteBack, names: RowNames): UsersWriteOutcome {
  const sheets = locateTabs(workbook);
  writeChanges(workbook, sheets.get("sites"), SITES_TAB, results.sites, names.sites);
  const roles = sheets.get("roles");
  writeChanges(workbook, roles, ROLES_TAB, results.roles, names.roles);
  if (roles) {
    const gone = results.removeRoles.map((row) => ({ row, cells: {} }));
    deleteRowsBottomFirst(
      workbook,
      roles,
      placed(workbook.read(roles), ROLES_TAB, gone, names.roles).map((c) => c.row),
    );
  }
  const users = sheets.get("users");
  if (!users || (results.users.length === 0 && results.removeUsers.length === 0)) return { unplaced: [] };
  return writeUsersByUser(workbook, users, results.users, results.removeUsers);
}

/** The changes moved to the rows that hold their names now; a change whose name no row holds any more is dropped. */
function placed<K extends string>(
  table: Cell[][],
  tab: TabDef<K>,
  changes: readonly RowChange[],
  names: ReadonlyMap<number, string>,
): RowChange[] {
  const at = columnIndex(tab, table[0] ?? []).get("name" as K);
  if (at === undefined) return [];
  const rowOf = new Map<string, number>();
  table.forEach((line, i) => {
    const name = String(line[at] ?? "").trim();
    if (i > 0 && name !== "" && !rowOf.has(name)) rowOf.set(name, i + 1);
  });
  return changes.flatMap((change) => {
    const name = names.get(change.row);
    const row = name === undefined ? undefined : rowOf.get(name);
    return row === undefined ? [] : [{ row, cells: change.cells }];
  });
}

function writeChanges<K extends string>(
  workbook: Workbook,
  sheet: string | undefined,
  tab: TabDef<K>,
  found: RowChange[],
  names: ReadonlyMap<number, string>,
): void {
  if (!sheet || found.length === 0) return;
  const table = workbook.read(sheet);
  const changes = placed(table, tab, found, names);
  if (changes.length === 0) return;
  const columns = columnIndex(tab, table[0] ?? []);
  // reduce, not Math.min(...): spreading a long array overflows the stack.
  const top = changes.reduce((low, c) => Math.min(low, c.row), Number.POSITIVE_INFINITY);
  const bottom = changes.reduce((high, c) => Math.max(high, c.row), 0);
  const byRow = new Map<number, Record<string, string>>();
  for (const change of changes) byRow.set(change.row, { ...byRow.get(change.row), ...change.cells });
  for (const [first, last] of columnRuns(changes, columns)) {
    const values: Cell[][] = [];
    for (let row = top; row <= bottom; row++) {
      const line: Cell[] = [];
      for (let column = first; column <= last; column++) {
        const key = keyAt(columns, column);
        const changed = key === undefined ? undefined : byRow.get(row)?.[key];
        line.push(changed ?? table[row - 1]?.[column] ?? "");
      }
      values.push(line);
    }
    workbook.write(sheet, { row: top, column: first + 1, values });
  }
}

/** The changed columns (0-based), grouped into runs of adjacent columns. */
function columnRuns<K extends string>(changes: RowChange[], columns: ColumnIndex<K>): [number, number][] {
  const used = new Set<number>();
  for (const change of changes)
    for (const key of Object.keys(change.cells)) {
      const index = columns.get(key as K);
      if (index !== undefined) used.add(index);
    }
  return runsOf([...used].sort((a, b) => a - b));
}

function keyAt<K extends string>(columns: ColumnIndex<K>, index: number): K | undefined {
  for (const [key, at] of columns) if (at === index) return key;
  return undefined;
}

export function readLedger(workbook: Workbook): SyncLedgerRecord[] {
  const sheet = locateTabs(workbook).get("syncLedger");
  return sheet ? decodeTab(SYNC_LEDGER_TAB, workbook.read(sheet)).records : [];
}

export function writeLedger(workbook: Workbook, entries: readonly Omit<SyncLedgerRecord, "row">[]): void {
  const sheet = locateTabs(workbook).get("syncLedger");
  if (sheet) replaceRows(workbook, sheet, SYNC_LEDGER_TAB, entries);
}

export function appendSyncLog(workbook: Workbook, entry: Record<(typeof SYNC_LOG_TAB.columns)[number]["key"], string>): void {
  const sheet = locateTabs(workbook).get("syncLog");
  if (!sheet) return;
  const table = workbook.read(sheet);
  const columns = columnIndex(SYNC_LOG_TAB, table[0] ?? []);
  const line: Cell[] = Array.from({ length: table[0]?.length ?? 0 }, () => "");
  for (const [key, index] of columns) line[index] = entry[key];
  workbook.write(sheet, { row: Math.max(table.length, 1) + 1, column: 1, values: [line] });
}

import { type Cell, cellText } from "../domain/cell";
import { USERS_TAB } from "../domain/tabs";
import { type ColumnIndex, columnIndex } from "./codec";
import type { Workbook } from "./port";

type UsersKey = (typeof USERS_TAB.columns)[number]["key"];

/** Whose row a result is for: the user's email (lower case) and RC Id as the chunk read them ('' before a create). */
export interface UserKey {
  email: string;
  rcId: string;
}

/** What a sync writes on one user's row, by column key. */
export interface UserChange {
  user: UserKey;
  cells: Record<string, string>;
}

/** What became of a chunk's Users results: the users whose rows could not be found any more (left alone). */
export interface UsersWriteOutcome {
  unplaced: UserKey[];
}

/** Rounds of writing again when a person moved rows between a read and the writes that followed it. */
const ROUNDS = 4;

/**
 * A chunk's results on the Users rows of their users as they stand when it writes, not at the row numbers it read at
 * its start: a person may have inserted, deleted or sorted rows meanwhile (Sheets never stops them). Each round reads
 * the tab again (one call), writes one block per run of changed columns, and reads again to see that no row moved
 * in between; when one did, it writes again, each row's cells as its user should have them (rows it wrote for
 * someone else, which nobody it knows now holds, get those cells back blank). A row whose user is not found (its row
 * deleted, its email changed) is left alone and told. Then rows to remove go, found the same way.
 */
export function writeUsersByUser(
  workbook: Workbook,
  sheet: string,
  changes: readonly UserChange[],
  removals: readonly UserKey[],
): UsersWriteOutcome {
  const fresh = () => (workbook.reread ? workbook.reread(sheet) : workbook.read(sheet));
  let table = fresh();
  const columns = columnIndex(USERS_TAB, table[0] ?? []);
  const written = writtenColumns(changes, columns);
  const unplaced: UserKey[] = [];
  if (changes.length > 0 && written.length > 0) {
    // What each row's written cells should hold, by its user: as read now, with the chunk's changes on top.
    // Two rows of one email (validation blocks them) are nobody's to rewrite: each keeps what it holds.
    const seen = new Map<string, number>();
    for (const line of table.slice(1)) seen.set(identityOf(line, columns), (seen.get(identityOf(line, columns)) ?? 0) + 1);
    const wanted = new Map<string, Cell[]>();
    for (const line of table.slice(1)) {
      const id = identityOf(line, columns);
      if (id && seen.get(id) === 1)
        wanted.set(
          id,
          written.map((c) => line[c] ?? ""),
        );
    }
    for (const change of changes) {
      const row = rowOf(table, columns, change.user, change.cells.rcId);
      if (row === null) {
        unplaced.push(change.user);
        continue;
      }
      const id = identityOf(table[row - 1] ?? [], columns);
      const cells = wanted.get(id);
      if (!cells) {
        unplaced.push(change.user);
        continue;
      }
      written.forEach((c, i) => {
        const value = change.cells[keyAt(columns, c) ?? ""];
        if (value !== undefined) cells[i] = value;
      });
    }
    const left = new Set(unplaced);
    const placed = changes.filter((c) => !left.has(c.user)).map((c) => c.user);
    let last: { span: [number, number]; values: Map<number, Cell[]> } | null = null;
    for (let round = 0; round < ROUNDS; round++) {
      const span = spanOf(table, columns, placed, last?.span);
      if (!span) break;
      const values = rowsToWrite(table, columns, written, wanted, span, last);
      writeBlocks(workbook, sheet, written, span, values);
      last = { span, values };
      if (!workbook.reread) break;
      const after = fresh();
      const moved = !sameRows(table, after, columns);
      table = after;
      if (!moved) break;
    }
  }
  removeByUser(workbook, sheet, fresh, removals, columns);
  return { unplaced };
}

/** A row's user: its email (lower case), else its RC Id; '' for a row with neither. */
function identityOf(line: readonly Cell[], columns: ColumnIndex<UsersKey>): string {
  const email = cellText(line[columns.get("email") ?? -1])
    .trim()
    .toLowerCase();
  if (email) return `e:${email}`;
  const rcId = cellText(line[columns.get("rcId") ?? -1]).trim();
  return rcId ? `r:${rcId}` : "";
}

/**
 * The row (1-based) that holds this user now: the one with its RC Id, else the one row with its email whose RC Id
 * is blank or the one the result gives it. Null when none (or two) fit.
 */
function rowOf(table: Cell[][], columns: ColumnIndex<UsersKey>, user: UserKey, newRcId?: string): number | null {
  const { byRcId, byEmail } = rowsIndexed(table, columns);
  if (user.rcId) {
    const row = byRcId.get(user.rcId);
    if (row !== undefined) return row;
  }
  if (!user.email) return null;
  const fits = (byEmail.get(user.email) ?? []).filter(({ rcId }) => !rcId || rcId === user.rcId || rcId === newRcId);
  return fits.length === 1 ? (fits[0]?.row ?? null) : null;
}

/** Each table's rows by RC Id (the first) and by email, built once: thousands of results look rows up in it. */
const indexes = new WeakMap<Cell[][], { byRcId: Map<string, number>; byEmail: Map<string, { row: number; rcId: string }[]> }>();

function rowsIndexed(table: Cell[][], columns: ColumnIndex<UsersKey>) {
  const known = indexes.get(table);
  if (known) return known;
  const byRcId = new Map<string, number>();
  const byEmail = new Map<string, { row: number; rcId: string }[]>();
  table.forEach((line, i) => {
    if (i === 0) return;
    const rcId = cellText(line[columns.get("rcId") ?? -1]).trim();
    const email = cellText(line[columns.get("email") ?? -1])
      .trim()
      .toLowerCase();
    if (rcId && !byRcId.has(rcId)) byRcId.set(rcId, i + 1);
    byEmail.set(email, [...(byEmail.get(email) ?? []), { row: i + 1, rcId }]);
  });
  const index = { byRcId, byEmail };
  indexes.set(table, index);
  return index;
}

/** The rows (first, last) holding the placed users now, widened to the span last written (a repair covers it). */
function spanOf(
  table: Cell[][],
  columns: ColumnIndex<UsersKey>,
  users: readonly UserKey[],
  before?: [number, number],
): [number, number] | null {
  const wantedIds = new Set(users.map((u) => (u.email ? `e:${u.email}` : `r:${u.rcId}`)));
  let [top, bottom] = before ?? [Number.POSITIVE_INFINITY, 0];
  table.forEach((line, i) => {
    if (i === 0 || !wantedIds.has(identityOf(line, columns))) return;
    top = Math.min(top, i + 1);
    bottom = Math.max(bottom, i + 1);
  });
  bottom = Math.min(bottom, Math.max(table.length, 1));
  return bottom >= top && top >= 2 ? [top, bottom] : null;
}

/**
 * The written columns of each row of the span: its user's wanted cells, else what the row holds, except that a cell
 * still holding what the last round wrote at that row for somebody else is blanked (that round landed on moved rows).
 */
function rowsToWrite(
  table: Cell[][],
  columns: ColumnIndex<UsersKey>,
  written: number[],
  wanted: Map<string, Cell[]>,
  [top, bottom]: [number, number],
  last: { values: Map<number, Cell[]> } | null,
): Map<number, Cell[]> {
  const values = new Map<number, Cell[]>();
  for (let row = top; row <= bottom; row++) {
    const line = table[row - 1] ?? [];
    const own = wanted.get(identityOf(line, columns));
    if (own) {
      values.set(row, own.slice());
      continue;
    }
    const before = last?.values.get(row);
    values.set(
      row,
      written.map((c, i) =>
        before && cellText(before[i]) === cellText(line[c]) && cellText(line[c]) !== "" ? "" : (line[c] ?? ""),
      ),
    );
  }
  return values;
}

/** One block per run of adjacent written columns, over the span. */
function writeBlocks(
  workbook: Workbook,
  sheet: string,
  written: number[],
  [top, bottom]: [number, number],
  values: Map<number, Cell[]>,
): void {
  for (const [first, last] of runsOf(written)) {
    const from = written.indexOf(first);
    const block: Cell[][] = [];
    for (let row = top; row <= bottom; row++) block.push((values.get(row) ?? []).slice(from, from + last - first + 1));
    workbook.write(sheet, { row: top, column: first + 1, values: block });
  }
}

/** Whether every row holds the same user in both reads. */
function sameRows(a: Cell[][], b: Cell[][], columns: ColumnIndex<UsersKey>): boolean {
  const rows = Math.max(a.length, b.length);
  for (let i = 1; i < rows; i++) if (identityOf(a[i] ?? [], columns) !== identityOf(b[i] ?? [], columns)) return false;
  return true;
}

/**
 * Rows whose users are to leave the sheet, found as the rows stand now; each round reads again and checks that the
 * rows that went were those (a person's edit between the read and the deletion would move others under it): a row
 * that went by mistake comes back at the bottom with its cells as read, a user still there is removed next round.
 */
function removeByUser(
  workbook: Workbook,
  sheet: string,
  fresh: () => Cell[][],
  removals: readonly UserKey[],
  columns: ColumnIndex<UsersKey>,
): void {
  let left = [...removals];
  for (let round = 0; round < ROUNDS && left.length > 0; round++) {
    const table = fresh();
    const rows = left.flatMap((user) => {
      const row = rowOf(table, columns, user);
      return row === null ? [] : [row];
    });
    if (rows.length === 0) return;
    deleteRowsBottomFirst(workbook, sheet, rows);
    if (!workbook.reread) return;
    const gone = new Set(rows.map((row) => identityOf(table[row - 1] ?? [], columns)));
    const after = fresh();
    const present = new Set(after.slice(1).map((line) => identityOf(line, columns)));
    const lost = table.slice(1).filter((line) => {
      const id = identityOf(line, columns);
      return id && !gone.has(id) && !present.has(id);
    });
    if (lost.length > 0) workbook.write(sheet, { row: Math.max(after.length, 1) + 1, column: 1, values: rectangular(lost) });
    left = left.filter((user) => rowOf(after, columns, user) !== null);
  }
}

function rectangular(lines: Cell[][]): Cell[][] {
  const width = lines.reduce((w, line) => Math.max(w, line.length), 0);
  return lines.map((line) => Array.from({ length: width }, (_, c) => line[c] ?? ""));
}

/** Removes rows bottom first, joining adjacent rows into one call. */
export function deleteRowsBottomFirst(workbook: Workbook, sheet: string, rows: readonly number[]): void {
  if (rows.length === 0) return;
  const sorted = [...new Set(rows)].sort((a, b) => b - a);
  let start = sorted[0] as number;
  let count = 1;
  for (const row of sorted.slice(1)) {
    if (row === start - 1) {
      start = row;
      count++;
      continue;
    }
    workbook.deleteRows(sheet, start, count);
    start = row;
    count = 1;
  }
  workbook.deleteRows(sheet, start, count);
}

/** The columns (0-based, sorted) some change writes. */
function writtenColumns(changes: readonly UserChange[], columns: ColumnIndex<UsersKey>): number[] {
  const used = new Set<number>();
  for (const change of changes)
    for (const key of Object.keys(change.cells)) {
      const index = columns.get(key as UsersKey);
      if (index !== undefined) used.add(index);
    }
  return [...used].sort((a, b) => a - b);
}

/** Sorted column indexes grouped into runs of adjacent ones, [first, last] each: one block write per run. */
export function runsOf(sorted: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const index of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === index - 1) last[1] = index;
    else runs.push([index, index]);
  }
  return runs;
}

function keyAt(columns: ColumnIndex<UsersKey>, index: number): UsersKey | undefined {
  for (const [key, at] of columns) if (at === index) return key;
  return undefined;
}

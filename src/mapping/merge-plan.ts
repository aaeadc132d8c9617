import { blankRecord, type UserRecord } from "../domain/records";
import { USERS_TAB, type UsersKey } from "../domain/tabs";
import { OWN_KEYS } from "./mapping";
import type { ImportedRow } from "./normalise";

/** An existing row an imported user merges into: the row before, after, and the columns that change. */
export interface MergedRow {
  where: string;
  before: UserRecord;
  after: UserRecord;
  changed: UsersKey[];
}

/** What an import will do to the Users tab, row by row, before anything is written. */
export interface MergePlan {
  /** New rows, numbered from the first free sheet row. */
  added: (UserRecord & { where: string })[];
  merged: MergedRow[];
  /** Imported users that match a row and change nothing. */
  unchanged: MergedRow[];
}

/**
 * Matches each imported user to an existing row by Email (any case), then by Ext, and merges into it: a mapped
 * value that is not blank replaces the row's; blanks and unmapped columns keep what the row has. The add-in's own
 * columns (Status, RC Id, Synced At, Message) of an existing row are never replaced, so a synced row keeps its
 * RC Id. A row is matched once; a second user matching it is added (validation then names the duplicate).
 */
export function planMerge(existing: readonly UserRecord[], imported: readonly ImportedRow[], firstFreeRow: number): MergePlan {
  const byEmail = indexBy(existing, (u) => u.email.toLowerCase());
  const byExt = indexBy(existing, (u) => u.ext);
  const claimed = new Set<UserRecord>();
  const plan: MergePlan = { added: [], merged: [], unchanged: [] };
  let next = firstFreeRow;
  for (const row of imported) {
    const match = [byEmail.get((row.values.email ?? "").toLowerCase()), byExt.get(row.values.ext ?? "")].find(
      (u) => u !== undefined && !claimed.has(u),
    );
    if (!match) {
      plan.added.push({ ...blankRecord(USERS_TAB, next++), ...row.values, where: row.where });
      continue;
    }
    claimed.add(match);
    const merged = mergeInto(match, row);
    (merged.changed.length > 0 ? plan.merged : plan.unchanged).push(merged);
  }
  return plan;
}

/** The Users records after the plan: existing rows merged in place, new rows after them. */
export function usersAfter(existing: readonly UserRecord[], plan: MergePlan): UserRecord[] {
  const after = new Map(plan.merged.map((m) => [m.before, m.after]));
  return [...existing.map((u) => after.get(u) ?? u), ...plan.added.map(({ where: _, ...record }) => record)];
}

function mergeInto(before: UserRecord, row: ImportedRow): MergedRow {
  const after = { ...before };
  const changed: UsersKey[] = [];
  for (const [key, value] of Object.entries(row.values) as [UsersKey, string][]) {
    if (value === "" || OWN_KEYS.includes(key) || sameValue(key, before[key], value)) continue;
    after[key] = value;
    changed.push(key);
  }
  return { where: row.where, before, after, changed };
}

/** Emails match whatever their case, so the row's own spelling stays. */
function sameValue(key: UsersKey, a: string, b: string): boolean {
  return key === "email" ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function indexBy(users: readonly UserRecord[], key: (u: UserRecord) => string): Map<string, UserRecord> {
  const index = new Map<string, UserRecord>();
  for (const user of users) {
    const k = key(user);
    if (k !== "" && !index.has(k)) index.set(k, user);
  }
  return index;
}

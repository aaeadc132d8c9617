import type { UserRecord } from "../domain/records";

/**
 * The fields a sync sets on the account and compares afterwards. The name is compared whole: the platform keeps
 * first and last name apart only for some extension types.
 */
export const SYNCED_FIELDS = ["name", "email", "ext", "site", "dept", "role"] as const;
export type SyncedField = (typeof SYNCED_FIELDS)[number];
export type SyncedValues = Record<SyncedField, string>;

/**
 * What the last sync left in the account for one user: the values it set. Comparing the account with it tells
 * drift (changed in the account since) from a change made in the sheet, and finds rows removed by hand.
 */
export interface LedgerEntry {
  rcId: string;
  site: string;
  values: SyncedValues;
}

export function syncedValues(
  record: Pick<UserRecord, "firstName" | "lastName" | "email" | "ext" | "site" | "dept" | "role">,
): SyncedValues {
  return {
    name: `${record.firstName} ${record.lastName}`.trim(),
    email: record.email.toLowerCase(),
    ext: record.ext,
    site: record.site,
    dept: record.dept,
    role: record.role,
  };
}

/** The fields whose values differ. */
export function changedFields(from: SyncedValues, to: SyncedValues): SyncedField[] {
  return SYNCED_FIELDS.filter((field) => from[field] !== to[field]);
}

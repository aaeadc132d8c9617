import { z } from "zod";
import {
  ACCOUNT_SITES_TAB,
  ACCOUNT_USERS_TAB,
  LOCATIONS_TAB,
  ROLES_TAB,
  SETTINGS_TAB,
  SITES_TAB,
  SYNC_LEDGER_TAB,
  SYNC_LOG_TAB,
  TAGS_TAB,
  type TabDef,
  UNASSIGNED_LINES_TAB,
  USERS_TAB,
} from "./tabs";

/**
 * A row of a tab as the core sees it: its sheet row number and every column as trimmed text. What the text must
 * look like is validation's business (src/domain/validation), so that a bad cell becomes a finding, not a throw.
 */
function recordSchema<K extends string>(tab: TabDef<K>) {
  const columns = Object.fromEntries(tab.columns.map((c) => [c.key, z.string()])) as { [P in K]: z.ZodString };
  return z.object({ row: z.number().int().nonnegative(), ...columns });
}

export const UserRecordSchema = recordSchema(USERS_TAB);
export const SiteRecordSchema = recordSchema(SITES_TAB);
export const RoleRecordSchema = recordSchema(ROLES_TAB);
export const TagRecordSchema = recordSchema(TAGS_TAB);
export const LocationRecordSchema = recordSchema(LOCATIONS_TAB);
export const SettingRecordSchema = recordSchema(SETTINGS_TAB);
export const AccountUserRecordSchema = recordSchema(ACCOUNT_USERS_TAB);
export const AccountSiteRecordSchema = recordSchema(ACCOUNT_SITES_TAB);
export const UnassignedLineRecordSchema = recordSchema(UNASSIGNED_LINES_TAB);
export const SyncLogRecordSchema = recordSchema(SYNC_LOG_TAB);
export const SyncLedgerRecordSchema = recordSchema(SYNC_LEDGER_TAB);

export type UserRecord = z.infer<typeof UserRecordSchema>;
export type SiteRecord = z.infer<typeof SiteRecordSchema>;
export type RoleRecord = z.infer<typeof RoleRecordSchema>;
export type TagRecord = z.infer<typeof TagRecordSchema>;
export type LocationRecord = z.infer<typeof LocationRecordSchema>;
export type SettingRecord = z.infer<typeof SettingRecordSchema>;
export type AccountUserRecord = z.infer<typeof AccountUserRecordSchema>;
export type AccountSiteRecord = z.infer<typeof AccountSiteRecordSchema>;
export type UnassignedLineRecord = z.infer<typeof UnassignedLineRecordSchema>;
export type SyncLogRecord = z.infer<typeof SyncLogRecordSchema>;
export type SyncLedgerRecord = z.infer<typeof SyncLedgerRecordSchema>;

/**
 * An empty record of a tab, for building rows in code (demo data, tests, import) and a copy per row (a tab read).
 * Made whole from its entries: an object given more than a dozen keys one at a time becomes a dictionary in V8, so do
 * its copies, and every rule that reads a Users row (21 keys) then pays a hash lookup for every field it reads.
 */
export function blankRecord<K extends string>(tab: TabDef<K>, row = 0): { row: number } & Record<K, string> {
  let blank = blanks.get(tab);
  if (!blank) {
    blank = Object.fromEntries([["row", 0], ...tab.columns.map((column) => [column.key, ""])]) as BlankRecord;
    blanks.set(tab, blank);
  }
  // A copy keeps the template's shape (made once a tab: thousands of rows are built in an import).
  return { ...blank, row } as { row: number } & Record<K, string>;
}

type BlankRecord = Record<string, string | number>;
const blanks = new WeakMap<TabDef<string>, BlankRecord>();

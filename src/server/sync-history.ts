import { z } from "zod";
import { SYNC_LOG_TAB, USERS_TAB } from "../domain/tabs";
import { decodeTab } from "../workbook/codec";
import { locateTabs } from "../workbook/tab-location";
import { serverFunction } from "./server-function";

/** A line of the Sync Log as the sidebar shows it; `when` stays ISO (the sheet's), the sidebar says it locally. */
export interface SyncLogLine {
  when: string;
  who: string;
  scope: string;
  created: string;
  updated: string;
  deleted: string;
  failed: string;
}

export interface SyncHistory {
  /** The newest lines of the Sync Log, newest first. */
  runs: SyncLogLine[];
  /** By site, the latest Synced At of its Users rows (ISO): when the site was last synced. */
  lastSynced: Record<string, string>;
}

const RECENT = 5;

/**
 * The Sync Log's last lines and each site's last Synced At. The sheet keeps ISO times (sortable, the same for every
 * reader); the sidebar shows them in the person's own time zone.
 */
export const syncHistory = serverFunction(z.object({}).default({}), (home): SyncHistory => {
  const tabs = locateTabs(home.workbook);
  const log = tabs.get("syncLog");
  const users = tabs.get("users");
  const lines = log ? decodeTab(SYNC_LOG_TAB, home.workbook.read(log)).records : [];
  const lastSynced: Record<string, string> = {};
  for (const user of users ? decodeTab(USERS_TAB, home.workbook.read(users)).records : []) {
    if (!user.site || !user.syncedAt) continue;
    if (!lastSynced[user.site] || user.syncedAt > (lastSynced[user.site] as string)) lastSynced[user.site] = user.syncedAt;
  }
  const runs = lines
    .slice(-RECENT)
    .reverse()
    .map(({ when, who, scope, created, updated, deleted, failed }) => ({ when, who, scope, created, updated, deleted, failed }));
  return { runs, lastSynced };
});

import { z } from "zod";
import { readSettings } from "../domain/settings";
import { SETTINGS_TAB, USERS_TAB } from "../domain/tabs";
import { decodeTab } from "../workbook/codec";
import type { Workbook } from "../workbook/port";
import { locateTabs } from "../workbook/tab-location";
import { serverFunction } from "./server-function";

/** Where a workspace stands on the way to its first sync, for the sidebar's Get started steps. */
export interface StartingPoint {
  connected: boolean;
  server: string;
  /** When the account was last read into the workspace (ISO), or '' if never. */
  accountReadAt: string;
  /** Users rows, and how many of them a sync has made. */
  users: number;
  synced: number;
}

export const gettingStarted = serverFunction(z.object({}).default({}), (home): StartingPoint => {
  const settings = home.connection?.settings();
  const sheet = locateTabs(home.workbook).get("users");
  const users = sheet ? decodeTab(USERS_TAB, home.workbook.read(sheet)).records : [];
  return {
    connected: Boolean(settings),
    server: settings?.server ?? "",
    accountReadAt: lastAccountRead(home.workbook),
    users: users.length,
    synced: users.filter((u) => u.rcId).length,
  };
});

/** When the account was last read, for the panels that depend on it: whether it can be read now, and when (ISO, or ''). */
export interface AccountReadAt {
  connected: boolean;
  readAt: string;
}

export const accountReadAt = serverFunction(
  z.object({}).default({}),
  (home): AccountReadAt => ({ connected: Boolean(home.connection?.settings()), readAt: lastAccountRead(home.workbook) }),
);

/** The Settings tab's Account Refreshed At: '' when this workspace never read the account. */
export function lastAccountRead(workbook: Workbook): string {
  const sheet = locateTabs(workbook).get("settings");
  const records = sheet ? decodeTab(SETTINGS_TAB, workbook.read(sheet)).records : [];
  return readSettings(records).settings.accountRefreshedAt;
}

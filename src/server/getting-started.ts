import { z } from "zod";
import { readSettings } from "../domain/settings";
import { SETTINGS_TAB, USERS_TAB } from "../domain/tabs";
import { decodeTab } from "../workbook/codec";
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
  const tabs = locateTabs(home.workbook);
  const read = (id: "users" | "settings") => {
    const sheet = tabs.get(id);
    return sheet ? home.workbook.read(sheet) : [];
  };
  const users = decodeTab(USERS_TAB, read("users")).records;
  return {
    connected: Boolean(settings),
    server: settings?.server ?? "",
    accountReadAt: readSettings(decodeTab(SETTINGS_TAB, read("settings")).records).settings.accountRefreshedAt,
    users: users.length,
    synced: users.filter((u) => u.rcId).length,
  };
});

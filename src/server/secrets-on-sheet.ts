import { z } from "zod";
import { USERS_TAB } from "../domain/tabs";
import { decodeTab } from "../workbook/codec";
import { locateTabs } from "../workbook/tab-location";
import { serverFunction } from "./server-function";

/**
 * How many Users rows still hold a PIN, a password or a secret answer: the sheet is shared with the customer, and
 * until a sync sends and clears them, anyone it is shared with can read them. The sidebar warns before a share or an
 * export (which leaves them out). Counts only: no secret leaves the sheet.
 */
export const secretsOnSheet = serverFunction(z.object({}).default({}), (home): { rows: number } => {
  const users = locateTabs(home.workbook).get("users");
  if (!users) return { rows: 0 };
  const records = decodeTab(USERS_TAB, home.workbook.read(users)).records;
  return { rows: records.filter((u) => u.pin || u.password || u.secretAnswer).length };
});

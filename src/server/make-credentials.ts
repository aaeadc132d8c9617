import { z } from "zod";
import { counted } from "../domain/counted";
import { type Credential, credentialsToMake, makeCredential } from "../domain/credential-maker";
import { readSettings } from "../domain/settings";
import { SETTINGS_TAB, USERS_TAB } from "../domain/tabs";
import { decodeTab } from "../workbook/codec";
import { locateTabs } from "../workbook/tab-location";
import { readImage, recordsOf, setCell, writeColumn } from "../workbook/table-image";
import type { Home } from "./home";
import { RowTarget, targetRows } from "./row-target";
import { serverFunction } from "./server-function";

export type CredentialsMade = { made: number; message: string } | { made: 0; problem: string };

/** The rows chosen (selected, or a tag's), or every row that needs a credential it lacks. */
const CredentialTarget = z.union([RowTarget, z.object({ kind: z.literal("needing") })]);

/**
 * PINs and passwords made for rows that must have one and have none (a Message Only's PIN, a Limited Extension's
 * password, a Completed user's), meeting the platform's rules. Only blank cells are written, one block per column,
 * so nothing the customer gave is replaced; the values are never sent back: the sheet holds them until the sync
 * sends and clears them.
 */
export const makeCredentials = serverFunction(z.object({ target: CredentialTarget }), (home, input): CredentialsMade => {
  if (!home.randomness) return { made: 0, problem: "This home has no secure source of random numbers." };
  const users = readImage(home.workbook, USERS_TAB);
  if (!users) return { made: 0, problem: "There is no Users tab: run Set up workspace." };
  const records = recordsOf(USERS_TAB, users);
  const chosen = input.target.kind === "needing" ? null : new Set(targetRows(home, users.sheet, records, input.target));
  if (chosen?.size === 0)
    return { made: 0, problem: input.target.kind === "tag" ? "No Users row has that tag." : "Select some Users rows first." };
  const sso = ssoOf(home);
  const written: Record<Credential, number[]> = { pin: [], password: [] };
  for (const user of records) {
    if (chosen && !chosen.has(user.row)) continue;
    for (const credential of credentialsToMake(user, sso)) {
      setCell(users, user.row, credential, makeCredential(credential, user, home.randomness));
      written[credential].push(user.row);
    }
  }
  writeColumn(home.workbook, users, "pin", written.pin);
  writeColumn(home.workbook, users, "password", written.password);
  const rows = new Set([...written.pin, ...written.password]).size;
  if (rows === 0) return { made: 0, problem: "No row there lacks a PIN or password it needs." };
  const what = [
    written.pin.length ? counted(written.pin.length, "PIN") : "",
    written.password.length ? counted(written.password.length, "password") : "",
  ].filter(Boolean);
  return {
    made: rows,
    message: `Made ${what.join(" and ")} for ${counted(rows, "row")}. The sync sends them and clears them from the sheet; until then anyone the sheet is shared with can read them.`,
  };
});

function ssoOf(home: Home): boolean {
  const sheet = locateTabs(home.workbook).get("settings");
  if (!sheet) return false;
  return readSettings(decodeTab(SETTINGS_TAB, home.workbook.read(sheet)).records).settings.sso;
}

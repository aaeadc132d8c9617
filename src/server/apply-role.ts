import { z } from "zod";
import { counted } from "../domain/counted";
import { ROLES_TAB, USERS_TAB } from "../domain/tabs";
import { decodeTab } from "../workbook/codec";
import { locateTabs } from "../workbook/tab-location";
import { readImage, recordsOf, setCell, type TableImage, writeColumn } from "../workbook/table-image";
import type { Home } from "./home";
import { RowTarget, targetRows } from "./row-target";
import { serverFunction } from "./server-function";

export type RoleApplied = { applied: number; message: string } | { applied: 0; problem: string };
export type RoleTargetCount = { rows: number; question: string } | { rows: 0; problem: string };

type UsersKey = (typeof USERS_TAB.columns)[number]["key"];

const RoleOnRows = z.object({ role: z.string().min(1), target: RowTarget });

/** The rows a role would be applied to, or why there are none. */
function roleRows(home: Home, input: z.output<typeof RoleOnRows>): { users: TableImage<UsersKey>; rows: number[] } | string {
  const rolesSheet = locateTabs(home.workbook).get("roles");
  const roles = rolesSheet ? decodeTab(ROLES_TAB, home.workbook.read(rolesSheet)).records : [];
  if (!roles.some((r) => r.name === input.role && r.status !== "Pending Delete"))
    return `There is no role "${input.role}" on the Roles tab: refresh the account or create it.`;
  const users = readImage(home.workbook, USERS_TAB);
  if (!users) return "There is no Users tab: run Set up workspace.";
  const rows = targetRows(home, users.sheet, recordsOf(USERS_TAB, users), input.target);
  if (rows.length === 0)
    return input.target.kind === "tag" ? `No Users row has the tag ${input.target.tag}.` : "Select some Users rows first.";
  return { users, rows };
}

/** The first few rows by number and person, so that a selection made long ago and scrolled away is seen. */
function named(users: TableImage<UsersKey>, rows: readonly number[]): string {
  const records = new Map(recordsOf(USERS_TAB, users).map((u) => [u.row, u]));
  const shown = rows.slice(0, 5).map((row) => {
    const user = records.get(row);
    const name = `${user?.firstName ?? ""} ${user?.lastName ?? ""}`.trim() || user?.email || "blank";
    return `row ${row} ${name}`;
  });
  return rows.length > shown.length ? `${shown.join(", ")} and ${rows.length - shown.length} more` : shown.join(", ");
}

/** Before applying: how many rows the role would be set on, and which, as the question the person confirms. */
export const roleTargetCount = serverFunction(RoleOnRows, (home, input): RoleTargetCount => {
  const found = roleRows(home, input);
  if (typeof found === "string") return { rows: 0, problem: found };
  const { users, rows } = found;
  return { rows: rows.length, question: `Set ${input.role} on ${counted(rows.length, "row")} (${named(users, rows)})?` };
});

/**
 * Apply a role: writes the Role column of the target rows in one block; the next sync assigns it in the account.
 * Given the count the person confirmed, it refuses when the rows have changed since (another selection, a new tag).
 */
export const applyRole = serverFunction(
  RoleOnRows.extend({ confirmed: z.number().int().min(1).optional() }),
  (home, input): RoleApplied => {
    const found = roleRows(home, input);
    if (typeof found === "string") return { applied: 0, problem: found };
    const { users, rows } = found;
    if (input.confirmed !== undefined && input.confirmed !== rows.length)
      return {
        applied: 0,
        problem: `The rows changed since you confirmed ${counted(input.confirmed, "row")}: it is ${counted(rows.length, "row")} now. Apply again to confirm.`,
      };
    for (const row of rows) setCell(users, row, "role", input.role);
    writeColumn(home.workbook, users, "role", rows);
    return { applied: rows.length, message: `${input.role} set on ${counted(rows.length, "row")}: sync to apply it.` };
  },
);

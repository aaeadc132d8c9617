import { z } from "zod";
import { ROLES_TAB, USERS_TAB } from "../domain/tabs";
import { decodeTab } from "../workbook/codec";
import { locateTabs } from "../workbook/tab-location";
import { readImage, recordsOf, setCell, writeColumn } from "../workbook/table-image";
import { RowTarget, targetRows } from "./row-target";
import { serverFunction } from "./server-function";

export type RoleApplied = { applied: number; message: string } | { applied: 0; problem: string };

/** Apply a role: writes the Role column of the target rows in one block; the next sync assigns it in the account. */
export const applyRole = serverFunction(z.object({ role: z.string().min(1), target: RowTarget }), (home, input): RoleApplied => {
  const rolesSheet = locateTabs(home.workbook).get("roles");
  const roles = rolesSheet ? decodeTab(ROLES_TAB, home.workbook.read(rolesSheet)).records : [];
  if (!roles.some((r) => r.name === input.role && r.status !== "Pending Delete"))
    return { applied: 0, problem: `There is no role "${input.role}" on the Roles tab: refresh the account or create it.` };
  const users = readImage(home.workbook, USERS_TAB);
  if (!users) return { applied: 0, problem: "There is no Users tab: run Set up workspace." };
  const rows = targetRows(home, users.sheet, recordsOf(USERS_TAB, users), input.target);
  if (rows.length === 0)
    return {
      applied: 0,
      problem: input.target.kind === "tag" ? `No Users row has the tag ${input.target.tag}.` : "Select some Users rows first.",
    };
  for (const row of rows) setCell(users, row, "role", input.role);
  writeColumn(home.workbook, users, "role", rows);
  return {
    applied: rows.length,
    message: `${input.role} set on ${rows.length} ${rows.length === 1 ? "row" : "rows"}: sync to apply it.`,
  };
});

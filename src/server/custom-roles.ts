import { z } from "zod";
import { blankRecord } from "../domain/records";
import { ROLES_TAB, USERS_TAB } from "../domain/tabs";
import { decodeTab, encodeRows } from "../workbook/codec";
import { locateTabs } from "../workbook/tab-location";
import { readImage, recordsOf, setCell, writeColumn } from "../workbook/table-image";
import { serverFunction } from "./server-function";

export type RoleChange = { done: true; message: string } | { done: false; problem: string };

/** Create a custom role: a Roles row of Kind Custom based on a predefined role; the next sync creates it. */
export const createCustomRole = serverFunction(
  z.object({
    name: z.string().trim().min(1).max(128),
    basedOn: z.string().min(1),
    description: z.string().default(""),
    permissions: z.string().default(""),
  }),
  (home, input): RoleChange => {
    const image = readImage(home.workbook, ROLES_TAB);
    if (!image) return { done: false, problem: "There is no Roles tab: run Set up workspace." };
    const roles = recordsOf(ROLES_TAB, image);
    if (roles.some((r) => r.name.toLowerCase() === input.name.toLowerCase()))
      return { done: false, problem: `There is a role named "${input.name}" already.` };
    if (!roles.some((r) => r.kind === "Predefined" && r.name === input.basedOn))
      return { done: false, problem: `"${input.basedOn}" is not a predefined role of the account: refresh the account first.` };
    const row = roles.reduce((last, r) => Math.max(last, r.row), 1) + 1;
    const record = { ...blankRecord(ROLES_TAB), ...input, kind: "Custom" };
    home.workbook.write(image.sheet, { row, column: 1, values: encodeRows(image.columns, image.width, [record]) });
    return { done: true, message: `${input.name} added to the Roles tab: the next sync creates it in the account.` };
  },
);

/**
 * Delete a custom role: refused while a Users row has it, never a predefined one. A synced role is marked Pending
 * Delete (the next sync deletes it in the account); a role never synced only leaves the sheet.
 */
export const deleteCustomRole = serverFunction(z.object({ name: z.string().min(1) }), (home, input): RoleChange => {
  const image = readImage(home.workbook, ROLES_TAB);
  const role = image ? recordsOf(ROLES_TAB, image).find((r) => r.name === input.name) : undefined;
  if (!image || !role) return { done: false, problem: `There is no role "${input.name}" on the Roles tab.` };
  if (role.kind !== "Custom")
    return { done: false, problem: `${input.name} is a predefined role: only custom roles can be deleted.` };
  const usersSheet = locateTabs(home.workbook).get("users");
  const users = usersSheet ? decodeTab(USERS_TAB, home.workbook.read(usersSheet)).records : [];
  const using = users.filter((u) => u.role === input.name).map((u) => u.row);
  if (using.length)
    return {
      done: false,
      problem: `${using.length} Users rows have ${input.name} (rows ${using.slice(0, 5).join(", ")}${using.length > 5 ? "…" : ""}): give them another role first.`,
    };
  if (!role.rcId) {
    home.workbook.deleteRows(image.sheet, role.row, 1);
    return { done: true, message: `${input.name} removed: it was never in the account.` };
  }
  setCell(image, role.row, "status", "Pending Delete");
  writeColumn(home.workbook, image, "status", [role.row]);
  return { done: true, message: `${input.name} marked Pending Delete: the next sync deletes it in the account.` };
});

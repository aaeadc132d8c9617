import type RoleResource from "@rc-ex/core/definitions/RoleResource";
import { z } from "zod";
import { counted } from "../domain/counted";
import { blankRecord } from "../domain/records";
import { ROLES_TAB, USERS_TAB } from "../domain/tabs";
import { decodeTab, encodeRows } from "../workbook/codec";
import { locateTabs } from "../workbook/tab-location";
import { readImage, recordsOf, setCell, writeColumn } from "../workbook/table-image";
import { serverFunction } from "./server-function";

export type RoleChange = { done: true; message: string } | { done: false; problem: string };

/** A permission the new-role form offers: checked when the base role holds it. */
export interface PermissionChoice {
  id: string;
  name: string;
  category: string;
  held: boolean;
}
export type RoleBase = { permissions: PermissionChoice[] } | { problem: string };

/**
 * The permissions a custom role starts from: the platform's permission list, each marked held when the predefined
 * role it is based on holds it. Read from the account now (two Light calls), since the sheet keeps no permissions.
 */
export const roleBasePermissions = serverFunction(
  z.object({ basedOn: z.string().min(1) }),
  async (home, input): Promise<RoleBase> => {
    const image = readImage(home.workbook, ROLES_TAB);
    const base = image ? recordsOf(ROLES_TAB, image).find((r) => r.kind === "Predefined" && r.name === input.basedOn) : undefined;
    if (!base?.rcId) return { problem: `"${input.basedOn}" is not a predefined role of the account: refresh the account first.` };
    if (!home.connection?.settings()) return { problem: "Connect to RingCentral (Account panel) to see the role's permissions." };
    const client = home.connection.client();
    const role = await client.call<RoleResource>("readUserRole", { path: { roleId: base.rcId } });
    const dictionary = await client.listAll<{ id?: string; displayName?: string; category?: { id?: string } }>(
      "listPermissions",
      { query: { perPage: 1000 } },
    );
    const held = new Set((role.permissions ?? []).map((p) => String(p.id)));
    return {
      permissions: dictionary
        .filter((p) => p.id)
        .map((p) => ({
          id: String(p.id),
          name: p.displayName || String(p.id),
          category: p.category?.id ?? "",
          held: held.has(String(p.id)),
        })),
    };
  },
);

/** Create a custom role: a Roles row of Kind Custom based on a predefined role; the next sync creates it. */
export const createCustomRole = serverFunction(
  z.object({
    name: z.string().trim().min(1).max(128),
    basedOn: z.string().min(1),
    description: z.string().default(""),
    /** Edits of the base's permissions, as the Permissions cell holds them (`Id;-Id`). */
    permissions: z
      .string()
      .regex(/^[+-]?[A-Za-z0-9;, +-]*$/, "Permissions are ids separated by ;")
      .default(""),
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
      problem: `${input.name} is still on ${counted(using.length, "Users row")} (${using.slice(0, 5).join(", ")}${using.length > 5 ? "…" : ""}): give them another role first.`,
    };
  if (!role.rcId) {
    home.workbook.deleteRows(image.sheet, role.row, 1);
    return { done: true, message: `${input.name} removed: it was never in the account.` };
  }
  setCell(image, role.row, "status", "Pending Delete");
  writeColumn(home.workbook, image, "status", [role.row]);
  return { done: true, message: `${input.name} marked Pending Delete: the next sync deletes it in the account.` };
});

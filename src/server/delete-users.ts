import { z } from "zod";
import { counted } from "../domain/counted";
import type { UserRecord } from "../domain/records";
import { USERS_TAB } from "../domain/tabs";
import { readImage, recordsOf } from "../workbook/table-image";
import { type RemovalUndo, removeUsers, restoreUsers } from "../workbook/users-removal";
import { RowTarget, targetRows } from "./row-target";
import { serverFunction } from "./server-function";
import { reapplyFilter } from "./tag-filter";

/** One user a delete would act on, as the confirmation lists it. */
export interface DeletionItem {
  row: number;
  name: string;
  email: string;
  /** Synced: deleted in the account by the next sync; otherwise it only leaves the sheet. */
  synced: boolean;
  /** The phone number of the line that goes back to the pool, or ''. */
  releases: string;
}

export type DeleteAnswer =
  | { confirmed: false; items: DeletionItem[]; message: string }
  | { confirmed: true; removed: number; marked: number; undo: RemovalUndo; message: string }
  | { problem: string };

const RemovalUndoSchema = z.object({
  removed: z.array(z.object({ row: z.number().int().min(2), cells: z.array(z.union([z.string(), z.number(), z.boolean()])) })),
  marked: z.array(z.object({ rcId: z.string(), status: z.string() })),
});

/**
 * Delete users: the selected rows, or those a tag filter shows. Asked first without `confirm`, it says how many and
 * which; confirmed, rows never synced leave the sheet and synced rows are marked Pending Delete (the next sync
 * deletes them in the account and their lines go back to the pool). The answer carries what undoDelete needs.
 */
export const deleteUsers = serverFunction(
  z.object({
    target: RowTarget,
    confirm: z.boolean().default(false),
    /**
     * The rows the person was shown and confirmed (row and email). When the target now holds others (the selection
     * changed since, rows moved), nothing is deleted: the new rows are asked about instead.
     */
    shown: z.array(z.object({ row: z.number().int(), email: z.string() })).optional(),
  }),
  (home, input): DeleteAnswer => {
    const image = readImage(home.workbook, USERS_TAB);
    if (!image) return { problem: "There is no Users tab: run Set up workspace." };
    const users = recordsOf(USERS_TAB, image);
    const rows = new Set(targetRows(home, image.sheet, users, input.target));
    const chosen = users.filter((u) => rows.has(u.row) && u.status !== "Pending Delete");
    if (chosen.length === 0)
      return {
        problem:
          input.target.kind === "tag"
            ? `No Users row with the tag ${input.target.tag} is left to delete.`
            : "Select the Users rows to delete first (rows already Pending Delete are left as they are).",
      };
    if (!input.confirm) return { confirmed: false, items: chosen.map(itemOf), message: summary(chosen) };
    if (input.shown && !sameRows(chosen, input.shown))
      return {
        confirmed: false,
        items: chosen.map(itemOf),
        message: `The rows changed since you were asked, so nothing was deleted. ${summary(chosen)}`,
      };
    const undo = removeUsers(home.workbook, image, chosen);
    reapplyFilter(home);
    return {
      confirmed: true,
      removed: undo.removed.length,
      marked: undo.marked.length,
      undo,
      message: doneMessage(undo),
    };
  },
);

/** Undo a delete before the sync: the rows taken out come back where they were, marked rows get their Status back. */
export const undoDelete = serverFunction(
  z.object({ undo: RemovalUndoSchema }),
  (home, input): { restored: number; message: string } | { problem: string } => {
    const image = readImage(home.workbook, USERS_TAB);
    if (!image) return { problem: "There is no Users tab: run Set up workspace." };
    const restored = restoreUsers(home.workbook, image, input.undo);
    reapplyFilter(home);
    return { restored, message: `${counted(restored, "row")} put back as ${restored === 1 ? "it was" : "they were"}.` };
  },
);

function itemOf(user: UserRecord): DeletionItem {
  return {
    row: user.row,
    name: [user.firstName, user.lastName].filter(Boolean).join(" "),
    email: user.email,
    synced: Boolean(user.rcId),
    releases: user.rcId ? user.tempNumber || user.phone : "",
  };
}

function sameRows(users: readonly UserRecord[], shown: readonly { row: number; email: string }[]): boolean {
  const key = (row: number, email: string) => `${row} ${email.trim().toLowerCase()}`;
  const asked = new Set(shown.map((s) => key(s.row, s.email)));
  return users.length === asked.size && users.every((u) => asked.has(key(u.row, u.email)));
}

function summary(users: readonly UserRecord[]): string {
  const synced = users.filter((u) => u.rcId).length;
  const never = users.length - synced;
  const parts = [
    never ? `${counted(never, "row")} never synced: ${never === 1 ? "it leaves" : "they leave"} the sheet only` : "",
    synced
      ? `${counted(synced, "synced user")}: marked Pending Delete, deleted in the account by the next sync (lines go back to the pool)`
      : "",
  ].filter(Boolean);
  return `Delete ${counted(users.length, "user")}? ${parts.join("; ")}.`;
}

function doneMessage(undo: RemovalUndo): string {
  const parts = [
    undo.removed.length ? `${counted(undo.removed.length, "row")} removed from the sheet` : "",
    undo.marked.length ? `${counted(undo.marked.length, "user")} marked Pending Delete: sync the site to delete them` : "",
  ].filter(Boolean);
  return `${parts.join("; ")}.`;
}

import { z } from "zod";
import { cellText } from "../domain/cell";
import { USERS_TAB } from "../domain/tabs";
import { readImage, recordsOf, setCell, writeColumn } from "../workbook/table-image";
import { RowTarget, targetRows } from "./row-target";
import { serverFunction } from "./server-function";

/** One row a delete would touch, as the confirmation lists it. */
export interface DeletedRow {
  row: number;
  name: string;
  email: string;
  /** Synced rows are marked Pending Delete (the next sync deletes the user); the others leave the sheet. */
  synced: boolean;
  /** The number that goes back to the unassigned lines when the user is deleted, if the row shows one. */
  line: string;
}

/** What undoes a delete before the sync: the removed rows' cells, and the marked rows' previous Status. */
export const DeleteUndo = z.object({
  removed: z.array(z.array(z.string())),
  marked: z.array(z.object({ email: z.string(), status: z.string() })),
});
export type DeleteUndo = z.infer<typeof DeleteUndo>;

export type UsersDeleted =
  | { rows: DeletedRow[]; done: false }
  | { rows: DeletedRow[]; done: true; message: string; undo: DeleteUndo }
  | { problem: string };

/**
 * Delete users: the selected rows or the rows a tag filter shows. Without `confirm` it only says which rows and what
 * happens to each; with it, rows never synced leave the sheet and synced rows are marked Pending Delete (their user
 * and line go at the next sync). The answer carries what `undoDelete` needs to put everything back before the sync.
 */
export const deleteUsers = serverFunction(
  z.object({ target: RowTarget, confirm: z.boolean().default(false) }),
  (home, input): UsersDeleted => {
    const image = readImage(home.workbook, USERS_TAB);
    if (!image) return { problem: "There is no Users tab: run Set up workspace." };
    const users = recordsOf(USERS_TAB, image);
    const chosen = new Set(targetRows(home, image.sheet, users, input.target));
    const rows: DeletedRow[] = users
      .filter((u) => chosen.has(u.row) && u.status !== "Pending Delete")
      .map((u) => ({
        row: u.row,
        name: `${u.firstName} ${u.lastName}`.trim(),
        email: u.email,
        synced: u.rcId !== "",
        line: u.rcId ? u.tempNumber || u.phone : "",
      }));
    if (rows.length === 0)
      return {
        problem:
          input.target.kind === "tag"
            ? `No Users row with the tag ${input.target.tag} is left to delete.`
            : "Select the Users rows to delete first.",
      };
    if (!input.confirm) return { rows, done: false };

    const marked = rows.filter((r) => r.synced);
    const undo: DeleteUndo = {
      removed: rows.filter((r) => !r.synced).map((r) => (image.rows[r.row - 2] ?? []).map((cell) => cellText(cell))),
      marked: marked.map((r) => ({ email: r.email, status: users.find((u) => u.row === r.row)?.status ?? "" })),
    };
    for (const r of marked) setCell(image, r.row, "status", "Pending Delete");
    writeColumn(
      home.workbook,
      image,
      "status",
      marked.map((r) => r.row),
    );
    removeRows(
      home.workbook,
      image.sheet,
      rows.filter((r) => !r.synced).map((r) => r.row),
    );
    return { rows, done: true, message: deletedMessage(rows.length - marked.length, marked.length), undo };
  },
);

/** Undo a delete before the sync: removed rows come back below the last row, marked rows get their Status back. */
export const undoDelete = serverFunction(
  z.object({ undo: DeleteUndo }),
  (home, input): { message: string } | { problem: string } => {
    const image = readImage(home.workbook, USERS_TAB);
    if (!image) return { problem: "There is no Users tab: run Set up workspace." };
    const users = recordsOf(USERS_TAB, image);
    const restored = input.undo.marked.flatMap(({ email, status }) => {
      const user = users.find((u) => u.email === email && u.status === "Pending Delete");
      if (!user) return [];
      setCell(image, user.row, "status", status);
      return [user.row];
    });
    writeColumn(home.workbook, image, "status", restored);
    const back = input.undo.removed.map((cells) => Array.from({ length: image.width }, (_, c) => cells[c] ?? ""));
    if (back.length > 0) home.workbook.write(image.sheet, { row: lastFilledRow(image.rows) + 3, column: 1, values: back });
    return {
      message: `Undone: ${back.length + restored.length} ${back.length + restored.length === 1 ? "row" : "rows"} as they were.`,
    };
  },
);

/** Rows removed bottom up, one call per run of neighbouring rows, so each number still names the row chosen. */
function removeRows(workbook: Parameters<typeof writeColumn>[0], sheet: string, rows: number[]): void {
  const runs: { row: number; count: number }[] = [];
  for (const row of [...rows].sort((a, b) => b - a)) {
    const last = runs.at(-1);
    if (last && last.row === row + 1) {
      last.row = row;
      last.count++;
    } else runs.push({ row, count: 1 });
  }
  for (const run of runs) workbook.deleteRows(sheet, run.row, run.count);
}

/** The index in `rows` of the last one holding a value (sheet row = index + 2); -1 when none. */
function lastFilledRow(rows: readonly (readonly unknown[])[]): number {
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i]?.some((cell) => cell !== "")) return i;
  return -1;
}

function deletedMessage(removed: number, marked: number): string {
  const parts = [
    removed ? `${removed} never-synced ${removed === 1 ? "row" : "rows"} removed from the sheet` : "",
    marked ? `${marked} synced ${marked === 1 ? "user" : "users"} marked Pending Delete: the next sync deletes them` : "",
  ].filter(Boolean);
  return `${parts.join("; ")}.`;
}

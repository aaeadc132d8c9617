import type { Cell } from "../domain/cell";
import type { UserRecord } from "../domain/records";
import type { USERS_TAB } from "../domain/tabs";
import type { Workbook } from "./port";
import { setCell, type TableImage, writeColumn, writeImage } from "./table-image";

type UsersImage = TableImage<(typeof USERS_TAB.columns)[number]["key"]>;

/** What a delete changed, enough to put it back before the sync: rows taken out, statuses replaced. */
export interface RemovalUndo {
  /** Rows never synced, taken out of the sheet: their sheet row at the time and their cells (dates as ISO text). */
  removed: { row: number; cells: (string | number | boolean)[] }[];
  /** Synced rows marked Pending Delete: found again by RC Id, with the Status they had. */
  marked: { rcId: string; status: string }[];
}

/**
 * Deletes these users from the sheet's point of view: a row never synced leaves the sheet (the account never knew
 * it); a synced row is marked Pending Delete, and the next sync deletes it in the account. Rows go bottom-up in
 * runs, so each run is one call.
 */
export function removeUsers(workbook: Workbook, image: UsersImage, users: readonly UserRecord[]): RemovalUndo {
  const synced = users.filter((u) => u.rcId);
  const never = users.filter((u) => !u.rcId).map((u) => u.row);
  const undo: RemovalUndo = {
    removed: never.map((row) => ({ row, cells: (image.rows[row - 2] ?? []).map(plain) })),
    marked: synced.map((u) => ({ rcId: u.rcId, status: u.status })),
  };
  for (const user of synced) setCell(image, user.row, "status", "Pending Delete");
  writeColumn(
    workbook,
    image,
    "status",
    synced.map((u) => u.row),
  );
  for (const [top, count] of runsBottomUp(never)) workbook.deleteRows(image.sheet, top, count);
  return undo;
}

/**
 * Puts a delete back: the rows taken out return where they were (rows since added stay below them), and the
 * marked rows get their Status again. One block from row 2 down.
 */
export function restoreUsers(workbook: Workbook, image: UsersImage, undo: RemovalUndo): number {
  const status = image.columns.get("status");
  const rcId = image.columns.get("rcId");
  let restored = 0;
  for (const line of image.rows) {
    const mark = rcId === undefined ? undefined : undo.marked.find((m) => m.rcId && m.rcId === line[rcId]);
    if (mark && status !== undefined && line[status] === "Pending Delete") {
      line[status] = mark.status;
      restored++;
    }
  }
  for (const { row, cells } of [...undo.removed].sort((a, b) => a.row - b.row)) {
    const at = Math.min(row - 2, image.rows.length);
    image.rows.splice(
      at,
      0,
      Array.from({ length: image.width }, (_, c) => cells[c] ?? ""),
    );
    restored++;
  }
  writeImage(workbook, image);
  return restored;
}

/** A cell as JSON carries it to the sidebar and back (google.script.run drops a Date). */
function plain(cell: Cell): string | number | boolean {
  return cell instanceof Date ? cell.toISOString() : cell;
}

/** [top, count] of each run of consecutive rows, the lowest run first so that rows above keep their numbers. */
function runsBottomUp(rows: readonly number[]): [number, number][] {
  const sorted = [...rows].sort((a, b) => b - a);
  const runs: [number, number][] = [];
  for (const row of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] === row + 1) {
      last[0] = row;
      last[1]++;
    } else runs.push([row, 1]);
  }
  return runs;
}

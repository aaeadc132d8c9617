import { z } from "zod";
import type { Finding, Severity } from "../domain/finding";
import { headerOf, tabById } from "../domain/tabs";
import { wizardCorrection } from "../domain/user-type";
import { validateWorkspace } from "../domain/validation/index";
import { MARK_COLOURS } from "../workbook/finding-marks";
import type { Workbook } from "../workbook/port";
import { type CellMark, NO_MARK } from "../workbook/port";
import { paintTagCells } from "../workbook/tag-colours";
import { refreshUsersDropdowns } from "../workbook/users-dropdowns";
import { type ReadWorkspace, readWorkspace } from "../workbook/workspace-reader";
import { serverFunction } from "./server-function";

export interface RowsValidation {
  /** Whether the sheet is one of the tabs validation marks (an edit elsewhere is left alone). */
  checked: boolean;
  counts: Record<Severity, number>;
}

/**
 * Validate as you type (the onEdit trigger): reads the workspace once and checks every rule, since a row's findings
 * depend on the others (uniqueness, capacity), but marks only the edited rows, in one block over them. No
 * RingCentral call: the account is as the account tabs last recorded it.
 */
export const validateRows = serverFunction(
  z.object({ sheet: z.string().min(1), top: z.number().int().min(1), bottom: z.number().int().min(1) }),
  (home, input): RowsValidation => {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    const read = readWorkspace(home.workbook);
    const tab = [...read.sheets].find(([, sheet]) => sheet === input.sheet)?.[0];
    const size = tab ? read.sizes.get(tab) : undefined;
    const editable = tab && tabById(tab).editable;
    if (!tab || !size || !editable || size.columns === 0) return { checked: false, counts };
    const top = Math.max(input.top, 2);
    const bottom = Math.min(input.bottom, size.rows);
    if (bottom < top) return { checked: true, counts };
    if (tab === "users") showForcedWizards(home.workbook, read, input.sheet, top, bottom);
    const findings = [...read.findings, ...validateWorkspace(read.workspace)].filter(
      (f) => f.tab === tab && f.row >= top && f.row <= bottom,
    );
    for (const f of findings) counts[f.severity]++;
    const headers = new Map([...(read.columns.get(tab) ?? [])].map(([key, index]) => [headerOf(tab, key), index]));
    const marks = marksOf(findings, headers, top, bottom, size.columns);
    if (tab === "users") paintTagCells(read, marks, top);
    home.workbook.mark(input.sheet, { row: top, column: 1, values: marks });
    // A site typed on the Sites tab joins the Users tab's Site dropdown (a layout call only when the list changed).
    if (tab === "sites") refreshUsersDropdowns(home.workbook);
    return { checked: true, counts };
  },
);

/**
 * Edited rows whose type forces its Setup Wizard (a Limited Extension: Completed) get it written, so the sheet
 * shows what the sync sends: only those cells, one block per run of adjacent rows (a paste may bring many).
 */
function showForcedWizards(workbook: Workbook, read: ReadWorkspace, sheet: string, top: number, bottom: number): void {
  const column = read.columns.get("users")?.get("setupWizard");
  if (column === undefined) return;
  const runs: { row: number; values: string[][] }[] = [];
  for (const user of read.workspace.users) {
    const forced = user.row >= top && user.row <= bottom ? wizardCorrection(user.userType, user.setupWizard) : null;
    if (!forced) continue;
    user.setupWizard = forced;
    const last = runs[runs.length - 1];
    if (last && last.row + last.values.length === user.row) last.values.push([forced]);
    else runs.push({ row: user.row, values: [[forced]] });
  }
  for (const run of runs) workbook.write(sheet, { row: run.row, column: column + 1, values: run.values });
}

/** The marks of rows top..bottom: a note with every message of a cell, the colour of its worst severity. */
function marksOf(findings: Finding[], headers: Map<string, number>, top: number, bottom: number, width: number): CellMark[][] {
  const grid: CellMark[][] = Array.from({ length: bottom - top + 1 }, () => Array.from({ length: width }, () => NO_MARK));
  for (const f of findings) {
    const line = grid[f.row - top] as CellMark[];
    const column = headers.get(f.column) ?? 0;
    const mark = line[column] ?? NO_MARK;
    const colour = MARK_COLOURS[f.severity];
    line[column] = {
      note: mark.note ? `${mark.note}\n${f.message}` : f.message,
      background: mark.background === MARK_COLOURS.error ? mark.background : (colour ?? mark.background),
    };
  }
  return grid;
}

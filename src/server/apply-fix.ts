import { z } from "zod";
import type { Cell } from "../domain/cell";
import type { Finding } from "../domain/finding";
import { groupKey } from "../domain/finding-groups";
import { headerOf } from "../domain/tabs";
import { validateWorkspace } from "../domain/validation/index";
import { readWorkspace } from "../workbook/workspace-reader";
import type { Home } from "./home";
import { serverFunction } from "./server-function";
import { type ValidationReport, validationReport } from "./validate";

export interface FixOutcome {
  /** How many cells were written. */
  applied: number;
  /** The workspace validated again after the write (cells marked), for the panel's list and counts. */
  report: ValidationReport;
}

/**
 * Apply a group's fix: to the rows named, or to every row of the group ("Apply to all N alike"). The fixes are the
 * rules' own, found again on the sheet as it stands now (never a value the sidebar sends), and only the cell each
 * finding names is changed: one block over the fixed rows of that one column, the cells between written back as
 * they were read. Then the workspace is validated again. No rule offers a fix for a secret's cell.
 */
export const applyFix = serverFunction(
  z.object({ group: z.string().min(1), rows: z.array(z.number().int().min(2)).max(20_000).optional() }),
  (home, input): FixOutcome => {
    const read = readWorkspace(home.workbook);
    const wanted = input.rows ? new Set(input.rows) : null;
    const fixes = [...read.findings, ...validateWorkspace(read.workspace)].filter(
      (f) => groupKey(f) === input.group && f.fix?.column === f.column && f.row > 1 && (!wanted || wanted.has(f.row)),
    );
    const first = fixes[0];
    const sheet = first && read.sheets.get(first.tab);
    const column = first && columnOf(read.columns.get(first.tab), first);
    if (!first || !sheet || column === undefined) return { applied: 0, report: validationReport(home, true) };
    writeFixes(home, sheet, column, fixes);
    home.edits?.touch();
    return { applied: fixes.length, report: validationReport(home, true) };
  },
);

function columnOf(columns: ReadonlyMap<string, number> | undefined, finding: Finding): number | undefined {
  for (const [key, index] of columns ?? []) if (headerOf(finding.tab, key) === finding.column) return index;
  return undefined;
}

/** One write: the column's cells from the first fixed row to the last, fixed ones changed, the others as read. */
function writeFixes(home: Home, sheet: string, column: number, fixes: readonly Finding[]): void {
  const byRow = new Map(fixes.map((f) => [f.row, f.fix?.value ?? ""]));
  const rows = [...byRow.keys()];
  const top = rows.reduce((a, b) => Math.min(a, b));
  const bottom = rows.reduce((a, b) => Math.max(a, b));
  const table = home.workbook.read(sheet);
  const values: Cell[][] = [];
  for (let row = top; row <= bottom; row++) values.push([byRow.get(row) ?? table[row - 1]?.[column] ?? ""]);
  home.workbook.write(sheet, { row: top, column: column + 1, values });
}

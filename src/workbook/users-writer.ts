import type { Cell } from "../domain/cell";
import type { UserRecord } from "../domain/records";
import type { UsersKey } from "../domain/tabs";
import type { MergePlan } from "../mapping/merge-plan";
import { encodeRows } from "./codec";
import type { Workbook } from "./port";
import type { ReadWorkspace } from "./workspace-reader";

/**
 * Writes an import's merge plan to the Users tab in at most two blocks: the merged rows (one rectangle from the
 * first to the last, over the Users columns, other cells written back as they were read) and the added rows below
 * the table. Columns the sheet lacks are left out; the sheet's own column order is kept.
 */
export function writeMergePlan(workbook: Workbook, read: ReadWorkspace, plan: MergePlan): void {
  const sheet = read.sheets.get("users");
  const columns = read.columns.get("users") as Map<UsersKey, number> | undefined;
  if (!sheet || !columns || columns.size === 0) return;
  const width = read.sizes.get("users")?.columns ?? 0;
  if (plan.merged.length > 0) writeMerged(workbook, sheet, columns, plan);
  if (plan.added.length > 0) {
    const first = plan.added[0]?.row as number;
    const records = plan.added.map(({ where: _, ...record }) => record);
    workbook.write(sheet, { row: first, column: 1, values: encodeRows(columns, width, records) });
  }
}

function writeMerged(workbook: Workbook, sheet: string, columns: Map<UsersKey, number>, plan: MergePlan): void {
  const rows = plan.merged.map((m) => m.after.row);
  const [top, bottom] = [lowest(rows), highest(rows)];
  const indexes = [...columns.values()];
  const [left, right] = [lowest(indexes), highest(indexes)];
  const table = workbook.read(sheet);
  const block: Cell[][] = [];
  for (let r = top; r <= bottom; r++)
    block.push(Array.from({ length: right - left + 1 }, (_, c) => table[r - 1]?.[left + c] ?? ""));
  for (const { after, changed } of plan.merged) put(block[after.row - top] as Cell[], after, changed, columns, left);
  workbook.write(sheet, { row: top, column: left + 1, values: block });
}

function put(line: Cell[], record: UserRecord, changed: readonly UsersKey[], columns: Map<UsersKey, number>, left: number): void {
  for (const key of changed) {
    const index = columns.get(key);
    if (index !== undefined) line[index - left] = record[key];
  }
}

/** Not Math.min(...numbers): spreading a long array overflows the stack. */
function lowest(numbers: readonly number[]): number {
  return numbers.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
}

function highest(numbers: readonly number[]): number {
  return numbers.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
}

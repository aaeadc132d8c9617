import { cellText } from "../domain/cell";
import { blankRecord } from "../domain/records";
import type { TabDef } from "../domain/tabs";
import { columnIndex, encodeRows } from "./codec";
import type { Cell, Workbook } from "./port";

/**
 * Replaces every data row of a tab the add-in owns with `records`, in one block write of the rows that differ from
 * the sheet's (none when nothing changed), plus one row deletion when the table shrank. The header stays as the
 * sheet has it; columns are placed by header.
 */
export function replaceRows<K extends string>(
  workbook: Workbook,
  sheet: string,
  tab: TabDef<K>,
  records: readonly Partial<Record<K, string>>[],
): void {
  const table = workbook.read(sheet);
  const header = table[0] ?? tab.columns.map((c) => c.header);
  if (table.length === 0) workbook.write(sheet, { row: 1, column: 1, values: [header] });
  const rows = encodeRows(columnIndex(tab, header), header.length, records);
  const differs = (line: Cell[], i: number) => line.some((cell, c) => cellText(cell) !== cellText(table[i + 1]?.[c]));
  const first = rows.findIndex(differs);
  if (first >= 0) {
    let last = rows.length - 1;
    while (last > first && !differs(rows[last] as Cell[], last)) last--;
    workbook.write(sheet, { row: first + 2, column: 1, values: rows.slice(first, last + 1) });
  }
  const stale = table.length - 1 - rows.length;
  if (stale > 0) workbook.deleteRows(sheet, rows.length + 2, stale);
}

/** Appends `records` below the tab's last row, in one block (columns placed by header, missing fields blank). */
export function appendRows<K extends string>(
  workbook: Workbook,
  sheet: string,
  tab: TabDef<K>,
  records: readonly Partial<Record<K, string>>[],
): void {
  if (records.length === 0) return;
  const table = workbook.read(sheet);
  const header = table[0] ?? [];
  const filled = records.map((r) => ({ ...blankRecord(tab), ...r }));
  workbook.write(sheet, {
    row: table.length + 1,
    column: 1,
    values: encodeRows(columnIndex(tab, header), header.length, filled),
  });
}

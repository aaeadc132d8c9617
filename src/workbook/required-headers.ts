import type { TabDef } from "../domain/tabs";
import type { ColumnIndex } from "./codec";
import type { CellMark, Workbook } from "./port";

/** Sheets' "light purple 3": apart from the findings' red and yellow, and from a selection's blue. */
export const REQUIRED_HEADER_COLOUR = "#d9d2e9";

/**
 * Which columns every row must fill, shown on the header cells themselves: a shade and a note ("Required: …"). The
 * header text stays as it is, so every reader that finds columns by header (the codec, the import, the person's own
 * formulas and filters) is unchanged. Other header cells keep their own notes: one read and one block for the row.
 */
export function markRequiredHeaders<K extends string>(
  workbook: Workbook,
  sheet: string,
  tab: TabDef<K>,
  columns: ColumnIndex<K>,
): void {
  const required = tab.columns.filter((c) => c.required && columns.has(c.key));
  if (!tab.editable || required.length === 0) return;
  const width = Math.max(...required.map((c) => columns.get(c.key) as number)) + 1;
  const marks = workbook.marks(sheet, { row: 1, column: 1, rows: 1, columns: width })[0] ?? [];
  const row: CellMark[] = Array.from({ length: width }, (_, i) => marks[i] ?? { note: "", background: null });
  for (const column of required) row[columns.get(column.key) as number] = requiredMark(column.header);
  workbook.mark(sheet, { row: 1, column: 1, values: [row] });
}

export function requiredMark(header: string): CellMark {
  return { note: `Required: fill ${header} on every row.`, background: REQUIRED_HEADER_COLOUR };
}

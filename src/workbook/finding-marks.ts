import type { Finding, Severity } from "../domain/finding";
import { headerOf, TABS, type TabId } from "../domain/tabs";
import { type CellMark, NO_MARK, type Workbook } from "./port";
import { paintTagCells } from "./tag-colours";
import type { ReadWorkspace } from "./workspace-reader";

/** Google's light red and light yellow, as Sheets' own palette has them. */
export const MARK_COLOURS: Record<Severity, string | null> = { error: "#f4c7c3", warning: "#fce8b2", info: null };

/**
 * Puts findings on their cells: a note with every message of the cell and the colour of its worst severity.
 * Each editable tab's data area is written as one block, so old marks are cleared in the same call.
 */
export function markFindings(workbook: Workbook, read: ReadWorkspace, findings: readonly Finding[]): void {
  for (const tab of TABS.filter((t) => t.editable)) {
    const sheet = read.sheets.get(tab.id);
    const size = read.sizes.get(tab.id);
    if (!sheet || !size || size.columns === 0 || size.rows < 2) continue;
    const grid = markGrid(read, tab.id, findings, { rows: size.rows - 1, width: size.columns });
    workbook.mark(sheet, { row: 2, column: 1, values: grid });
  }
}

function markGrid(
  read: ReadWorkspace,
  tab: TabId,
  findings: readonly Finding[],
  size: { rows: number; width: number },
): CellMark[][] {
  const grid: CellMark[][] = Array.from({ length: size.rows }, () => Array.from({ length: size.width }, () => NO_MARK));
  if (tab === "users") paintTagCells(read, grid, 2);
  const headerIndex = new Map<string, number>();
  for (const [key, index] of read.columns.get(tab) ?? []) headerIndex.set(headerOf(tab, key), index);
  for (const finding of findings) {
    if (finding.tab !== tab || finding.row < 2 || finding.row - 2 >= size.rows) continue;
    const line = grid[finding.row - 2] as CellMark[];
    const column = headerIndex.get(finding.column) ?? 0;
    line[column] = merge(line[column] ?? NO_MARK, finding);
  }
  return grid;
}

function merge(mark: CellMark, finding: Finding): CellMark {
  const note = mark.note ? `${mark.note}\n${finding.message}` : finding.message;
  const colour = MARK_COLOURS[finding.severity];
  const background = mark.background === MARK_COLOURS.error ? mark.background : (colour ?? mark.background);
  return { note, background };
}

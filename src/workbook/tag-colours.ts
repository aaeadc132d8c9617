import { readableFill } from "../domain/colour-contrast";
import { userTags } from "../domain/validation/references";
import type { CellMark } from "./port";
import type { ReadWorkspace } from "./workspace-reader";

/**
 * The Tags cells of Users in their tag's colour (the first tag of the cell that has one), so the sheet shows what
 * the sidebar's swatches show, lightened where the cell's text would not read on it (WCAG AA). Findings are marked over
 * them: a problem's colour wins on its cell.
 */
export function paintTagCells(read: ReadWorkspace, grid: CellMark[][], top: number): void {
  const column = read.columns.get("users")?.get("tags");
  if (column === undefined) return;
  const colourOf = new Map(read.workspace.tags.filter((t) => t.color).map((t) => [`${t.key}:${t.value}`, t.color]));
  if (colourOf.size === 0) return;
  for (const user of read.workspace.users) {
    const line = grid[user.row - top];
    const colour = userTags(user.tags)
      .map((tag) => colourOf.get(tag))
      .find(Boolean);
    const mark = line?.[column];
    // A cell a finding marked keeps its mark: the problem matters more than the label.
    if (line && colour && mark && !mark.note && !mark.background) line[column] = { note: "", background: readableFill(colour) };
  }
}

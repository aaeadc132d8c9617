import { RangeRef, type RuleModel, type SheetModel, type SheetsDocument } from "../apps-script-runtime/spreadsheet/document";
import { type Cell, cellText } from "../domain/cell";

/** A sheet as the playground's grid draws it. */
export interface SheetView {
  name: string;
  /** People type here; a protected sheet (the add-in's own tabs) is read-only in the grid. */
  editable: boolean;
  /** Values as the cells show them, from A1 to the last filled row and column. */
  rows: string[][];
  /** Notes and colours on cells (validation's marks), 1-based. */
  marks: { row: number; column: number; note: string; background: string | null }[];
  /** Rows hidden (a tag filter), 1-based. */
  hiddenRows: number[];
  /**
   * The dropdowns people choose from, by 1-based column: the choices of a list or range validation on the column's
   * first data row (Set up workspace validates whole columns), as Sheets shows them in the cell.
   */
  dropdowns: Record<number, string[]>;
}

/** The person's cursor, as the sidebar moves it (a click on a finding). */
export interface CursorView {
  sheet: string;
  row: number;
  column: number;
}

/** Every sheet of the spreadsheet as the grid shows it. */
export function sheetsOf(document: SheetsDocument): SheetView[] {
  return document.sheets.map((sheet) => {
    const lastRow = sheet.lastFilled("row");
    const lastColumn = sheet.lastFilled("column");
    const rows: string[][] = [];
    const marks: SheetView["marks"] = [];
    for (let r = 1; r <= lastRow; r++) {
      const line: string[] = [];
      for (let c = 1; c <= lastColumn; c++) {
        const cell = sheet.cell(r, c);
        line.push(cellText(cell.value));
        if (cell.note || cell.background) marks.push({ row: r, column: c, note: cell.note, background: cell.background });
      }
      rows.push(line);
    }
    return {
      name: sheet.name,
      editable: !sheet.protections.some((p) => !p.area),
      rows,
      marks,
      hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
      dropdowns: dropdownsOf(sheet, lastColumn),
    };
  });
}

function dropdownsOf(sheet: SheetModel, lastColumn: number): Record<number, string[]> {
  const dropdowns: Record<number, string[]> = {};
  for (let c = 1; c <= lastColumn; c++) {
    const choices = choicesOf(sheet.cell(2, c).validation);
    if (choices.length) dropdowns[c] = choices;
  }
  return dropdowns;
}

/** A list rule's values, or the filled cells of a range rule's range. */
function choicesOf(rule: RuleModel | null): string[] {
  const [source, shown = true] = rule?.args ?? [];
  if (!rule || shown === false) return [];
  if (rule.criteria === "VALUE_IN_LIST" && Array.isArray(source)) return source.map((v) => cellText(v as Cell));
  if (rule.criteria !== "VALUE_IN_RANGE" || !(source instanceof RangeRef)) return [];
  const { sheet, area } = source;
  const last = Math.min(area.row + area.numRows - 1, sheet.lastFilled("row"));
  const values: string[] = [];
  for (let r = area.row; r <= last; r++)
    for (let c = area.column; c < area.column + area.numColumns; c++) values.push(cellText(sheet.cell(r, c).value));
  return [...new Set(values.filter(Boolean))];
}

/** Where the person's cursor is: the current cell of their selection on their active sheet. */
export function cursorOf(document: SheetsDocument, person: string): CursorView | null {
  const view = document.viewOf(person);
  const sheet = view.activeSheet;
  const area = sheet ? view.selections.get(sheet)?.at(-1) : undefined;
  if (!sheet || !area) return null;
  return { sheet: sheet.name, row: area.row, column: area.column };
}

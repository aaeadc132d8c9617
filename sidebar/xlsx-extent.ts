import type { SourceLimits } from "../src/server/list-tabs";

/**
 * How far each sheet of an .xlsx reaches, read from its XML before read-excel-file turns it into rows: read-excel-file
 * fills every row up to the farthest value with empty cells, so one value at XFD1048576 (a 1.8 KB file) asks for 17
 * billion of them and takes the browser tab down. The same limits as the CLI's are applied, in its words: the
 * rectangle from A1 to the farthest value, and the cells and rows stored with those a merge or a data validation
 * covers (the CLI's reader expands those cell by cell).
 *
 * The sheet's `<dimension ref>` is read but does not decide: it is advisory (Excel counts formatted empty cells in it,
 * another writer may leave it stale or out), so a small one could hide a far value and a large one would refuse a
 * file the CLI reads. The cells present decide.
 */

export interface SheetXml {
  name: string;
  xml: string;
}

export interface SheetExtent {
  /** `<dimension ref>`, as the file says it; "" when it has none. */
  dimension: string;
  /** Rows and columns from A1 to the farthest cell holding a value. */
  rows: number;
  columns: number;
  /** `<c>` and `<row>` elements, values or not. */
  stored: number;
  /** The farthest row or column any element names, valued or not (a row read-excel-file makes whatever it holds). */
  farthestRow: number;
  farthestColumn: number;
  /** Merged and validated areas, each with the cells it covers. */
  covered: { ref: string; cells: number; by: "merges" | "has a data validation over" }[];
}

/** Excel's grid: a row or column past it is no sheet Excel or Sheets wrote. */
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

/** The first sheet that is over a limit, as one sentence naming the file, the sheet and the limit; or null. */
export function xlsxExtentProblem(file: string, sheets: SheetXml[], limits: SourceLimits): string | null {
  let stored = 0;
  for (const { name, xml } of sheets) {
    const extent = sheetExtent(xml);
    if (extent.farthestRow > EXCEL_ROWS || extent.farthestColumn > EXCEL_COLUMNS)
      return `${file}: sheet ${name} names a cell beyond Excel's last row or column, so the file is damaged: open it in Excel or Sheets and save it again.`;
    const cells = extent.rows * extent.columns;
    if (cells > limits.sheetCells)
      return `${file}: Sheet ${name} spans A1:${columnLetter(extent.columns)}${extent.rows} (${bigCount(cells)} cells); the limit is ${count(limits.sheetCells)} cells: delete the far cells or copy the data to a new workbook.`;
    stored += extent.stored;
    for (const area of extent.covered) {
      stored += area.cells;
      if (area.cells > limits.storedCells / 2)
        return `${file}: Sheet ${name} ${area.by} ${area.ref} (${bigCount(area.cells)} cells, each counted); the limit is ${count(limits.storedCells)} cells: clear that, or copy the data to a new workbook.`;
    }
    if (stored > limits.storedCells)
      return `${file}: its sheets store ${bigCount(stored)} cells and rows; the limit is ${count(limits.storedCells)}: delete the rows and columns you do not need (formatted empty ones count too), or copy the data to a new workbook.`;
  }
  return null;
}

export function sheetExtent(xml: string): SheetExtent {
  const extent: SheetExtent = {
    dimension: /<dimension\s[^>]*?\bref="([^"]*)"/.exec(xml)?.[1] ?? "",
    rows: 0,
    columns: 0,
    stored: 0,
    farthestRow: 0,
    farthestColumn: 0,
    covered: [],
  };
  for (const [, r = "0"] of xml.matchAll(/<row\b[^>]*?\br="(\d+)"/g)) {
    extent.stored++;
    extent.farthestRow = Math.max(extent.farthestRow, Number(r));
  }
  const cell = /<c\b([^>]*?)(\/?)>/g;
  for (let found = cell.exec(xml); found; found = cell.exec(xml)) {
    extent.stored++;
    const at = /\br="([A-Za-z]+)(\d+)"/.exec(found[1] ?? "");
    if (!at) continue;
    const [row, column] = [Number(at[2]), columnNumber(at[1] ?? "")];
    extent.farthestRow = Math.max(extent.farthestRow, row);
    extent.farthestColumn = Math.max(extent.farthestColumn, column);
    if (found[2] === "/") continue;
    const end = xml.indexOf("</c>", cell.lastIndex);
    if (end < 0) break;
    if (holdsValue(xml.slice(cell.lastIndex, end))) {
      extent.rows = Math.max(extent.rows, row);
      extent.columns = Math.max(extent.columns, column);
    }
    cell.lastIndex = end + 4;
  }
  for (const [, element, refs = ""] of xml.matchAll(/<(mergeCell|dataValidation)\s[^>]*?\b(?:ref|sqref)="([^"]*)"/g))
    for (const ref of refs.split(/\s+/).filter(Boolean))
      extent.covered.push({ ref, cells: cellsOf(ref), by: element === "mergeCell" ? "merges" : "has a data validation over" });
  return extent;
}

/** A `<v>` with text, or an inline string with text (read-excel-file reads an empty one as no value). */
function holdsValue(content: string): boolean {
  return /<v>\s*[^<\s]/.test(content) || /<t(?:\s[^>]*)?>\s*[^<\s]/.test(content);
}

function cellsOf(ref: string): number {
  const [from = "", to = from] = ref.split(":");
  const [a, b] = [cellOf(from), cellOf(to)];
  return (Math.abs(b.row - a.row) + 1) * (Math.abs(b.column - a.column) + 1);
}

function cellOf(address: string): { row: number; column: number } {
  const found = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(address.trim());
  return found ? { row: Number(found[2]), column: columnNumber(found[1] ?? "") } : { row: 0, column: 0 };
}

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, char) => n * 26 + char.charCodeAt(0) - 64, 0);
}

function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

function bigCount(n: number): string {
  if (n >= 1e9) return `${count(Math.round(n / 1e9))} billion`;
  if (n >= 1e6) return `${Math.round(n / 1e5) / 10} million`;
  return count(n);
}

/**
 * The sheets' names by their parts (`xl/worksheets/sheet1.xml`), from the workbook and its relationships: the names
 * the person knows the sheets by.
 */
export function sheetPartNames(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const [element = ""] of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(element)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(element)?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const [element = ""] of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(element)?.[1];
    const id = /\br:id="([^"]*)"/.exec(element)?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name && part) names.set(part, unescapeXml(name));
  }
  return names;
}

function unescapeXml(text: string): string {
  return text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, entity: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[entity] ?? "",
  );
}

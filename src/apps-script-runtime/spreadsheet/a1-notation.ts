/** A rectangle of a sheet, 1-based, as Apps Script's getRange(row, column, numRows, numColumns) takes it. */
export interface Area {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
}

/** "B3" or "B3:D7". */
export function a1Of(at: Area): string {
  const start = `${columnLetters(at.column)}${at.row}`;
  if (at.numRows === 1 && at.numColumns === 1) return start;
  return `${start}:${columnLetters(at.column + at.numColumns - 1)}${at.row + at.numRows - 1}`;
}

/** A reference with an optional sheet: `'My sheet'!B3:D7`, `Sites!A2`, `C4`. */
export interface Reference {
  sheet: string | null;
  area: Area;
}

const SHEET = /^(?:'((?:[^']|'')+)'|([^'!]+))!/;
const CELLS = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i;

/** Null when the text is not A1 notation (open-ended ranges such as "A:A" are not supported). */
export function parseReference(text: string): Reference | null {
  const trimmed = text.trim().replace(/^=/, "");
  const sheetMatch = SHEET.exec(trimmed);
  const sheet = sheetMatch ? (sheetMatch[1]?.replace(/''/g, "'") ?? sheetMatch[2] ?? null) : null;
  const cells = CELLS.exec(sheetMatch ? trimmed.slice(sheetMatch[0].length) : trimmed);
  if (!cells) return null;
  const [, startColumn = "", startRow = "", endColumn = startColumn, endRow = startRow] = cells;
  const [top, bottom] = [Number(startRow), Number(endRow)].sort((a, b) => a - b) as [number, number];
  const [left, right] = [columnNumber(startColumn), columnNumber(endColumn)].sort((a, b) => a - b) as [number, number];
  return { sheet, area: { row: top, column: left, numRows: bottom - top + 1, numColumns: right - left + 1 } };
}

/** `'Sites'!$A$2:$A$1000`: always quoted, absolute, as Sheets exports a validation's source range. */
export function absoluteReference(sheet: string, at: Area): string {
  const corner = (row: number, column: number) => `$${columnLetters(column)}$${row}`;
  const end = corner(at.row + at.numRows - 1, at.column + at.numColumns - 1);
  return `'${sheet.replace(/'/g, "''")}'!${corner(at.row, at.column)}:${end}`;
}

/** A1 addresses as an .xlsx file writes them: `B7`, `$B$7`, `B2:C1000`. */

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `B7` or `B2:C1000` as rows and columns (an unreadable address is row 0, column 0). */
export function areaOf(address: string): Area {
  const [from = "", to = from] = address.split(":");
  const [a, b] = [cellOf(from), cellOf(to)];
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/** How many cells an area covers: A1:XFD1048576 is 17 billion. */
export function cellsOf(area: Area): number {
  return (area.bottom - area.top + 1) * (area.right - area.left + 1);
}

export function cellOf(address: string): { row: number; column: number } {
  const found = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  return found ? { row: Number(found[2]), column: columnNumber(found[1] ?? "") } : { row: 0, column: 0 };
}

export function columnLetter(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, char) => n * 26 + char.charCodeAt(0) - 64, 0);
}

/** A cell as a spreadsheet hands it over: '' when empty, numbers, booleans and dates typed. */
export type Cell = string | number | boolean | Date;

/** The text a person sees in a cell, trimmed. Numbers never turn into exponent notation. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined || cell === "") return "";
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "number")
    return Number.isInteger(cell) ? cell.toLocaleString("en-US", { useGrouping: false }) : String(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return Number.isNaN(cell.getTime()) ? "" : cell.toISOString();
}

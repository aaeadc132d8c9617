/** A cell as a spreadsheet hands it over: '' when empty, numbers, booleans and dates typed. */
export type Cell = string | number | boolean | Date;

/** The text a person sees in a cell, trimmed. Numbers never turn into exponent notation. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined || cell === "") return "";
  if (typeof cell === "string") return cell.trim();
  // String() writes every integer below 1e21 in plain digits, and at a fraction of toLocaleString's cost (a 5,000-row
  // sheet reads tens of thousands of number cells an execution).
  if (typeof cell === "number")
    return Number.isInteger(cell) && Math.abs(cell) >= 1e21 ? cell.toLocaleString("en-US", { useGrouping: false }) : String(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return Number.isNaN(cell.getTime()) ? "" : cell.toISOString();
}

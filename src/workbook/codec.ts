import { type Cell, cellText } from "../domain/cell";
import type { Finding } from "../domain/finding";
import { blankRecord } from "../domain/records";
import type { TabDef } from "../domain/tabs";

/** Where each column of a tab stands in its sheet: key → 0-based index, found by header text. */
export type ColumnIndex<K extends string> = Map<K, number>;

export interface DecodedTab<K extends string> {
  records: ({ row: number } & Record<K, string>)[];
  columns: ColumnIndex<K>;
  findings: Finding[];
}

/**
 * A sheet's table (row 1 the header) → records of that tab. Columns are found by header, whatever their order;
 * blank rows are skipped; a number in a text column is accepted and flagged, since leading zeros may be gone.
 */
export function decodeTab<K extends string>(tab: TabDef<K>, table: readonly Cell[][]): DecodedTab<K> {
  const columns = columnIndex(tab, table[0] ?? []);
  const findings: Finding[] = missingColumns(tab, columns);
  const records: ({ row: number } & Record<K, string>)[] = [];
  // Each column's place looked up once, not once a cell: a 10,000-row tab has a quarter of a million cells.
  const places = tab.columns.map((column) => ({ column, index: columns.get(column.key) }));
  for (let r = 1; r < table.length; r++) {
    const cells = table[r] as Cell[];
    if (cells.every((c) => c === "")) continue;
    // Values written over a blank record's keys: the records share one shape (see blankRecord).
    const record = blankRecord(tab, r + 1);
    for (const { column, index } of places) {
      const cell = index === undefined ? "" : cells[index];
      (record as Record<string, unknown>)[column.key] = cellText(cell);
      if (column.text && typeof cell === "number" && tab.editable)
        findings.push(numberInTextColumn(tab, r + 1, column.header, cell));
    }
    records.push(record);
  }
  return { records, columns, findings };
}

/** Records → rows of cells in the sheet's own column order (columns it lacks are left out). */
export function encodeRows<K extends string>(
  columns: ColumnIndex<K>,
  width: number,
  records: readonly Partial<Record<K, string>>[],
): Cell[][] {
  return records.map((record) => {
    const line: Cell[] = Array.from({ length: width }, () => "");
    for (const [key, index] of columns) line[index] = record[key] ?? "";
    return line;
  });
}

export function columnIndex<K extends string>(tab: TabDef<K>, header: readonly Cell[]): ColumnIndex<K> {
  const byHeader = new Map<string, number>();
  header.forEach((cell, i) => {
    // "Email *": the template marks required columns with a star; the column is still Email.
    const text = cellText(cell)
      .toLowerCase()
      .replace(/\s*\*$/, "");
    if (text && !byHeader.has(text)) byHeader.set(text, i);
  });
  const index: ColumnIndex<K> = new Map();
  for (const column of tab.columns) {
    const at = byHeader.get(column.header.toLowerCase());
    if (at !== undefined) index.set(column.key, at);
  }
  return index;
}

function missingColumns<K extends string>(tab: TabDef<K>, columns: ColumnIndex<K>): Finding[] {
  const missing = tab.columns.filter((c) => !columns.has(c.key));
  if (missing.length === 0) return [];
  const required = missing.some((c) => c.required);
  return [
    {
      tab: tab.id,
      row: 0,
      column: "",
      severity: required ? "error" : "warning",
      rule: "tab.columns",
      message: `The ${tab.name} tab lacks the column${missing.length > 1 ? "s" : ""} ${missing.map((c) => c.header).join(", ")}: run Set up workspace to add ${missing.length > 1 ? "them" : "it"}.`,
    },
  ];
}

function numberInTextColumn(tab: TabDef, row: number, header: string, value: number): Finding {
  return {
    tab: tab.id,
    row,
    column: header,
    severity: "warning",
    rule: "cell.number",
    message: `${header} arrived as the number ${cellText(value)}: if it had leading zeros they are gone. Format the column as plain text (Set up workspace does) and retype it.`,
  };
}

import { USERS_TAB } from "../domain/tabs";
import type { FieldMapping } from "./mapping";
import { type ImportProblem, importError } from "./problem";
import type { ValuesForAll } from "./values-for-all";

/**
 * The gate, one rule for the sidebar and the CLI: the documentation's required fields (User Type, First Name, Last
 * Name, Email, Ext, Site) that are neither mapped to a source field nor given one value for all rows. Only new
 * rows are gated: a row that merges keeps what the sheet has in the columns the import leaves alone.
 */
export function requiredWithoutSource(mapping: FieldMapping, values: ValuesForAll, addsRows: boolean): string[] {
  if (!addsRows) return [];
  return USERS_TAB.columns
    .filter((column) => column.required && mapping[column.key] === null && !values[column.key])
    .map((column) => column.header);
}

/** The gate as one problem naming every field it waits for, or none. */
export function gateProblems(missing: readonly string[]): ImportProblem[] {
  if (missing.length === 0) return [];
  const one = missing.length === 1;
  return [
    importError(
      "mapping",
      `${starred(missing)} ${one ? "is" : "are"} required: map a field of the source to ${one ? "it" : "each"}, or give ${one ? "it" : "each"} one value for all rows.`,
    ),
  ];
}

/** "User Type *, Ext * and Site *". */
export function starred(headers: readonly string[]): string {
  const names = headers.map((h) => `${h} *`);
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

import { z } from "zod";
import type { Cell } from "../domain/cell";
import { parseCsv } from "../mapping/csv";
import { sourceTableRefusal } from "../mapping/limits";
import { mappingFromHeaders } from "../mapping/mapping";
import { type ImportProblem, importError } from "../mapping/problem";
import type { SourceSheet } from "../mapping/source-sheet";
import { mapSource } from "../workbook/import-run";
import type { Home } from "./home";

/**
 * Where the import wizard's rows come from: CSV text the sidebar read from a file or a paste (an .xlsx upload is
 * read in the sidebar into rows, sent as `rows`), or another tab of this spreadsheet.
 */
export const ImportSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("csv"), text: z.string() }),
  z.object({ kind: z.literal("rows"), rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean()]))) }),
  z.object({ kind: z.literal("tab"), sheet: z.string().min(1) }),
]);

export const Orientation = z.enum(["auto", "horizontal", "vertical"]).default("auto");

/** A mapping from the wizard: Users column headers to source fields (null: not mapped). */
export const Fields = z.record(z.string(), z.string().nullable());

export const ImportInput = z.object({ source: ImportSource, orientation: Orientation, fields: Fields });

/** The table of a source, or the problem that stops it (an empty or binary file, a sheet that is not there). */
export function sourceTable(home: Home, source: z.output<typeof ImportSource>): { table: Cell[][] } | { problem: ImportProblem } {
  if (source.kind === "csv") {
    const parsed = parseCsv(source.text);
    return parsed.ok ? { table: parsed.rows } : { problem: parsed.problem };
  }
  if (source.kind === "tab" && !home.workbook.sheets().some((s) => s.name === source.sheet))
    return { problem: importError("", `There is no tab named "${source.sheet}" in this spreadsheet.`) };
  const table = source.kind === "rows" ? source.rows : home.workbook.read(source.sheet);
  const tooLarge = sourceTableRefusal(table);
  return tooLarge ? { problem: importError("", tooLarge) } : { table };
}

/** The source read in the orientation and with the fields the person chose, or the problems that stop it. */
export function chosenSource(
  home: Home,
  input: z.output<typeof ImportInput>,
): { sheet: SourceSheet; mapping: ReturnType<typeof mappingFromHeaders>["mapping"] } | { problems: ImportProblem[] } {
  const read = sourceTable(home, input.source);
  if ("problem" in read) return { problems: [read.problem] };
  const { mapping, problems } = mappingFromHeaders(input.fields);
  if (problems.length > 0) return { problems };
  return { sheet: mapSource(read.table, input.orientation).sheet, mapping };
}

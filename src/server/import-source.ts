import { z } from "zod";
import type { Cell } from "../domain/cell";
import { parseCsv } from "../mapping/csv";
import { sheetSpanRefusal, sourceTableRefusal } from "../mapping/limits";
import { type FieldMapping, mappingFromHeaders } from "../mapping/mapping";
import { type ImportProblem, importError } from "../mapping/problem";
import type { SourceSheet } from "../mapping/source-sheet";
import { type ValueMapping, valueMappingFromHeaders } from "../mapping/value-mapping";
import { type ValuesForAll as ValuesForAllByKey, valuesFromHeaders } from "../mapping/values-for-all";
import { mapSource } from "../workbook/import-run";
import type { Home } from "./home";
import type { OpenedSpreadsheet } from "./other-spreadsheets";
import { NOT_A_LINK, spreadsheetIdOf } from "./spreadsheet-link";

/**
 * Where the import wizard's rows come from: CSV text the sidebar read from a file or a paste (an .xlsx upload is
 * read in the sidebar into rows, sent as `rows`), another tab of this spreadsheet, or a tab of another spreadsheet
 * (its link or id).
 */
export const ImportSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("csv"), text: z.string() }),
  z.object({ kind: z.literal("rows"), rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean()]))) }),
  z.object({ kind: z.literal("tab"), sheet: z.string().min(1) }),
  z.object({ kind: z.literal("spreadsheet"), link: z.string().min(1), sheet: z.string().min(1) }),
]);

export const Orientation = z.enum(["auto", "horizontal", "vertical"]).default("auto");

/** A mapping from the wizard: Users column headers to source fields (null: not mapped). */
export const Fields = z.record(z.string(), z.string().nullable());

/** Users column headers to one value given to every imported row (Site = "Main"); a blank value gives nothing. */
export const ValuesForAll = z.record(z.string(), z.string()).default({});

/** Column header ("User Type") → source value → what it becomes; a null is no choice (the proposal stands). */
export const ValueChoices = z.record(z.string(), z.record(z.string(), z.string().nullable())).default({});

export const ImportInput = z.object({
  source: ImportSource,
  orientation: Orientation,
  fields: Fields,
  values: ValuesForAll,
  valueMapping: ValueChoices,
});

/** The table of a source, or the problem that stops it (an empty or binary file, a sheet that is not there). */
export function sourceTable(home: Home, source: z.output<typeof ImportSource>): { table: Cell[][] } | { problem: ImportProblem } {
  if (source.kind === "csv") {
    const parsed = parseCsv(source.text);
    return parsed.ok ? { table: parsed.rows } : { problem: parsed.problem };
  }
  if (source.kind === "rows") return bounded(source.rows);
  const opened =
    source.kind === "tab" ? { name: "this spreadsheet", workbook: home.workbook } : openSpreadsheet(home, source.link);
  if ("refusal" in opened) return { problem: importError("", opened.refusal) };
  if (!opened.workbook.sheets().some((s) => s.name === source.sheet))
    return { problem: importError("", `There is no tab named "${source.sheet}" in ${quoted(opened, source.kind)}.`) };
  if ("span" in opened) {
    // Another spreadsheet may be of any size Sheets allows (10 million cells): its size first, its values only within the limit.
    const { rows, columns } = opened.span(source.sheet);
    const tooLarge = sheetSpanRefusal(source.sheet, rows, columns);
    if (tooLarge) return { problem: importError("", `In ${quoted(opened, source.kind)}: ${tooLarge}`) };
  }
  return bounded(opened.workbook.read(source.sheet));
}

/** Another spreadsheet by its link, or why it cannot be opened, in words the person can act on. */
export function openSpreadsheet(home: Home, link: string): OpenedSpreadsheet | { refusal: string } {
  const id = spreadsheetIdOf(link);
  if (id === null) return { refusal: NOT_A_LINK };
  if (!home.spreadsheets) return { refusal: "Other spreadsheets cannot be opened here: import a file instead." };
  return home.spreadsheets.open(id);
}

function bounded(table: Cell[][]): { table: Cell[][] } | { problem: ImportProblem } {
  const tooLarge = sourceTableRefusal(table);
  return tooLarge ? { problem: importError("", tooLarge) } : { table };
}

function quoted(opened: { name: string }, kind: "tab" | "spreadsheet"): string {
  return kind === "tab" ? opened.name : `the spreadsheet "${opened.name}"`;
}

/**
 * The source read in the orientation and with the fields, the values for all rows and the value choices the person
 * made, or the problems that stop it.
 */
export function chosenSource(
  home: Home,
  input: z.output<typeof ImportInput>,
):
  | { sheet: SourceSheet; mapping: FieldMapping; values: ValuesForAllByKey; valueMapping: ValueMapping }
  | { problems: ImportProblem[] } {
  const read = sourceTable(home, input.source);
  if ("problem" in read) return { problems: [read.problem] };
  const { mapping, problems } = mappingFromHeaders(input.fields);
  const given = valuesFromHeaders(input.values);
  const chosen = valueMappingFromHeaders(input.valueMapping);
  const all = [...problems, ...given.problems, ...chosen.problems];
  if (all.length > 0) return { problems: all };
  return { sheet: mapSource(read.table, input.orientation).sheet, mapping, values: given.values, valueMapping: chosen.values };
}

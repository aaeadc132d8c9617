import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { z } from "zod";
import { starred } from "../../mapping/import-gate";
import { type FieldMapping, mappingFromHeaders } from "../../mapping/mapping";
import { type OrientationChoice, readSourceSheet } from "../../mapping/source-sheet";
import { overValues, valueMappingFromHeaders } from "../../mapping/value-mapping";
import { type ValuesForAll, valuesFromHeaders } from "../../mapping/values-for-all";
import { applyImport, type ImportPreview, mapSource, planImport } from "../../workbook/import-run";
import { readSourceFile } from "../source-file";
import { XlsxWorkbook } from "../xlsx-workbook";
import { orientationOption } from "./map";
import { UsageError } from "./usage-error";
import { valueOption } from "./value-option";

const MappingFile = z.object({
  orientation: z.enum(["horizontal", "vertical"]).optional(),
  fields: z.record(z.string(), z.string().nullable()),
  /** Column header → source value → what it becomes (null: no choice, the proposal stands). */
  values: z.record(z.string(), z.record(z.string(), z.string().nullable())).optional(),
});

/**
 * `rcsheets import <file> --into <workbook.xlsx> [--mapping m.json] [--set "Site=Main"]… [--value "Site:NYC=New York"]…
 * [--yes]`: source values are mapped as the file (else the remembered mapping) and the flags say, the others as
 * proposed; without --yes,
 * the preview (rows added, merged, unchanged; problems; validation of the imported rows) and nothing written; with
 * --yes, written atomically. Exit 1 when the source or the mapping stops the import; the gate (a required field
 * neither mapped nor given while rows would be added) is refused in one line.
 */
export function importCommand(program: Command): void {
  program
    .command("import")
    .description("import a CSV or .xlsx file into the Users tab of a workspace: preview, then --yes to write")
    .argument("<file>", "the source: .csv (any delimiter) or .xlsx")
    .requiredOption("--into <workbook>", "the workspace, an .xlsx file")
    .option("--mapping <file>", "a mapping as `rcsheets map --json` prints it (default: remembered, else proposed)")
    .option("--orientation <o>", "auto, horizontal or vertical", "auto")
    .option(
      "--set <field=value>",
      'one value for every imported row, in place of a source field (repeatable): --set "Site=Main" --set "User Type=User"',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option(
      "--value <column:value=target>",
      'what one source value becomes, over the proposal (repeatable): --value "User Type:RingEX Standard=User" --value "Site:NYC=New York"',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option("--yes", "write the import (otherwise only the preview is printed)")
    .option("--json", "print the preview as one JSON object")
    .action(
      async (
        file: string,
        options: {
          into: string;
          mapping?: string;
          orientation: string;
          set: string[];
          value: string[];
          yes?: boolean;
          json?: boolean;
        },
      ) => {
        const given = valuesOption(options.set);
        const flagged = valueOption(options.value);
        const [table, workbook] = await Promise.all([readSourceFile(file), XlsxWorkbook.open(options.into)]);
        const fromFile = options.mapping ? await mappingFile(options.mapping) : null;
        const orientation = orientationFor(table, orientationOption(options.orientation), fromFile);
        const mapped = fromFile ? null : mapSource(table, orientation, workbook);
        const sheet = mapped?.sheet ?? readSourceSheet(table, orientation);
        const chosenValues = overValues(fromFile?.values ?? mapped?.values ?? {}, flagged);
        const planned = planImport(workbook, sheet, fromFile?.mapping ?? (mapped?.mapping as FieldMapping), given, chosenValues);
        planned.preview.problems.unshift(...(fromFile?.problems ?? []));
        if (fromFile?.problems.length) planned.preview.canApply = false;
        if (options.json) console.log(JSON.stringify(planned.preview));
        // The gate alone says so in one line; a source with its own errors is shown whole, the gate among them.
        const errors = planned.preview.problems.filter((p) => p.severity === "error").length;
        if (planned.unsourced.length > 0 && errors === 1) {
          console.error(gateRefusal(planned.unsourced));
          process.exitCode = 1;
          return;
        }
        if (!options.json) printPreview(planned.preview, mapped?.remembered ?? false);
        if (!planned.preview.canApply) {
          process.exitCode = 1;
          return;
        }
        if (!options.yes) {
          if (!options.json) console.log("Nothing written: run again with --yes to import.");
          return;
        }
        applyImport(workbook, planned, new Date().toISOString());
        await workbook.save(options.into);
        if (!options.json) console.log(`Wrote ${options.into}.`);
      },
    );
}

/**
 * The orientation applies to one file: --orientation when given, else detection. A mapping file's orientation (the
 * one `map --json` printed for the file it was made from) is taken only when the fields it names are this file's
 * headers that way and not as detected: a mapping made from a vertical sheet does not turn the next horizontal file.
 */
function orientationFor(
  table: Awaited<ReturnType<typeof readSourceFile>>,
  chosen: OrientationChoice,
  fromFile: { orientation?: "horizontal" | "vertical" | undefined; mapping: FieldMapping } | null,
): OrientationChoice {
  if (chosen !== "auto" || !fromFile?.orientation) return chosen;
  const sources = Object.values(fromFile.mapping).filter((s): s is string => s !== null);
  const holds = (orientation: OrientationChoice) => {
    const headers = new Set(readSourceSheet(table, orientation).headers);
    return sources.every((s) => headers.has(s));
  };
  return !holds("auto") && holds(fromFile.orientation) ? fromFile.orientation : "auto";
}

/** `--set "Site=Main"`, a column set twice takes the last; a column the Users tab lacks is refused by name. */
function valuesOption(set: readonly string[]): ValuesForAll {
  const given: Record<string, string> = {};
  for (const pair of set) {
    const at = pair.indexOf("=");
    // The pair itself is not repeated: what was typed may be a secret.
    if (at < 1) throw new UsageError(`--set needs "Field=value", e.g. --set "Site=Main": one of them has no "=".`);
    given[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  const { values, problems } = valuesFromHeaders(given);
  if (problems[0]) throw new UsageError(`--set: ${problems[0].message}`);
  return values;
}

function gateRefusal(unsourced: readonly string[]): string {
  const one = unsourced.length === 1;
  return `Import refused: ${starred(unsourced)} ${one ? "is" : "are"} required and neither mapped nor given: map a source field to ${one ? "it" : "each"} (--mapping) or give ${one ? "it" : "each"} one value for all rows (--set "${unsourced[0]}=…"). Nothing written.`;
}

async function mappingFile(path: string) {
  const text = await readFile(path, "utf8").catch(() => {
    throw new Error(`--mapping ${path}: there is no such file.`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`--mapping ${path} is not JSON: write it as \`rcsheets map --json\` prints a mapping.`);
  }
  const parsed = MappingFile.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `--mapping ${path} is not a mapping: ${z.prettifyError(parsed.error)}. Write it as \`rcsheets map --json\` prints one.`,
    );
  const fields = mappingFromHeaders(parsed.data.fields);
  const values = valueMappingFromHeaders(parsed.data.values ?? {});
  return {
    orientation: parsed.data.orientation,
    mapping: fields.mapping,
    values: values.values,
    problems: [...fields.problems, ...values.problems],
  };
}

function printPreview(preview: ImportPreview, remembered: boolean): void {
  if (remembered) console.log("Using the mapping remembered for these headers.");
  const { added, merged, unchanged } = preview.counts;
  console.log(`${added} added, ${merged} merged, ${unchanged} unchanged.`);
  if (preview.newSites.length > 0)
    console.log(`New sites for the Sites tab (fill in their address before a sync): ${preview.newSites.join(", ")}.`);
  for (const p of preview.problems) console.log(`${p.severity.padEnd(7)} ${p.where || "source"}: ${p.message}`);
  for (const f of preview.findings)
    console.log(`${f.severity.padEnd(7)} ${f.place}${f.column ? ` (${f.column})` : ""}: ${f.message}`);
  const errors = preview.findings.filter((f) => f.severity === "error").length;
  console.log(
    `${errors} errors in the imported rows${errors > 0 ? ": the rows are imported all the same; fix them in the sheet before a sync" : ""}.`,
  );
}

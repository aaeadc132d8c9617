import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { z } from "zod";
import { type FieldMapping, mappingFromHeaders } from "../../mapping/mapping";
import { readSourceSheet } from "../../mapping/source-sheet";
import { applyImport, type ImportPreview, mapSource, planImport } from "../../workbook/import-run";
import { readSourceFile } from "../source-file";
import { XlsxWorkbook } from "../xlsx-workbook";
import { orientationOption } from "./map";

const MappingFile = z.object({
  orientation: z.enum(["horizontal", "vertical"]).optional(),
  fields: z.record(z.string(), z.string().nullable()),
});

/**
 * `rcsheets import <file> --into <workbook.xlsx> [--mapping m.json] [--yes]`: without --yes, the preview (rows added,
 * merged, unchanged; problems; validation of the imported rows) and nothing written; with --yes, written atomically.
 * Exit 1 when the source or the mapping stops the import.
 */
export function importCommand(program: Command): void {
  program
    .command("import")
    .description("import a CSV or .xlsx file into the Users tab of a workspace: preview, then --yes to write")
    .argument("<file>", "the source: .csv (any delimiter) or .xlsx")
    .requiredOption("--into <workbook>", "the workspace, an .xlsx file")
    .option("--mapping <file>", "a mapping as `rcsheets map --json` prints it (default: remembered, else proposed)")
    .option("--orientation <o>", "auto, horizontal or vertical", "auto")
    .option("--yes", "write the import (otherwise only the preview is printed)")
    .option("--json", "print the preview as one JSON object")
    .action(
      async (file: string, options: { into: string; mapping?: string; orientation: string; yes?: boolean; json?: boolean }) => {
        const [table, workbook] = await Promise.all([readSourceFile(file), XlsxWorkbook.open(options.into)]);
        const given = options.mapping ? await mappingFile(options.mapping) : null;
        const orientation = given?.orientation ?? orientationOption(options.orientation);
        const mapped = given ? null : mapSource(table, orientation, workbook);
        const sheet = mapped?.sheet ?? readSourceSheet(table, orientation);
        const planned = planImport(workbook, sheet, given?.mapping ?? (mapped?.mapping as FieldMapping));
        planned.preview.problems.unshift(...(given?.problems ?? []));
        if (given?.problems.length) planned.preview.canApply = false;
        if (options.json) console.log(JSON.stringify(planned.preview));
        else printPreview(planned.preview, mapped?.remembered ?? false);
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
  return { orientation: parsed.data.orientation, ...mappingFromHeaders(parsed.data.fields) };
}

function printPreview(preview: ImportPreview, remembered: boolean): void {
  if (remembered) console.log("Using the mapping remembered for these headers.");
  const { added, merged, unchanged } = preview.counts;
  console.log(`${added} added, ${merged} merged, ${unchanged} unchanged.`);
  for (const p of preview.problems) console.log(`${p.severity.padEnd(7)} ${p.where || "source"}: ${p.message}`);
  for (const f of preview.findings)
    console.log(
      `${f.severity.padEnd(7)} Users row ${f.row} (source ${f.source})${f.column ? `, ${f.column}` : ""}: ${f.message}`,
    );
  const errors = preview.findings.filter((f) => f.severity === "error").length;
  console.log(
    `${errors} errors in the imported rows${errors > 0 ? ": the rows are imported all the same; fix them in the sheet before a sync" : ""}.`,
  );
}

import type { Command } from "commander";
import { USERS_TAB } from "../../domain/tabs";
import { mappingByHeader } from "../../mapping/mapping";
import type { OrientationChoice } from "../../mapping/source-sheet";
import { mapSource } from "../../workbook/import-run";
import { readSourceFile } from "../source-file";
import { UsageError } from "./usage-error";

/** `rcsheets map <file> [--orientation …] [--json]`: the mapping proposed for a source file. */
export function mapCommand(program: Command): void {
  program
    .command("map")
    .description("propose how the columns of a CSV or .xlsx file map to the Users tab")
    .argument("<file>", "the source: .csv (any delimiter) or .xlsx")
    .option("--orientation <o>", "auto, horizontal (a header row) or vertical (field names down a column)", "auto")
    .option("--json", 'print {"orientation":…,"fields":{"<Users column>":"<source field>"|null,…}}')
    .action(async (file: string, options: { orientation: string; json?: boolean }) => {
      const mapped = mapSource(await readSourceFile(file), orientationOption(options.orientation));
      const byHeader = mappingByHeader(mapped.sheet.orientation, mapped.mapping);
      if (options.json) {
        console.log(JSON.stringify(byHeader));
        return;
      }
      console.log(`Orientation: ${mapped.sheet.orientation}; ${mapped.sheet.records.length} records.`);
      for (const column of USERS_TAB.columns) {
        const p = mapped.proposal[column.key];
        const to = p.source === null ? "(not mapped)" : `"${p.source}"  ${p.confidence.toFixed(2)} ${p.reason}`;
        console.log(`${column.header.padEnd(16)} ← ${to}`);
      }
      for (const problem of mapped.sheet.problems) console.log(`${problem.severity} ${problem.where}: ${problem.message}`);
    });
}

export function orientationOption(value: string): OrientationChoice {
  if (value === "auto" || value === "horizontal" || value === "vertical") return value;
  throw new UsageError(`--orientation ${value}: choose auto, horizontal or vertical.`);
}

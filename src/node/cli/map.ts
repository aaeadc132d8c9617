import type { Command } from "commander";
import { USERS_TAB } from "../../domain/tabs";
import { mappingByHeader } from "../../mapping/mapping";
import type { OrientationChoice } from "../../mapping/source-sheet";
import type { ColumnValues } from "../../mapping/value-mapping";
import { mapSource, valueChoices } from "../../workbook/import-run";
import { MemoryWorkbook } from "../../workbook/memory-workbook";
import { readSourceFile } from "../source-file";
import { XlsxWorkbook } from "../xlsx-workbook";
import { UsageError } from "./usage-error";

/** `rcsheets map <file> [--into workspace.xlsx] [--orientation …] [--json]`: the mapping proposed for a source file. */
export function mapCommand(program: Command): void {
  program
    .command("map")
    .description("propose how the columns of a CSV or .xlsx file, and the values of its list columns, map to the Users tab")
    .argument("<file>", "the source: .csv (any delimiter) or .xlsx")
    .option("--into <workbook>", "the workspace whose sites and roles values are matched to (and its remembered mapping)")
    .option("--orientation <o>", "auto, horizontal (a header row) or vertical (field names down a column)", "auto")
    .option(
      "--json",
      'print {"orientation":…,"fields":{"<Users column>":"<source field>"|null,…},"values":{"<column>":{"<source value>":"<target>"|null}}}',
    )
    .action(async (file: string, options: { into?: string; orientation: string; json?: boolean }) => {
      const [table, workbook] = await Promise.all([
        readSourceFile(file),
        options.into ? XlsxWorkbook.open(options.into) : new MemoryWorkbook(),
      ]);
      const mapped = mapSource(table, orientationOption(options.orientation), workbook);
      const columns = valueChoices(workbook, mapped.sheet, mapped.mapping, {}, {});
      if (options.json) {
        const byHeader = mappingByHeader(mapped.sheet.orientation, mapped.mapping);
        console.log(JSON.stringify({ ...byHeader, values: valuesWithOpen(columns) }));
        return;
      }
      console.log(`Orientation: ${mapped.sheet.orientation}; ${mapped.sheet.records.length} records.`);
      for (const column of USERS_TAB.columns) {
        const p = mapped.proposal[column.key];
        const to = p.source === null ? "(not mapped)" : `"${p.source}"  ${p.confidence.toFixed(2)} ${p.reason}`;
        console.log(`${column.header.padEnd(16)} ← ${to}`);
      }
      printValues(columns);
      for (const problem of mapped.sheet.problems) console.log(`${problem.severity} ${problem.where}: ${problem.message}`);
    });
}

/** The proposals by header, a value with none as null: the file's place for the person to write a choice. */
function valuesWithOpen(columns: readonly ColumnValues[]): Record<string, Record<string, string | null>> {
  return Object.fromEntries(columns.map((c) => [c.header, Object.fromEntries(c.values.map((v) => [v.value, v.target]))]));
}

function printValues(columns: readonly ColumnValues[]): void {
  for (const c of columns) {
    const open = c.values.filter((v) => v.target === null).length;
    console.log(`\n${c.header} ← "${c.source}": ${c.values.length} values${open > 0 ? `, ${open} need a choice (--value)` : ""}`);
    for (const v of c.values) console.log(`  "${v.value}" (${v.count}) → ${v.target ?? "?"}  ${v.reason}`);
  }
}

export function orientationOption(value: string): OrientationChoice {
  if (value === "auto" || value === "horizontal" || value === "vertical") return value;
  throw new UsageError(`--orientation ${value}: choose auto, horizontal or vertical.`);
}

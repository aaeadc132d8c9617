import type { Command } from "commander";
import type { Finding, Severity } from "../../domain/finding";
import { rowNames, rowPlace } from "../../domain/row-names";
import { tabById } from "../../domain/tabs";
import { validateWorkspace } from "../../domain/validation/index";
import { readWorkspace } from "../../workbook/workspace-reader";
import { XlsxWorkbook } from "../xlsx-workbook";

/** `rcsheets validate <workbook.xlsx> [--json]`: every finding; exit 1 when there are errors. */
export function validateCommand(program: Command): void {
  program
    .command("validate")
    .description("check every rule of the workspace; exit code 1 when there are errors")
    .argument("<workbook>", "the workspace, an .xlsx file")
    .option("--json", "print one JSON object: counts and findings")
    .action(async (path: string, options: { json?: boolean }) => {
      const workbook = await XlsxWorkbook.open(path);
      const read = readWorkspace(workbook);
      const findings = [...read.findings, ...validateWorkspace(read.workspace)];
      const counts = countBySeverity(findings);
      const nameOf = rowNames(read.workspace);
      if (options.json) console.log(JSON.stringify({ counts, findings }));
      else
        printFindings(findings, counts, (f) =>
          rowPlace(read.sheets.get(f.tab) ?? tabById(f.tab).name, f.row, nameOf(f.tab, f.row)),
        );
      process.exitCode = counts.error > 0 ? 1 : 0;
    });
}

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** One line a finding: its row by tab, number and name ("Users row 13, Kofi Egan"), its column, its message. */
function printFindings(findings: readonly Finding[], counts: Record<Severity, number>, placeOf: (f: Finding) => string): void {
  for (const f of findings) {
    const where = f.row > 0 && f.column ? `${placeOf(f)} (${f.column})` : placeOf(f);
    console.log(`${f.severity.padEnd(7)} ${where}: ${f.message}`);
  }
  console.log(`${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes.`);
}

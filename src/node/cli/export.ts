import { writeFile } from "node:fs/promises";
import { extname } from "node:path";
import type { Command } from "commander";
import { type TabDef, tabById } from "../../domain/tabs";
import { formatCsv } from "../../mapping/csv";
import { EXPORTED_TABS, exportRows } from "../../workbook/export-table";
import { XlsxWorkbook } from "../xlsx-workbook";
import { UsageError } from "./usage-error";

/**
 * `rcsheets export <workbook.xlsx> --out <file.csv|file.xlsx> [--tab <name>]`: .csv holds one tab (Users unless
 * --tab says), .xlsx every editable tab; never PIN, Password or Secret Answer; no value a spreadsheet would run.
 */
export function exportCommand(program: Command): void {
  program
    .command("export")
    .description("export the Users tab (or --tab) to .csv, or every editable tab to .xlsx, without secrets")
    .argument("<workbook>", "the workspace, an .xlsx file")
    .requiredOption("--out <file>", "a .csv or .xlsx path")
    .option("--tag <key:value>", "Users: only the rows that carry this tag")
    .option("--tab <name>", `for .csv: ${EXPORTED_TABS.map((t) => t.name).join(", ")}`, "Users")
    .action(async (path: string, options: { out: string; tab: string; tag?: string }) => {
      const workbook = await XlsxWorkbook.open(path);
      const kind = extname(options.out).toLowerCase();
      if (kind === ".csv")
        await writeFile(
          options.out,
          formatCsv(exportRows(workbook, tabNamed(options.tab), { format: "csv", ...only(options.tag) })),
        );
      else if (kind === ".xlsx") {
        const out = XlsxWorkbook.create();
        for (const tab of EXPORTED_TABS) {
          out.addSheet(tab.name);
          out.write(tab.name, { row: 1, column: 1, values: exportRows(workbook, tab, { format: "xlsx", ...only(options.tag) }) });
        }
        await out.save(options.out);
      } else throw new UsageError(`--out ${options.out}: export writes .csv or .xlsx.`);
      console.log(`Wrote ${options.out}`);
    });
}

function only(tag: string | undefined): { tag?: string } {
  return tag ? { tag } : {};
}

function tabNamed(name: string): TabDef {
  const tab = EXPORTED_TABS.find((t) => t.name.toLowerCase() === name.trim().toLowerCase() || t.id === name.trim());
  if (!tab) throw new UsageError(`--tab ${name}: choose one of ${EXPORTED_TABS.map((t) => t.name).join(", ")}.`);
  return tabById(tab.id);
}

import { writeFile } from "node:fs/promises";
import { extname } from "node:path";
import type { Command } from "commander";
import { formatCsv } from "../../mapping/csv";
import { setUpWorkspace } from "../../workbook/setup";
import { templateRows } from "../../workbook/users-template";
import { XlsxWorkbook } from "../xlsx-workbook";
import { UsageError } from "./usage-error";

/** `rcsheets template --out <file.xlsx|file.csv>`: an empty workspace, or the Users template as CSV
 * (required columns starred, one example row). */
export function templateCommand(program: Command): void {
  program
    .command("template")
    .description("write an empty workspace (.xlsx: every tab set up) or the Users header (.csv)")
    .requiredOption("--out <file>", "where to write it: a .xlsx or .csv path")
    .action(async (options: { out: string }) => {
      const kind = extname(options.out).toLowerCase();
      if (kind === ".csv") await writeFile(options.out, formatCsv(templateRows()));
      else if (kind === ".xlsx") {
        const workbook = XlsxWorkbook.create();
        setUpWorkspace(workbook);
        await workbook.save(options.out);
      } else throw new UsageError(`--out ${options.out}: the template is written as .xlsx or .csv.`);
      console.log(`Wrote ${options.out}`);
    });
}

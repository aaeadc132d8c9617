import type { Command } from "commander";
import { writeDemoWorkspace } from "../../workbook/demo-workspace";
import { XlsxWorkbook } from "../xlsx-workbook";

/** `rcsheets demo --out <file.xlsx>`: a workspace with demo users, a few of them with mistakes to find. */
export function demoCommand(program: Command): void {
  program
    .command("demo")
    .description("write a demo workspace: sites, roles, tags, users of every type, an account snapshot")
    .requiredOption("--out <file>", "the .xlsx file to write")
    .option("--users <n>", "how many users", "40")
    .option("--seed <n>", "seed of the generated data", "7")
    .action(async (options: { out: string; users: string; seed: string }) => {
      const workbook = XlsxWorkbook.create();
      writeDemoWorkspace(workbook, { users: Number(options.users), errorRate: 0.15, seed: Number(options.seed) });
      await workbook.save(options.out);
      console.log(`Wrote ${options.out} with ${options.users} demo users.`);
    });
}

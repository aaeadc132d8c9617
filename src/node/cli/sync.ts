import type { Command } from "commander";
import { systemClock } from "../../ringcentral/clock";
import { isSettled } from "../../sync/plan";
import { previewSync } from "../../sync/preview";
import { type ChunkReport, runSyncChunk } from "../../sync/runner";
import { XlsxWorkbook } from "../xlsx-workbook";
import { connect } from "./connection";
import { describePlan } from "./plan";

/** A chunk of the run between two saves of the workbook file. */
const CHUNK_MS = 20_000;

/**
 * `rcsheets sync <workbook.xlsx> --site NAME… [--yes] [--server URL]`: without --yes, the plan and nothing sent;
 * with it, the run, chunk by chunk, the file saved after each, with a progress bar on a terminal.
 */
export function syncCommand(program: Command): void {
  program
    .command("sync")
    .description("sync the sites: create, update and delete users, write back temp numbers and ids")
    .argument("<workbook>", "the workspace, an .xlsx file")
    .requiredOption("--site <name...>", "the sites to sync")
    .option("--yes", "send the changes (deletions of rows removed by hand included)")
    .option("--server <url>", "the RingCentral server (or RC_SERVER)")
    .action(async (path: string, options: { site: string[]; yes?: boolean; server?: string }) => {
      const workbook = await XlsxWorkbook.open(path);
      const home = { workbook, client: await connect(options.server), clock: systemClock };
      const scope = { sites: options.site };
      if (!options.yes) {
        const plan = await previewSync(home, scope);
        await workbook.save(path);
        console.log(describePlan(plan));
        if (!isSettled(plan)) console.log("\nNothing was sent. Run again with --yes to send these changes.");
        return;
      }
      const total: ChunkReport = { done: false, created: 0, updated: 0, deleted: 0, failed: 0, remaining: 0, blocked: 0 };
      while (!total.done) {
        const report = await runSyncChunk(home, {
          scope,
          budgetMs: CHUNK_MS,
          confirmDeletes: true,
          who: "rcsheets CLI",
          onStep: progress,
        });
        await workbook.save(path);
        for (const key of ["created", "updated", "deleted", "failed"] as const) total[key] += report[key];
        Object.assign(total, { done: report.done, blocked: report.blocked });
      }
      if (process.stderr.isTTY) process.stderr.write("\n");
      console.log(
        `${total.created} created, ${total.updated} updated, ${total.deleted} deleted, ${total.failed} failed, ${total.blocked} blocked.`,
      );
      process.exitCode = total.failed > 0 ? 1 : 0;
    });
}

function progress(done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} steps`);
}

import type { Command } from "commander";
import { systemClock } from "../../ringcentral/clock";
import { keptInProcess } from "../../sync/kept-account";
import { isSettled } from "../../sync/plan";
import { previewSync } from "../../sync/preview";
import { addReport, describeReport } from "../../sync/report";
import { type ChunkReport, emptyReport, runSyncChunk, type SyncHome } from "../../sync/runner";
import type { SyncStop } from "../../sync/stop";
import { WorkbookLock } from "../workbook-lock";
import { XlsxWorkbook } from "../xlsx-workbook";
import { connect } from "./connection";
import { describePlan } from "./plan";

/** A chunk of the run: its workbook is saved between two; the account is read by the first and after the last. */
const CHUNK_MS = 20_000;
/** Chunks in a row that may end on an unanswered read before the run gives up (the next run goes on). */
const UNAVAILABLE_TRIES = 3;

/**
 * `rcsheets sync <workbook.xlsx> --site NAME… [--tag KEY:VALUE] [--yes] [--server URL]`: without --yes, the plan and nothing sent;
 * with it, the run, chunk by chunk. The workbook is locked for the run, and saved before the first change and after
 * every step, so a run killed at any moment leaves the users it was making noted in the ledger for the next to adopt.
 */
export function syncCommand(program: Command): void {
  program
    .command("sync")
    .description("sync the sites: create, update and delete users, write back temp numbers and ids")
    .argument("<workbook>", "the workspace, an .xlsx file")
    .requiredOption("--site <name...>", "the sites to sync")
    .option("--tag <key:value>", "only the rows that carry this tag")
    .option("--yes", "send the changes (deletions of rows removed by hand included)")
    .option("--server <url>", "the RingCentral server (or RC_SERVER)")
    .action(async (path: string, options: SyncOptions) => {
      const lock = WorkbookLock.acquire(path);
      try {
        await sync(path, options);
      } finally {
        lock.release();
      }
    });
}

interface SyncOptions {
  site: string[];
  tag?: string;
  yes?: boolean;
  server?: string;
}

async function sync(path: string, options: SyncOptions): Promise<void> {
  const workbook = await XlsxWorkbook.open(path);
  const home: SyncHome = { workbook, client: await connect(options.server), clock: systemClock, keptAccount: keptInProcess() };
  const scope = { sites: options.site, ...(options.tag ? { tag: options.tag } : {}) };
  if (!options.yes) {
    const plan = await previewSync(home, scope);
    await workbook.save(path);
    console.log(describePlan(plan));
    if (!isSettled({ ...plan, blocked: [] })) console.log("\nNothing was sent. Run again with --yes to send these changes.");
    return;
  }
  home.checkpoint = () => workbook.save(path);
  const total: ChunkReport = emptyReport();
  let stop: SyncStop | undefined;
  for (let unanswered = 0, chunk = 0; !total.done && unanswered < UNAVAILABLE_TRIES; chunk++) {
    const report = await runSyncChunk(home, {
      scope,
      budgetMs: CHUNK_MS,
      confirmDeletes: true,
      who: "rcsheets CLI",
      continues: chunk > 0,
      onStep: progress,
    });
    await workbook.save(path);
    addReport(total, report);
    Object.assign(total, { done: report.done, blocked: report.blocked });
    stop = report.stop;
    if (stop && stop.kind !== "unavailable") break;
    unanswered = stop ? unanswered + 1 : 0;
    if (stop && unanswered < UNAVAILABLE_TRIES) await systemClock.sleep(2000 * unanswered);
  }
  if (process.stderr.isTTY) process.stderr.write("\n");
  console.log(describeReport(total));
  if (stop && !total.done) console.error(stop.message);
  process.exitCode = stop && stop.kind !== "unavailable" ? 2 : total.failed > 0 || !total.done ? 1 : 0;
}

function progress(done: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} steps`);
}

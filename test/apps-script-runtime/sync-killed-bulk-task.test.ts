import { afterEach, describe, expect, it } from "vitest";
import { SITES } from "../../bench/sync";
import type { Exchange } from "../../src/sandbox/index";
import { type GeneratedSync, type SidebarSync, startGeneratedSync, syncFigures } from "./sidebar-sync";

const USERS = 150;
const SCALE = 50;

/**
 * The add-in's sync (dist/Code.js in the local Apps Script runtime, chunk by chunk as the sidebar drives it) whose
 * execution is ended by the time limit while its bulk claim task runs: just as the task's answer came (its id not yet
 * on the ledger), or at the first look at the task (its id on the ledger). The run goes on to the same end.
 */
describe("an add-in sync killed while its bulk claim task runs", () => {
  const open: GeneratedSync[] = [];
  afterEach(async () => {
    for (const started of open.splice(0)) await started.close();
  });

  async function start(killWhen: (exchange: Exchange) => boolean) {
    let armed = false;
    const kills: Exchange[] = [];
    const started = await startGeneratedSync(USERS, SCALE, {
      watch: (exchange, sync) => {
        if (!armed || !killWhen(exchange)) return;
        armed = false;
        kills.push(exchange);
        sync.runtime.exceedTimeLimit();
      },
    });
    open.push(started);
    return {
      sync: started.sync,
      kills,
      arm: () => {
        armed = true;
      },
      figures: () => syncFigures(started),
    };
  }

  async function finish(sync: SidebarSync): Promise<number> {
    for (let chunks = 1, continues = false; chunks < 40; chunks++, continues = true) {
      const end = await sync.chunk(SITES, continues);
      if (end.killed) throw new Error("killed without a kill armed");
      expect(end.report.stop).toBeUndefined();
      if (end.report.done) return chunks;
    }
    throw new Error("The run did not end.");
  }

  const clean = { orphans: 0, duplicateNumbers: 0, duplicateEmails: 0, linesLost: 0, rowsStuck: 0, intentsLeft: 0, wrongRcId: 0 };
  const pick = (f: ReturnType<typeof syncFigures>) => ({
    orphans: f.orphans,
    duplicateNumbers: f.duplicateNumbers,
    duplicateEmails: f.duplicateEmails,
    linesLost: f.linesLost,
    rowsStuck: f.rowsStuck,
    intentsLeft: f.intentsLeft,
    wrongRcId: f.wrongRcId,
  });

  /** The run goes on to its end: every user made once, on its row, Synced; nothing orphaned, no line lost. */
  async function endsClean(run: Awaited<ReturnType<typeof start>>): Promise<void> {
    await finish(run.sync);
    const figures = run.figures();
    expect(figures.created).toBe(USERS);
    expect(pick(figures)).toEqual(clean);
    expect(run.sync.users().filter((u) => u.status !== "Synced")).toEqual([]);
  }

  it("killed as the task's answer came: the next chunk adopts what the task made", async () => {
    const run = await start((e) => e.method === "POST" && e.path.endsWith("/extension-bulk-update"));
    run.arm();
    expect(await run.sync.chunk(SITES, false)).toEqual({ killed: true });
    expect(run.kills).toHaveLength(1);
    // The intents are on the ledger (written before the task was sent), the task's id not.
    const intents = run.sync.ledger().filter((e) => e.state === "Creating");
    expect(intents.length).toBeGreaterThan(100);
    expect(intents.every((e) => !e.values.includes('"task"'))).toBe(true);
    await endsClean(run);
  }, 120_000);

  it("killed at a look that finds the task InProgress: the next chunk follows it by its id, then adopts", async () => {
    const run = await start((e) => e.method === "GET" && e.path.includes("/extension-bulk-update/tasks/"));
    run.arm();
    expect(await run.sync.chunk(SITES, false)).toEqual({ killed: true });
    expect(run.kills.map((e) => (e.responseBody as { status: string }).status)).toEqual(["InProgress"]);
    const intents = run.sync.ledger().filter((e) => e.state === "Creating" && e.values.includes('"task"'));
    expect(intents.length).toBeGreaterThan(100);
    await endsClean(run);
  }, 120_000);
});

import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { generatedUsers, SITES } from "../../bench/sync";
import { type Exchange, type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import { SidebarSync, syncFigures } from "./sidebar-sync";

const USERS = 150;
const SCALE = 50;

/**
 * The add-in's sync (dist/Code.js in the local Apps Script runtime, chunk by chunk as the sidebar drives it) whose
 * execution is ended by the time limit while its bulk claim task runs: just as the task's answer came (its id not yet
 * on the ledger), or at the first look at the task (its id on the ledger). The run goes on to the same end.
 */
describe("an add-in sync killed while its bulk claim task runs", () => {
  const open: { sandbox: RunningSandbox; sync: SidebarSync }[] = [];
  afterEach(async () => {
    for (const { sandbox, sync } of open.splice(0)) {
      await sync.close();
      await sandbox.close();
    }
  });

  async function start(killWhen: (exchange: Exchange) => boolean) {
    if (!existsSync(new URL("../../dist/Code.js", import.meta.url))) throw new Error("Run npm run build first.");
    let armed = false;
    const kills: Exchange[] = [];
    let sync: SidebarSync | undefined;
    const sandbox = await startSandbox({
      timeScale: SCALE,
      seed: 3,
      users: 20,
      lines: 320,
      onExchange: (exchange) => {
        if (!armed || !sync || !killWhen(exchange)) return;
        armed = false;
        kills.push(exchange);
        sync.runtime.exceedTimeLimit();
      },
    });
    sync = new SidebarSync(sandbox, SCALE);
    open.push({ sandbox, sync });
    await sync.prepare();
    sync.writeUsers(generatedUsers(sync.lines(), USERS));
    const before = sandbox.state();
    const existing = new Set(before.extensions.filter((e) => e.status !== "Unassigned").map((e) => e.id));
    const lines = before.extensions.filter((e) => e.status === "Unassigned").map((e) => e.id);
    return {
      sandbox,
      sync,
      kills,
      arm: () => {
        armed = true;
      },
      figures: () => syncFigures({ sandbox, existing, lines, sync: sync as SidebarSync }),
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

  it("killed as the task's answer came: the next chunk adopts what the task made", async () => {
    const run = await start((e) => e.method === "POST" && e.path.endsWith("/extension-bulk-update"));
    run.arm();
    expect(await run.sync.chunk(SITES, false)).toEqual({ killed: true });
    expect(run.kills).toHaveLength(1);
    // The intents are on the ledger (written before the task was sent), the task's id not.
    const intents = run.sync.ledger().filter((e) => e.state === "Creating");
    expect(intents.length).toBeGreaterThan(100);
    expect(intents.every((e) => !e.values.includes('"task"'))).toBe(true);
    await finish(run.sync);
    const figures = run.figures();
    expect(figures.created).toBe(USERS);
    expect(pick(figures)).toEqual(clean);
    expect(run.sync.users().filter((u) => u.status !== "Synced")).toEqual([]);
  }, 120_000);

  it("killed at a look that finds the task InProgress: the next chunk follows it by its id, then adopts", async () => {
    const run = await start((e) => e.method === "GET" && e.path.includes("/extension-bulk-update/tasks/"));
    run.arm();
    expect(await run.sync.chunk(SITES, false)).toEqual({ killed: true });
    expect(run.kills.map((e) => (e.responseBody as { status: string }).status)).toEqual(["InProgress"]);
    const intents = run.sync.ledger().filter((e) => e.state === "Creating" && e.values.includes('"task"'));
    expect(intents.length).toBeGreaterThan(100);
    await finish(run.sync);
    const figures = run.figures();
    expect(figures.created).toBe(USERS);
    expect(pick(figures)).toEqual(clean);
    expect(run.sync.users().filter((u) => u.status !== "Synced")).toEqual([]);
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITES } from "../../bench/sync";
import type { RunningSandbox } from "../../src/sandbox/index";
import { SeededRandom } from "../../src/sandbox/seeded-random";
import type { SyncPlan } from "../../src/sync/plan";
import { type GeneratedSync, type KillMoment, type SidebarSync, startGeneratedSync, syncFigures } from "./sidebar-sync";

/**
 * The add-in's sync as the sidebar drives it (dist/Code.js, runSync chunk by chunk in the local Apps Script runtime),
 * its executions ended by the runtime's time limit at seeded moments, several chunks in a row: after so many API
 * answers, or so many SpreadsheetApp calls (inside the write-back too). RCSHEETS_KILL_SEED replays a seed.
 */
const SEED = Number(process.env.RCSHEETS_KILL_SEED ?? 20261205);
const USERS = 150;
const KILLS = 8;
const SCALE = 50;

describe("an add-in sync whose executions are killed by the time limit", () => {
  let started: GeneratedSync;
  let sandbox: RunningSandbox;
  let sync: SidebarSync;
  let existing: Set<number>;

  beforeAll(async () => {
    started = await startGeneratedSync(USERS, SCALE);
    ({ sandbox, sync, existing } = started);
  });
  afterAll(async () => await started?.close());

  it("a preview after a killed chunk shows the users it made as adopted, not as blocked duplicates", async () => {
    // Killed once 40 answers came: the account read, then a dozen users made, none written onto its row.
    expect(await sync.chunk(SITES, false, { kind: "api", after: 40 })).toEqual({ killed: true });
    const made = sandbox.state().extensions.filter((e) => e.status !== "Unassigned" && !existing.has(e.id));
    expect(made.length).toBeGreaterThan(0);
    expect(sync.users().filter((u) => u.rcId)).toEqual([]);

    const plan = (await sync.call("planSync", { sites: SITES })) as SyncPlan;
    expect(plan.adopted.map((a) => a.rcId).sort()).toEqual(made.map((e) => String(e.id)).sort());
    expect(plan.blocked).toEqual([]);
    expect(plan.deletes).toEqual([]);
    const adopted = new Set(plan.adopted.map((a) => a.email));
    expect(plan.creates.filter((c) => adopted.has(c.email.toLowerCase()))).toEqual([]);
  }, 60_000);

  it("ends with 0 orphans, 0 duplicates, 0 lines lost and 0 rows stuck, and plans no deletion", async () => {
    const random = new SeededRandom(SEED);
    const kills: (KillMoment & { killed: boolean })[] = [];
    let chunks = 0;
    // Each kill ends the run as the person sees it (no answer): they press Sync again, a run whose first chunk reads.
    for (let k = 0; k < KILLS; k++) {
      const moment: KillMoment =
        random.int(0, 1) === 0 ? { kind: "api", after: random.int(3, 60) } : { kind: "sheets", after: random.int(3, 80) };
      let end = await sync.chunk(SITES, false, moment);
      chunks++;
      // A chunk that finished before its moment: the next ones of the run go on until one is killed.
      while (!end.killed && !end.report.done && chunks < 60) {
        end = await sync.chunk(SITES, true, moment);
        chunks++;
      }
      kills.push({ ...moment, killed: end.killed });
    }
    let done = false;
    for (let continues = false; !done && chunks < 80; continues = true, chunks++) {
      const end = await sync.chunk(SITES, continues);
      if (end.killed) throw new Error("killed without a kill armed");
      expect(end.report.stop).toBeUndefined();
      done = end.report.done;
    }

    const figures = {
      seed: SEED,
      chunks,
      kills: kills.filter((k) => k.killed).length,
      ...syncFigures(started),
    };
    console.log(`killed chunks: ${JSON.stringify({ ...figures, moments: kills })}`);
    const replay = `seed ${SEED} (RCSHEETS_KILL_SEED=${SEED} replays it)`;
    expect(done, replay).toBe(true);
    expect(figures.kills, replay).toBeGreaterThanOrEqual(KILLS / 2);
    expect(figures.created, replay).toBe(USERS);
    expect(
      {
        orphans: figures.orphans,
        duplicateNumbers: figures.duplicateNumbers,
        duplicateEmails: figures.duplicateEmails,
        linesLost: figures.linesLost,
        rowsStuck: figures.rowsStuck,
        intentsLeft: figures.intentsLeft,
        wrongRcId: figures.wrongRcId,
      },
      replay,
    ).toEqual({ orphans: 0, duplicateNumbers: 0, duplicateEmails: 0, linesLost: 0, rowsStuck: 0, intentsLeft: 0, wrongRcId: 0 });
    expect(sync.users().filter((u) => u.status !== "Synced")).toEqual([]);

    const plan = (await sync.call("planSync", { sites: SITES })) as SyncPlan;
    expect(plan.deletes, replay).toEqual([]);
    expect(plan.creates, replay).toEqual([]);
    expect(plan.blocked, replay).toEqual([]);
  }, 180_000);
});

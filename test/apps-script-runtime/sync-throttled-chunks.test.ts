import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generatedUsers, SITES } from "../../bench/sync";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import type { ChunkReport } from "../../src/sync/runner";
import { SidebarSync, syncFigures } from "./sidebar-sync";

/**
 * A throttled RingCentral (a fifth of the answers a 429 with a minute's Retry-After, scaled) under chunks given the
 * longest budget runSync takes (270 s of the execution's 360, scaled): a call may wait out several penalties, yet no
 * execution reaches Apps Script's limit, because no step starts, and no wait begins, that could not end before it.
 */
const SCALE = 50;
const USERS = 30;

describe("an add-in sync against a throttled RingCentral", () => {
  let sandbox: RunningSandbox;
  let sync: SidebarSync;

  beforeAll(async () => {
    if (!existsSync(new URL("../../dist/Code.js", import.meta.url))) throw new Error("Run npm run build first.");
    sandbox = await startSandbox({ timeScale: SCALE, seed: 3, users: 20, lines: 320, faults: "429=0.2" });
    sync = new SidebarSync(sandbox, SCALE);
    await sync.prepare();
    sync.writeUsers(generatedUsers(sync.lines(), USERS));
  });
  afterAll(async () => {
    await sync?.close();
    await sandbox?.close();
  });

  it("never runs an execution past its limit, and ends with every row synced", async () => {
    const before = sandbox.state();
    const existing = new Set(before.extensions.filter((e) => e.status !== "Unassigned").map((e) => e.id));
    const lines = before.extensions.filter((e) => e.status === "Unassigned").map((e) => e.id);
    const reports: ChunkReport[] = [];
    for (let chunk = 0; chunk < 60 && !reports.at(-1)?.done; chunk++) {
      // The longest chunk runSync allows: 270 s of the execution's 6 minutes (scaled), leaving 90 s for the worst.
      const end = await sync.chunk(SITES, chunk > 0, undefined, 270_000 / SCALE);
      // A chunk ended by the limit throws in chunk(): none may be.
      if (end.killed) throw new Error("killed");
      reports.push(end.report);
    }
    const fired = sandbox.faultsFired()["429"];
    const figures = syncFigures(sandbox, existing, lines, sync);
    console.log(`throttled: ${JSON.stringify({ chunks: reports.length, fired429: fired, ...figures })}`);
    // Fewer calls since lines go in bulk tasks: fewer 429s drawn, but some.
    expect(fired).toBeGreaterThan(2);
    expect(reports.at(-1)?.done).toBe(true);
    expect(sync.users().filter((u) => u.status !== "Synced")).toEqual([]);
    expect(figures.orphans + figures.linesLost + figures.rowsStuck + figures.wrongRcId).toBe(0);
  }, 180_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITES } from "../../bench/sync";
import type { RunningSandbox } from "../../src/sandbox/index";
import type { ChunkReport } from "../../src/sync/runner";
import { type GeneratedSync, type SidebarSync, startGeneratedSync, syncFigures } from "./sidebar-sync";

/**
 * A throttled RingCentral (a fifth of the answers a 429 with a minute's Retry-After, scaled) under chunks given the
 * longest budget runSync takes (270 s of the execution's 360, scaled): a call may wait out several penalties, yet no
 * execution reaches Apps Script's limit, because no step starts, and no wait begins, that could not end before it.
 */
const SCALE = 50;
const USERS = 30;

describe("an add-in sync against a throttled RingCentral", () => {
  let started: GeneratedSync;
  let sandbox: RunningSandbox;
  let sync: SidebarSync;

  beforeAll(async () => {
    started = await startGeneratedSync(USERS, SCALE, { faults: "429=0.2" });
    ({ sandbox, sync } = started);
  });
  afterAll(async () => await started?.close());

  it("never runs an execution past its limit, and ends with every row synced", async () => {
    const reports: ChunkReport[] = [];
    for (let chunk = 0; chunk < 60 && !reports.at(-1)?.done; chunk++) {
      // The longest chunk runSync allows: 270 s of the execution's 6 minutes (scaled), leaving 90 s for the worst.
      const end = await sync.chunk(SITES, chunk > 0, undefined, 270_000 / SCALE);
      // A chunk ended by the limit throws in chunk(): none may be.
      if (end.killed) throw new Error("killed");
      reports.push(end.report);
    }
    const fired = sandbox.faultsFired()["429"];
    const figures = syncFigures(started);
    console.log(`throttled: ${JSON.stringify({ chunks: reports.length, fired429: fired, ...figures })}`);
    // Fewer calls since lines go in bulk tasks: fewer 429s drawn, but some.
    expect(fired).toBeGreaterThan(2);
    expect(reports.at(-1)?.done).toBe(true);
    expect(sync.users().filter((u) => u.status !== "Synced")).toEqual([]);
    expect(figures.orphans + figures.linesLost + figures.rowsStuck + figures.wrongRcId).toBe(0);
  }, 180_000);
});

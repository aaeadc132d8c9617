import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppsScriptHome } from "../../bench/apps-script";
import { CountingProxy } from "../../bench/counting-proxy";
import { accountSize, generatedUsers, neededForSync, SITES } from "../../bench/sync";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";

/**
 * A sync as the sidebar drives it in Apps Script: dist/Code.js in the runtime, runSync chunk after chunk, each a
 * fresh execution with a fresh client, its governor paced from the state the last one left in the user cache.
 */
describe("a sync in chunks in the Apps Script runtime", () => {
  let sandbox: RunningSandbox;
  let proxy: CountingProxy;
  let home: AppsScriptHome;

  beforeAll(async () => {
    if (!existsSync(new URL("../../dist/Code.js", import.meta.url))) throw new Error("Run npm run build first.");
    sandbox = await startSandbox({ timeScale: 100, seed: 3, users: 20, lines: 320 });
    proxy = new CountingProxy(sandbox.serverUrl);
    home = new AppsScriptHome(sandbox, { server: await proxy.start(), timeScale: 100, sheetsLatencyMs: 100 });
    await home.prepare();
  });
  afterAll(async () => {
    await home?.close();
    await proxy?.close();
    await sandbox?.close();
  });

  it("syncs 200 users over several executions with no 429 and at most 80 SpreadsheetApp calls in any", async () => {
    const rows = generatedUsers(home.lines(), 200);
    home.writeUsers(rows);
    const needed = neededForSync(rows, accountSize(sandbox));
    proxy.reset();
    // Chunks of two minutes, half the sidebar's, so that 200 users take several.
    const figures = await home.sync(SITES, 120_000);
    expect(figures.chunks).toBeGreaterThanOrEqual(2);
    // Only the calls the work needs: the account read by the first chunk and after the last, the secret questions
    // once; the chunks between go on from the account the last one kept in the document's cache. The lines go in one
    // bulk task, whose looks (Light) are as many as it takes to end.
    // A chunk that reaches the role's step before the next plan sees the default role given sends it (1 Heavy).
    const { light = 0, heavy = 0, medium } = proxy.counts.calls;
    expect(medium).toBe(needed.medium);
    expect(heavy - (needed.heavy ?? 0)).toBeGreaterThanOrEqual(0);
    expect(heavy - (needed.heavy ?? 0)).toBeLessThanOrEqual(1);
    expect(light).toBeGreaterThanOrEqual(needed.light ?? 0);
    expect(light).toBeLessThanOrEqual((needed.light ?? 0) + 12);
    expect(home.users().filter((u) => u.status !== "Synced")).toEqual([]);
    expect(proxy.counts.http_429).toBe(0);
    expect(figures.sheetsCallsMax).toBeLessThanOrEqual(80);
  });

  it("updates them through bulk tasks: one Heavy call per 500 users, no Medium call per user", async () => {
    home.setCells("dept", new Map(home.users().map((u) => [u.row, "Field"])));
    proxy.reset();
    await home.sync(SITES);
    expect(home.users().filter((u) => !u.message.startsWith("Updated"))).toEqual([]);
    // The account read before and after: 2 Medium calls each; the bulk task: 1 Heavy.
    expect(proxy.counts.calls.medium).toBeLessThanOrEqual(4);
    expect(proxy.counts.http_429).toBe(0);
  });
});

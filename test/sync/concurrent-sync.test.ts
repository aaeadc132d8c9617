import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITES_TAB, USERS_TAB } from "../../src/domain/tabs";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import { previewSync } from "../../src/sync/preview";
import { runSyncChunk, type SyncHome } from "../../src/sync/runner";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { setUpWorkspace } from "../../src/workbook/setup";
import { append, homeFor, usersOf, usersOnBothSites } from "./scenario";

/**
 * Main Site takes its own area's lines first (Palo Alto's 650) and the new Test Site, with
 * no area of its own, takes the pool in order: both plan many of the same lines, and the two syncs compete for them.
 */
const COMPETING_SITES = ["Main Site", "Test Site"] as const;

const PER_SITE = 20;

/** One person's copy of the sheet: the same rows, the same account read, so the same unassigned lines planned. */
async function copyOfTheSheet(sandbox: RunningSandbox): Promise<{ book: MemoryWorkbook; home: SyncHome }> {
  const book = new MemoryWorkbook();
  // Each person signs in with their own app, so each has the platform's rate limits to themselves.
  const app = sandbox.registerApp();
  const home = homeFor({ ...sandbox, clientId: app.clientId, clientSecret: app.clientSecret ?? "" }, book);
  setUpWorkspace(book);
  await previewSync(home, { sites: [] });
  append(book, SITES_TAB, [
    { name: "Test Site", country: "US", state: "CA", city: "San Jose", street: "1 First St", postalCode: "95113" },
  ]);
  append(book, USERS_TAB, usersOnBothSites(PER_SITE, 5000, "Same", COMPETING_SITES));
  return { book, home };
}

async function syncToTheEnd(home: SyncHome, site: string): Promise<void> {
  for (let chunk = 0; chunk < 4; chunk++) {
    const report = await runSyncChunk(home, { scope: { sites: [site] }, budgetMs: 60_000 });
    if (report.done && !usersOf(home.workbook as MemoryWorkbook).some((u) => u.site === site && u.status === "Error")) return;
  }
  const stuck = usersOf(home.workbook as MemoryWorkbook).filter((u) => u.site === site && u.status !== "Synced");
  throw new Error(`${site} did not settle: ${JSON.stringify(stuck.slice(0, 3).map((u) => [u.status, u.message]))}`);
}

/**
 * Two people sync different sites of one sheet at once, each from a copy (no lock is shared), both planning from the
 * same unassigned lines. Every line is read before it is claimed and read back after: a taken line moves the row to
 * the next one, and no row ends "Synced" with an RC Id that is someone else.
 */
describe("two syncs at once from the same unassigned lines", () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 8, timeScale: 100, lines: 300 });
  });
  afterAll(() => sandbox.close());

  it("end with every row its own user, no line given twice, none lost", async () => {
    const seeded = sandbox
      .state()
      .extensions.filter((e) => e.status === "Unassigned")
      .map((e) => e.id);
    const a = await copyOfTheSheet(sandbox);
    const b = await copyOfTheSheet(sandbox);
    const planned = async (copy: { home: SyncHome }, site: string) =>
      (await previewSync(copy.home, { sites: [site] })).creates.map((c) => c.line?.rcId);
    const first = await planned(a, COMPETING_SITES[0]);
    const second = new Set(await planned(b, "Test Site"));
    const overlap = first.filter((id) => second.has(id));
    // Main Site prefers its own area's lines, the new site takes the pool in order: they meet on part of them.
    expect(overlap.length).toBeGreaterThan(PER_SITE / 4);

    await Promise.all([syncToTheEnd(a.home, COMPETING_SITES[0]), syncToTheEnd(b.home, "Test Site")]);

    const account = sandbox.state().extensions;
    const rows = [
      ...usersOf(a.book).filter((u) => u.site === COMPETING_SITES[0]),
      ...usersOf(b.book).filter((u) => u.site === "Test Site"),
    ];
    expect(rows.map((r) => r.status)).toEqual(rows.map(() => "Synced"));
    for (const row of rows) {
      const user = account.find((e) => String(e.id) === row.rcId);
      expect({ row: row.email, account: user?.contact?.email }).toEqual({ row: row.email, account: row.email });
    }
    expect(new Set(rows.map((r) => r.rcId)).size).toBe(rows.length);
    const moved = rows.filter((r) => r.message.includes("another sync took")).length;
    console.log(`concurrent syncs: ${rows.length} rows, ${moved} moved to another line after a clash`);
    const made = account.filter((e) => e.status !== "Unassigned" && seeded.includes(e.id));
    expect(made.length).toBe(rows.length);
    expect(account.filter((e) => e.status === "Unassigned").length + made.length).toBe(seeded.length);
  }, 90_000);
});

import { describe, expect, it, vi } from "vitest";
import type { SyncLedgerRecord } from "../../src/domain/records";
import { USERS_TAB } from "../../src/domain/tabs";
import type { AccountState } from "../../src/domain/workspace";
import type { RunningSandbox } from "../../src/sandbox/index";
import { KEPT_ACCOUNT_MS, keptInProcess, type SyncRecord, syncRecordPrint, usableKept } from "../../src/sync/kept-account";
import { type ChunkReport, runSyncChunk } from "../../src/sync/runner";
import { columnIndex } from "../../src/workbook/codec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { readLedger } from "../../src/workbook/sync-write-back";
import {
  homeFor,
  outcome,
  SCENARIO_SITES,
  sandboxPerTest,
  settledScenario,
  syncUntilSettled,
  usersOf,
  writeScenario,
} from "./scenario";

const EXTENSIONS = "/restapi/v1.0/account/*/extension";

const entry = (rcId: string, state = "Synced"): SyncLedgerRecord => ({
  row: 2,
  rcId,
  email: `${rcId}@example.com`,
  ext: "101",
  site: "Main Site",
  line: "",
  state,
  values: "{}",
  at: "2026-11-30T00:00:00.000Z",
});
const EMPTY: AccountState = { users: [], sites: [], lines: [], roles: [] };

describe("the account a chunk keeps for the next", () => {
  it("stands in for a read only under the same record of syncs, with no create in doubt, and while recent", () => {
    const sites = [{ name: "San Mateo", rcId: "11" }];
    const roles = [{ name: "Front Desk", rcId: "21", status: "Synced" }];
    const record = (ledger: SyncLedgerRecord[], more: Partial<SyncRecord> = {}): SyncRecord => ({
      ledger,
      sites,
      roles,
      ...more,
    });
    const ledger = [entry("1"), entry("2")];
    const kept = { print: syncRecordPrint(record(ledger)), readAt: 1_000, state: EMPTY, questions: null };
    // The same entries read back on other rows print the same.
    expect(usableKept(kept, record(ledger.map((e, i) => ({ ...e, row: 40 + i }))), 2_000)).toBe(kept);
    expect(usableKept(kept, record([entry("1")]), 2_000)).toBeNull();
    expect(usableKept(kept, record([entry("1"), { ...entry("2"), values: '{"dept":"x"}' }]), 2_000)).toBeNull();
    // Another sync that made only a site, or deleted only a role, changed the record too.
    expect(usableKept(kept, record(ledger, { sites: [...sites, { name: "Dublin", rcId: "12" }] }), 2_000)).toBeNull();
    expect(usableKept(kept, record(ledger, { roles: [] }), 2_000)).toBeNull();
    expect(usableKept(kept, record(ledger), 1_000 + KEPT_ACCOUNT_MS)).toBeNull();
    expect(usableKept(kept, record(ledger), 500)).toBeNull();
    const doubtful = [...ledger, entry("", "Creating")];
    expect(usableKept({ ...kept, print: syncRecordPrint(record(doubtful)) }, record(doubtful), 2_000)).toBeNull();
  });
});

type KeptHome = ReturnType<typeof keptHome>;

/**
 * A run cut into chunks of three steps each (the clock moves a second a step, the budget is 2.5 seconds): each
 * chunk's report, and whether it read the account before planning (its reads beside the one after a run's last chunk).
 */
async function runInShortChunks(home: KeptHome) {
  const chunks: { report: ChunkReport; read: boolean }[] = [];
  for (let chunk = 0; chunk < 60; chunk++) {
    const before = home.accountReads();
    const report = await runSyncChunk(home, {
      scope: { sites: SCENARIO_SITES },
      budgetMs: 2_500,
      continues: chunk > 0,
      onStep: home.tick,
    });
    chunks.push({ report, read: home.accountReads() - before - (report.done ? 1 : 0) > 0 });
    if (report.done) return chunks;
  }
  throw new Error("The run did not end.");
}

function keptHome(sandbox: RunningSandbox, book: MemoryWorkbook) {
  const home = homeFor(sandbox, book);
  let now = Date.now();
  const reads = vi.spyOn(home.client, "listAll");
  return {
    ...home,
    // A wait passes on this clock too: the platform dates a task's time, and a claim settles after it.
    clock: {
      now: () => now,
      sleep: async (ms: number) => {
        now += Math.max(0, ms);
        await home.clock.sleep(ms);
      },
    },
    keptAccount: keptInProcess(),
    tick: () => {
      now += 1_000;
    },
    later: (ms: number) => {
      now += ms;
    },
    // The account's read lists every extension; a claim's read-back lists those holding lines (a status filter).
    accountReads: () =>
      reads.mock.calls.filter(([operation, options]) => operation === "listExtensions" && !options?.query?.status).length,
  };
}

describe("a run whose chunks go on from the account the last one kept", () => {
  const sandbox = sandboxPerTest();

  /** The scenario written on a fresh sandbox, its home keeping the account between chunks and counting reads. */
  async function scenarioKeptBetweenChunks() {
    const on = await sandbox();
    const book = new MemoryWorkbook();
    const home = keptHome(on, book);
    await writeScenario(home, book);
    return { on, book, home };
  }

  it("reads the account in its first chunk and after its last only, and ends as a run that reads it every chunk", async () => {
    const expected = await settledScenario(await sandbox());
    const { on, book, home } = await scenarioKeptBetweenChunks();
    const before = home.accountReads();
    const chunks = await runInShortChunks(home);
    // A new site, a custom role and its assignment, creates on lines and without: all over several chunks.
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((c) => c.read)).toEqual(chunks.map((_, i) => i === 0));
    expect(home.accountReads() - before).toBe(2);
    expect(chunks.reduce((sum, c) => sum + c.report.failed, 0)).toBe(0);
    expect(outcome(book, on)).toEqual(expected);
    // The chunks left no intent of a create they never reached.
    expect(readLedger(book).filter((e) => e.state === "Creating")).toEqual([]);
    // A finished run keeps nothing: the next run starts from a read.
    expect(home.keptAccount.load()).toBeNull();
  }, 60_000);

  it("reads the account again after a create whose answer was lost, and adopts the user made", async () => {
    const expected = await settledScenario(await sandbox());
    const { on, book, home } = await scenarioKeptBetweenChunks();
    // A create (POST) is never sent twice, so its lost answer leaves the create in doubt (a claim's PUT is repeated).
    on.injectFault({ kind: "lose", method: "POST", path: EXTENSIONS, count: 1 });
    const chunks = await runInShortChunks(home);
    expect(on.faultsFired().lose).toBe(1);
    // The chunk whose create got no answer left its intent; the next one read the account and adopted the user.
    const lost = chunks.findIndex((c) => c.report.failed > 0);
    expect(lost).toBeGreaterThanOrEqual(0);
    expect(chunks[lost + 1]?.read).toBe(true);
    await syncUntilSettled(home);
    // Made once: the account holds each user once, as an undisturbed run leaves it.
    expect(outcome(book, on)).toEqual(expected);
  }, 60_000);

  it("reads the account again after a create answered with a server error, which may still have happened", async () => {
    const expected = await settledScenario(await sandbox());
    const { on, book, home } = await scenarioKeptBetweenChunks();
    on.injectFault({ kind: "5xx", status: 503, method: "POST", path: EXTENSIONS, count: 1 });
    const chunks = await runInShortChunks(home);
    expect(on.faultsFired()["5xx"]).toBe(1);
    const refused = chunks.findIndex((c) => c.report.failed > 0);
    expect(chunks[refused + 1]?.read).toBe(true);
    await syncUntilSettled(home);
    expect(outcome(book, on)).toEqual(expected);
  }, 60_000);

  it("reads the account again after a site create whose answer was lost, and links the site instead of a second one", async () => {
    const expected = await settledScenario(await sandbox());
    const { on, book, home } = await scenarioKeptBetweenChunks();
    on.injectFault({ kind: "lose", method: "POST", path: "/restapi/v1.0/account/*/sites", count: 1 });
    const chunks = await runInShortChunks(home);
    expect(on.faultsFired().lose).toBe(1);
    expect(chunks[1]?.read).toBe(true);
    await syncUntilSettled(home);
    expect(on.state().sites.filter((s) => s.name === "Test Site")).toHaveLength(1);
    expect(outcome(book, on)).toEqual(expected);
  }, 60_000);

  it("reads the account again once its read is ten minutes old, however recent the last chunk", async () => {
    const { home } = await scenarioKeptBetweenChunks();
    await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 1_500, onStep: home.tick });
    const reads = home.accountReads();
    home.later(KEPT_ACCOUNT_MS / 2);
    await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 1_500, continues: true, onStep: home.tick });
    expect(home.accountReads()).toBe(reads);
    home.later(KEPT_ACCOUNT_MS / 2);
    await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 1_500, continues: true, onStep: home.tick });
    expect(home.accountReads()).toBe(reads + 1);
  }, 60_000);

  it("reads the account again after another sync of the document, and after a delete", async () => {
    const { on, book, home } = await scenarioKeptBetweenChunks();
    const first = await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 1_500, onStep: home.tick });
    expect(first.done).toBe(false);
    expect(home.keptAccount.load()).not.toBeNull();
    // Someone else's chunk (another person's execution) changes the ledger in between.
    await runSyncChunk(homeFor(on, book), { scope: { sites: ["Test Site"] }, budgetMs: 60_000 });
    let reads = home.accountReads();
    await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 1_500, continues: true, onStep: home.tick });
    expect(home.accountReads()).toBe(reads + 1);
    await runInShortChunks(home);

    // Two users marked for deletion; a chunk with time for one step deletes one of them and leaves work.
    const status = (columnIndex(USERS_TAB, book.read("Users")[0] ?? []).get("status") ?? 0) + 1;
    const synced = usersOf(book).filter((u) => u.rcId);
    for (const user of synced.slice(0, 2)) book.write("Users", { row: user.row, column: status, values: [["Pending Delete"]] });
    const deleting = await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 500, onStep: home.tick });
    expect(deleting).toMatchObject({ done: false, deleted: 1 });
    // Where the deleted user's line went is the platform's to say: nothing is kept, the next chunk reads.
    expect(home.keptAccount.load()).toBeNull();
    reads = home.accountReads();
    const last = await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 60_000, continues: true });
    expect(last).toMatchObject({ done: true, deleted: 1 });
    expect(home.accountReads()).toBe(reads + 2);
  }, 60_000);
});

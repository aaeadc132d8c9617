import { afterEach, describe, expect, it } from "vitest";
import { SETTINGS_TAB, USERS_TAB } from "../../src/domain/tabs";
import { FetchTransport } from "../../src/node/fetch-transport";
import type { RingCentralClient } from "../../src/ringcentral/client";
import { systemClock } from "../../src/ringcentral/clock";
import type { HttpRequest, HttpResponse, HttpTransport } from "../../src/ringcentral/http";
import { type BulkClaims, type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import { claimMarkOf, settleLeftClaims } from "../../src/sync/bulk-claims";
import { previewSync } from "../../src/sync/preview";
import { runSyncChunk } from "../../src/sync/runner";
import { decodeTab } from "../../src/workbook/codec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { readLedger } from "../../src/workbook/sync-write-back";
import {
  append,
  homeFor,
  outcome,
  SCENARIO_SITES,
  sandboxPerTest,
  settledScenario,
  syncUntilSettled,
  usersOf,
  usersOnBothSites,
  writeScenario,
} from "./scenario";

const BULK = "/restapi/v1.0/account/*/extension-bulk-update";

/** Counts the claims' calls, notes when a user was created and a task seen ended, and lets a test act before a request. */
class WatchingTransport implements HttpTransport {
  tasks = 0;
  puts = 0;
  events: ("created" | "task ended")[] = [];
  before: ((request: HttpRequest) => Promise<void>) | null = null;
  constructor(private readonly inner = new FetchTransport(5000)) {}
  async send(request: HttpRequest): Promise<HttpResponse> {
    if (request.method === "POST" && request.url.includes("/extension-bulk-update")) this.tasks++;
    if (request.method === "PUT" && /\/extension\/\d+$/.test(request.url)) this.puts++;
    await this.before?.(request);
    const response = await this.inner.send(request);
    if (request.method === "POST" && /\/extension$/.test(request.url)) this.events.push("created");
    if (request.url.includes("/extension-bulk-update/tasks/") && /"status":"(Completed|Failed)"/.test(response.body))
      this.events.push("task ended");
    return response;
  }
}

function bulkClaimsSetting(book: MemoryWorkbook): string {
  return decodeTab(SETTINGS_TAB, book.read("Settings")).records.find((r) => r.setting === "Bulk Claims")?.value ?? "";
}

/** The scenario written on `on`, its calls watched, and another sync's client beside it. */
async function watchedScenario(on: RunningSandbox) {
  const book = new MemoryWorkbook();
  const transport = new WatchingTransport();
  const home = homeFor(on, book, transport);
  await writeScenario(home, book);
  return { book, transport, home, other: homeFor(on, new MemoryWorkbook()).client };
}

describe("lines claimed in bulk", () => {
  const sandbox = sandboxPerTest();
  const started: RunningSandbox[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.close()));
  });

  /** The scenario after a short first chunk whose task sticks InProgress (at ×2000 the stuck hour is 1.8 s). */
  async function afterStuckTask() {
    const on = await startSandbox({ seed: 5, timeScale: 2000 });
    started.push(on);
    const book = new MemoryWorkbook();
    const home = homeFor(on, book);
    await writeScenario(home, book);
    on.stickBulkTasks(1);
    const first = await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 600 });
    return { on, book, home, first };
  }

  it("claims every line in one task, and ends as one PUT a line would", async () => {
    const expected = await settledScenario(await sandbox());
    const on = await sandbox();
    const { book, transport, home } = await watchedScenario(on);
    expect((await previewSync(home, { sites: SCENARIO_SITES })).claims.sentence).toBe(
      "5 lines claimed in bulk (up to 500 a call; one by one if RingCentral refuses).",
    );
    await syncUntilSettled(home);
    expect(outcome(book, on)).toEqual(expected);
    // One task for the five lines; the only PUTs are none (PIN and password rode in the claims).
    expect({ tasks: transport.tasks, puts: transport.puts }).toEqual({ tasks: 1, puts: 0 });
    expect(usersOf(book).find((u) => u.email === "ann@example.com")).toMatchObject({ status: "Synced", secretAnswer: "" });
  }, 60_000);

  it("runs its task while the Message Only and Announcement Only users are created, and reads it back after", async () => {
    const expected = await settledScenario(await sandbox());
    // At ×2000 the stuck hour is 1.8 s: the task outlasts the two creates, which do not wait for it.
    const on = await startSandbox({ seed: 5, timeScale: 2000 });
    started.push(on);
    on.stickBulkTasks(1);
    const { book, transport, home } = await watchedScenario(on);
    const first = await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 60_000 });
    expect(first).toMatchObject({ done: true, created: 7, failed: 0 });
    expect(transport.events).toEqual(["created", "created", "task ended"]);
    expect(outcome(book, on)).toEqual(expected);
  }, 60_000);

  for (const refusal of ["records", "whole"] as BulkClaims[])
    it(`falls back to one claim a line when the platform refuses bulk claims (${refusal}), and remembers it`, async () => {
      const expected = await settledScenario(await sandbox());
      const on = await sandbox();
      on.setBulkClaims(refusal);
      const { book, transport, home } = await watchedScenario(on);
      await syncUntilSettled(home);
      expect(outcome(book, on)).toEqual(expected);
      // The refusal happened: a task was sent and refused, then each of the five lines claimed by its own PUT.
      expect({ tasks: transport.tasks, puts: transport.puts }).toEqual({ tasks: 1, puts: 5 });
      expect(bulkClaimsSetting(book)).toMatch(/^Off: RingCentral refused bulk claims on \d{4}-\d\d-\d\d/);
      // The next run claims one by one from the start, and its plan says so.
      const more = await previewSync(home, { sites: SCENARIO_SITES });
      expect(more.claims.way).toBe("single");
    }, 60_000);

  it("one by one, claims go in rounds of at most 40 PUTs, each read back, so that they settle within the chunk", async () => {
    const on = await sandbox();
    on.setBulkClaims("whole");
    const { book, transport, home } = await watchedScenario(on);
    append(book, USERS_TAB, usersOnBothSites(25, 7000, "Many"));
    // PUTs counted between the line lists: a round's claims settle as long after them as the round lasted.
    const rounds: number[] = [];
    let puts = 0;
    transport.before = async (request) => {
      if (request.method === "PUT" && /\/extension\/\d+$/.test(request.url)) puts++;
      if (request.method === "GET" && request.url.includes("status=") && puts > 0) rounds.push(puts);
      if (request.method === "GET" && request.url.includes("status=")) puts = 0;
    };
    const report = await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 60_000 });
    expect(report).toMatchObject({ done: true, failed: 0, adopted: 0 });
    expect(rounds).toEqual([40, 15]);
    expect(usersOf(book).filter((u) => u.status !== "Synced")).toEqual([]);
    expect(outcome(book, on).duplicateNumbers).toBe(0);
  }, 60_000);

  it("a task whose records are all refused for faults of their own leaves Bulk Claims on: the PUTs are refused too", async () => {
    const on = await sandbox();
    const { book, transport, home, other } = await watchedScenario(on);
    const emails: string[] = [];
    // Just before the task goes, someone else gives every one of its emails to a new voicemail box.
    transport.before = async (request) => {
      if (request.method !== "POST" || !request.url.includes("/extension-bulk-update")) return;
      transport.before = null;
      const records = JSON.parse(String(request.body)).records as { contact: { email: string } }[];
      for (const [i, { contact }] of records.entries()) {
        emails.push(contact.email);
        await other.call("createExtension", {
          body: {
            type: "Voicemail",
            extensionNumber: `49${10 + i}`,
            contact: { firstName: "Box", lastName: `N${i}`, email: contact.email },
            ivrPin: "739154",
          },
        });
      }
    };
    const report = await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 60_000 });
    expect(report.failed).toBe(emails.length);
    expect(emails.length).toBeGreaterThan(1);
    expect({ tasks: transport.tasks, puts: transport.puts }).toEqual({ tasks: 1, puts: emails.length });
    const refused = usersOf(book).filter((u) => emails.includes(u.email));
    expect(refused.map((u) => u.status)).toEqual(emails.map(() => "Error"));
    expect(refused[0]?.message).toContain("already used by another extension");
    expect(bulkClaimsSetting(book)).not.toMatch(/^Off/);
    expect((await previewSync(home, { sites: SCENARIO_SITES })).claims.way).toBe("bulk");
  }, 60_000);

  it("a task whose answer was lost, or answered with a server error, makes nothing twice", async () => {
    const expected = await settledScenario(await sandbox());
    for (const fault of [{ kind: "lose" as const }, { kind: "5xx" as const, status: 503 as const }]) {
      const on = await sandbox();
      const book = new MemoryWorkbook();
      const home = homeFor(on, book);
      await writeScenario(home, book);
      on.injectFault({ ...fault, method: "POST", path: BULK, count: 1 });
      await syncUntilSettled(home);
      expect(on.faultsFired()[fault.kind], fault.kind).toBe(1);
      expect(outcome(book, on), fault.kind).toEqual(expected);
    }
  }, 60_000);

  it("a line list that fails past the retries during the claims stops the run with its words; the next run makes nothing twice", async () => {
    const expected = await settledScenario(await sandbox());
    const on = await sandbox();
    const { book, transport, home } = await watchedScenario(on);
    // Armed at the claims' first list read (the one filtered by status): it and its four retries answer 503.
    transport.before = async (request) => {
      if (request.method === "GET" && request.url.includes("status=") && transport.tasks === 0) {
        transport.before = null;
        on.injectFault({ kind: "5xx", status: 503, method: "GET", path: "/restapi/v1.0/account/*/extension", count: 5 });
      }
    };
    const first = await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 60_000 });
    expect(on.faultsFired()["5xx"]).toBe(5);
    expect(first.stop).toMatchObject({ kind: "unavailable", message: expect.stringContaining("while claiming lines") });
    expect(first.done).toBe(false);
    expect(transport.tasks).toBe(0);
    await syncUntilSettled(home);
    expect(outcome(book, on)).toEqual(expected);
  }, 60_000);

  it("a task's looks that fail past the retries leave its rows in doubt, settled by the next run from the task's id", async () => {
    const expected = await settledScenario(await sandbox());
    const on = await sandbox();
    const book = new MemoryWorkbook();
    const home = homeFor(on, book);
    await writeScenario(home, book);
    on.injectFault({ kind: "5xx", status: 502, method: "GET", path: `${BULK}/tasks/*`, count: 5 });
    const first = await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 60_000 });
    expect(on.faultsFired()["5xx"]).toBe(5);
    expect(first.stop).toMatchObject({ kind: "unavailable", message: expect.stringContaining("while claiming lines") });
    expect(first.remaining).toBeGreaterThan(0);
    await syncUntilSettled(home);
    expect(outcome(book, on)).toEqual(expected);
  }, 60_000);

  /**
   * Another sync's claim of Vic's line (planned in our first task) lands just before the `read`th line list after
   * that task: 1, the read-back; 2, the confirming read, after the read-back saw Vic on it (the other's task had found
   * the line free before ours did). Either way Vic ends on another line, in a second task, and the line stays theirs.
   */
  for (const [read, when] of [
    [1, "while the task runs moves its row to another line, in a later task"],
    [2, "after the read-back saw it ours: the confirming read moves its row first"],
  ] as const)
    it(`a line another sync claims ${when}`, async () => {
      const on = await sandbox();
      const { book, transport, home, other } = await watchedScenario(on);
      let taken = "";
      let reads = 0;
      transport.before = async (request) => {
        if (request.method === "POST" && request.url.includes("/extension-bulk-update") && !taken) {
          const records = JSON.parse(String(request.body)).records as { id: string; contact: { email: string } }[];
          taken = records.find((r) => r.contact.email === "vic@example.com")?.id ?? "";
          return;
        }
        if (!taken || request.method !== "GET" || !request.url.includes("status=") || transport.tasks !== 1) return;
        if (++reads < read) return;
        transport.before = null;
        await other.call("updateExtension", {
          path: { extensionId: taken },
          body: { extensionNumber: "4999", contact: { firstName: "Oda", lastName: "Ther", email: "oda@example.com" } },
        });
      };
      await syncUntilSettled(home);
      expect({ taken: taken !== "", reads, armed: transport.before !== null }).toEqual({
        taken: true,
        reads: read,
        armed: false,
      });
      const account = on.state().extensions;
      expect(account.find((e) => String(e.id) === taken)?.contact?.email).toBe("oda@example.com");
      const vic = usersOf(book).find((u) => u.email === "vic@example.com");
      expect(vic).toMatchObject({ status: "Synced" });
      expect(vic?.rcId).not.toBe(taken);
      expect(vic?.message).toContain("another sync took the planned one");
      expect(account.filter((e) => e.contact?.email === "vic@example.com").map((e) => String(e.id))).toEqual([vic?.rcId]);
      expect(transport.tasks).toBe(2);
      expect(outcome(book, on).duplicateNumbers).toBe(0);
    }, 60_000);

  it("a chunk whose confirming read fails leaves its claims in doubt until they settle; the next chunk adopts them", async () => {
    const expected = await settledScenario(await sandbox());
    const on = await sandbox();
    const { book, transport, home } = await watchedScenario(on);
    // The read that would confirm the claims seen ours fails past the retries.
    let sentAt = 0;
    let lists = 0;
    let refused = 0;
    transport.before = async (request) => {
      if (request.method === "POST" && request.url.includes("/extension-bulk-update")) sentAt = Date.now();
      if (request.method !== "GET" || !request.url.includes("status=") || transport.tasks !== 1) return;
      if (++lists === 1) return;
      refused++;
      throw new Error("connection reset");
    };
    const first = await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 60_000 });
    expect(refused).toBeGreaterThan(0);
    expect(first.stop).toMatchObject({ message: expect.stringContaining("while claiming lines") });
    // Each intent says when its claim settles: its own settling time, not the one assumed for a killed chunk.
    const marks = readLedger(book).flatMap((e) => (e.state === "Creating" ? [claimMarkOf(e.values)] : []));
    expect(marks.length).toBe(5);
    for (const mark of marks) expect(mark?.settleBy).toSatisfy((at: number) => at > sentAt && at < sentAt + 60_000);
    transport.before = null;
    await syncUntilSettled(home);
    expect(outcome(book, on)).toEqual(expected);
    expect(transport.tasks).toBe(1);
  }, 60_000);

  it("a timer that fires a millisecond before its time (as Node's may) still confirms the claims within the chunk", async () => {
    const on = await sandbox();
    const { book, home } = await watchedScenario(on);
    let early = 0;
    const clock = {
      now: () => Date.now(),
      sleep: async (ms: number) => {
        if (ms > 1) early++;
        await systemClock.sleep(Math.max(0, ms - 1));
      },
    };
    const report = await runSyncChunk({ ...home, clock }, { scope: { sites: SCENARIO_SITES }, budgetMs: 60_000 });
    expect(early).toBeGreaterThan(0);
    expect(report).toMatchObject({ done: true, remaining: 0, created: 7 });
    expect(usersOf(book).filter((u) => u.status === "Synced" && u.secretAnswer === "").length).toBe(7);
  }, 60_000);

  it("a row a person adds above while a task runs takes a line the task is not claiming, in the plan shown and in the run", async () => {
    const { on, book, home, first } = await afterStuckTask();
    expect(first.done).toBe(false);
    const [running] = on.state().bulkTasks.filter((t) => t.pending);
    const claiming = new Set((running?.pending ?? []).map((r) => String((r as { id: unknown }).id)));
    expect(claiming.size).toBe(5);
    // Zed, a Virtual User of San Francisco like Vic, typed in above everyone: the plan offers him the first such line.
    append(book, USERS_TAB, [
      {
        userType: "Virtual User",
        firstName: "Zed",
        lastName: "Ray",
        email: "zed@example.com",
        ext: "4150",
        site: "San Francisco",
        setupWizard: "Not Started",
      },
    ]);
    const table = book.read("Users");
    book.write("Users", { row: 1, column: 1, values: [table[0] ?? [], table.at(-1) ?? [], ...table.slice(1, -1)] });
    // The plan shown meanwhile says the same: Zed on a line the task is not claiming, Vic on the one it is.
    const shown = await previewSync(home, { sites: SCENARIO_SITES });
    const lineOf = (email: string) => shown.creates.find((c) => c.email === email)?.line?.rcId ?? "";
    expect(claiming.has(lineOf("zed@example.com"))).toBe(false);
    expect(lineOf("zed@example.com")).not.toBe("");
    expect(claiming.has(lineOf("vic@example.com"))).toBe(true);
    // A short chunk, over before the task ends: Zed's claim goes while Vic's line still reads unassigned.
    await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 400, continues: true });
    expect(on.state().bulkTasks.filter((t) => t.pending)).toHaveLength(1);
    await syncUntilSettled(home);
    const zed = usersOf(book).find((u) => u.email === "zed@example.com");
    expect(zed).toMatchObject({ status: "Synced" });
    expect(claiming.has(zed?.rcId ?? "")).toBe(false);
    // The task's users keep the lines it was giving them.
    const vic = usersOf(book).find((u) => u.email === "vic@example.com");
    expect(claiming.has(vic?.rcId ?? "")).toBe(true);
    expect(outcome(book, on).duplicateNumbers).toBe(0);
  }, 60_000);

  it("a task stuck InProgress: its rows wait, chunk after chunk, and are settled from its id once it ends", async () => {
    const expected = await settledScenario(await sandbox());
    const { on, book, home, first } = await afterStuckTask();
    expect(first.done).toBe(false);
    const running = on.state().bulkTasks.filter((t) => t.pending);
    expect(running).toHaveLength(1);
    const second = await runSyncChunk(home, { scope: { sites: SCENARIO_SITES }, budgetMs: 400, continues: true });
    expect(second.done).toBe(false);
    const waiting = usersOf(book).filter((u) => u.message.startsWith("Waiting for RingCentral's bulk task"));
    expect(waiting.map((u) => u.email).sort()).toEqual(
      ["ann@example.com", "ben@example.com", "cy@example.com", "lobby@example.com", "vic@example.com"].sort(),
    );
    await syncUntilSettled(home);
    expect(on.state().bulkTasks.filter((t) => t.pending)).toEqual([]);
    expect(outcome(book, on)).toEqual(expected);
  }, 60_000);
});

describe("claims a chunk left, before the next reads the account", () => {
  /** A clock that only moves when slept on, and says how long it slept. */
  function sleepingClock(start: number) {
    const clock = {
      at: start,
      slept: 0,
      now: () => clock.at,
      sleep: async (ms: number) => {
        clock.slept += ms;
        clock.at += ms;
      },
    };
    return clock;
  }
  const intent = (values: string) => ({ state: "Creating", values });
  const client = {} as RingCentralClient;

  it("are waited out until the last of them has settled (another sync's claim of their lines would have landed)", async () => {
    const clock = sleepingClock(1_000);
    const ledger = [
      intent(JSON.stringify({ claim: "single", settleBy: 4_000 })),
      intent(JSON.stringify({ claim: "single", settleBy: 9_000 })),
      { state: "Synced", values: JSON.stringify({ claim: "single", settleBy: 50_000 }) },
      intent(""),
    ];
    expect(await settleLeftClaims({ client, clock }, ledger, 30_000)).toEqual(new Set());
    expect(clock.slept).toBe(8_000);
  });

  it("no longer than the chunk allows, and not at all once they have settled", async () => {
    const late = sleepingClock(1_000);
    await settleLeftClaims({ client, clock: late }, [intent(JSON.stringify({ claim: "bulk", settleBy: 90_000 }))], 16_000);
    expect(late.slept).toBe(15_000);
    const settled = sleepingClock(10_000);
    await settleLeftClaims({ client, clock: settled }, [intent(JSON.stringify({ claim: "bulk", settleBy: 9_000 }))], 16_000);
    expect(settled.slept).toBe(0);
  });
});

import { parseArgs } from "node:util";
import { blankRecord, type UserRecord } from "../src/domain/records";
import { USERS_TAB } from "../src/domain/tabs";
import { FetchTransport } from "../src/node/fetch-transport";
import { RingCentralClient } from "../src/ringcentral/client";
import { systemClock } from "../src/ringcentral/clock";
import type { HttpRequest, HttpResponse, HttpTransport } from "../src/ringcentral/http";
import { type RunningSandbox, startSandbox } from "../src/sandbox/index";
import { keptInProcess } from "../src/sync/kept-account";
import { previewSync } from "../src/sync/preview";
import { runSyncChunk } from "../src/sync/runner";
import { columnIndex, encodeRows } from "../src/workbook/codec";
import { MemoryWorkbook } from "../src/workbook/memory-workbook";
import type { Block, Cell, CellMark, SheetLayout } from "../src/workbook/port";
import { setUpWorkspace } from "../src/workbook/setup";
import { readWorkspace } from "../src/workbook/workspace-reader";
import { AppsScriptHome } from "./apps-script";
import { CountingProxy } from "./counting-proxy";
import { accountRead, add, floorSeconds, type GroupCalls } from "./floor";
import { round } from "./timing";

const round3 = (n: number) => round(n, 3);

export const SITES = ["San Francisco", "New York", "Main Site"];
const SECRET_QUESTION = "What was the name of your first pet?";
/** The sidebar's chunk: 2 minutes of a 6-minute execution, scaled with the sandbox's clock. */
const CHUNK_MS = 120_000;
/** A SpreadsheetApp call's round trip in Sheets, before the time scale. */
const SHEETS_LATENCY_MS = 100;

/**
 * sync: N new users (one per unassigned US line, by its type; every tenth row a Message Only or Announcement Only;
 * 30% Completed with PIN, password and a secret question) synced to the sandbox at a time scale, chunk by chunk.
 * With --apps-script, dist/Code.js runs in the local Apps Script runtime as the sidebar drives it (a fresh execution
 * per chunk, each SpreadsheetApp call priced); without, the Node home runs the runner on an in-memory workbook.
 * The floor is what the work needs under the sliding windows (see floor.ts), never the calls made.
 */
export async function syncBench(args: string[]): Promise<object> {
  const { values } = parseArgs({
    args,
    options: {
      users: { type: "string", default: "1000" },
      // At 100 this machine's own cost per request (~8 ms through the runtime's worker and the counting proxy, 0.8 s
      // of scaled time) outweighs RingCentral's real latency, and the run measures the CPU instead of the limits.
      "time-scale": { type: "string", default: "20" },
      "apps-script": { type: "boolean", default: false },
      dist: { type: "string" },
      // How many users have a secret question (3 in 10 unless told).
      secrets: { type: "string" },
      // How many users are Message Only or Announcement Only (every tenth row unless told): each is a create of its own.
      "message-only": { type: "string" },
      // accepted: the sandbox claims lines through extension-bulk-update; refused: it refuses each claim record (the
      // sync falls back to one PUT a line); whole: it refuses the whole call.
      "bulk-claims": { type: "string", default: "accepted" },
    },
  });
  const users = Number(values.users);
  const timeScale = Number(values["time-scale"]);
  const refusal = values["bulk-claims"];
  if (!["accepted", "refused", "whole"].includes(refusal)) throw new Error("--bulk-claims is accepted, refused or whole");
  const bulkClaims = refusal === "refused" ? "records" : (refusal as "accepted" | "whole");
  const mix: UserMix = {
    ...(values.secrets === undefined ? {} : { secrets: Number(values.secrets) }),
    ...(values["message-only"] === undefined ? {} : { messageOnly: Number(values["message-only"]) }),
  };
  const sandbox = await startSandbox({ timeScale, seed: 3, users: 20, lines: Math.ceil(users * 1.6), bulkClaims });
  try {
    const account = accountSize(sandbox);
    const run = values["apps-script"]
      ? await appsScriptSync(sandbox, users, timeScale, values.dist, mix)
      : await nodeSync(sandbox, users, timeScale, mix);
    const needed = neededForSync(run.rows, account, bulkClaims === "accepted" ? "bulk" : "single");
    const floor = floorSeconds(needed, timeScale);
    return {
      name: "sync",
      home: values["apps-script"] ? "apps-script" : "node",
      users,
      users_with_secret: run.rows.filter((r) => r.secretQuestion).length,
      users_message_only: run.rows.filter((r) => !onLine(r)).length,
      bulk_claims: refusal,
      synced: run.synced,
      seconds: round3(run.seconds),
      platform_minutes: round3((run.seconds * timeScale) / 60),
      time_scale: timeScale,
      chunks: run.chunks,
      http_429: run.counts.http_429,
      calls: run.counts.calls,
      calls_needed: needed,
      ...run.extra,
      floor_seconds: round3(floor),
      ratio_to_floor: round3(run.seconds / floor),
    };
  } finally {
    await sandbox.close();
  }
}

interface SyncRun {
  rows: Partial<UserRecord>[];
  synced: number;
  seconds: number;
  chunks: number;
  counts: { calls: GroupCalls; http_429: number };
  extra: object;
}

async function appsScriptSync(
  sandbox: RunningSandbox,
  users: number,
  timeScale: number,
  dist?: string,
  mix: UserMix = {},
): Promise<SyncRun> {
  const proxy = new CountingProxy(sandbox.serverUrl);
  const server = await proxy.start();
  const home = new AppsScriptHome(sandbox, { server, timeScale, sheetsLatencyMs: SHEETS_LATENCY_MS, dist });
  try {
    await home.prepare();
    const rows = generatedUsers(home.lines(), users, mix);
    home.writeUsers(rows);
    proxy.reset();
    const started = performance.now();
    const figures = await home.sync(SITES);
    const seconds = (performance.now() - started) / 1000;
    return {
      rows,
      synced: home.users().filter((u) => u.status === "Synced").length,
      seconds,
      chunks: figures.chunks,
      counts: proxy.counts,
      extra: {
        executions: figures.executions,
        // Platform seconds (wall × time scale) of the longest runSync execution; Apps Script ends one at 360.
        longest_execution_seconds: round3((figures.longestMs * timeScale) / 1000),
        sheets_calls: figures.sheetsCalls,
        sheets_calls_max_per_execution: figures.sheetsCallsMax,
        sheets_calls_busiest_execution: figures.sheetsCallsWorst,
        sheets_latency_ms: SHEETS_LATENCY_MS,
      },
    };
  } finally {
    await home.close();
    await proxy.close();
  }
}

async function nodeSync(sandbox: RunningSandbox, users: number, timeScale: number, mix: UserMix = {}): Promise<SyncRun> {
  const transport = new GroupCountingTransport(new FetchTransport(30_000));
  const client = new RingCentralClient({ ...sandbox, server: sandbox.serverUrl, transport });
  const workbook = new CountingWorkbook();
  setUpWorkspace(workbook);
  // As the CLI runs a sync: every chunk in one process, the account kept from one chunk to the next.
  const home = { workbook, client, clock: systemClock, keptAccount: keptInProcess() };
  await previewSync(home, { sites: [] });
  const rows = generatedUsers(readWorkspace(workbook).workspace.account.lines, users, mix);
  const header = workbook.read("Users")[0] ?? [];
  workbook.write("Users", { row: 2, column: 1, values: encodeRows(columnIndex(USERS_TAB, header), header.length, rows) });
  transport.reset();
  workbook.reset();
  const started = performance.now();
  let chunks = 0;
  for (let done = false; !done; chunks++)
    done = (await runSyncChunk(home, { scope: { sites: SITES }, budgetMs: CHUNK_MS / timeScale, continues: chunks > 0 })).done;
  const seconds = (performance.now() - started) / 1000;
  return {
    rows,
    synced: readWorkspace(workbook).workspace.users.filter((u) => u.status === "Synced").length,
    seconds,
    chunks,
    counts: { calls: transport.calls, http_429: transport.status429 },
    extra: { workbook_reads: workbook.reads, workbook_writes: workbook.writes },
  };
}

/** How big the account is, for the pages of its reads: every extension, those holding a line, the numbers. */
export function accountSize(sandbox: RunningSandbox): { extensions: number; assigned: number; numbers: number } {
  const state = sandbox.state();
  const assigned = state.extensions.filter((e) => e.status !== "Unassigned").length;
  return { extensions: state.extensions.length, assigned, numbers: state.phoneNumbers.length };
}

/**
 * What a sync of these rows needs: the account read before and after; the users on lines claimed in tasks of 500
 * (`bulk`: one Heavy call and at least one Light look each) or one PUT each (`single`: after one task the platform
 * refused), the lines checked by one paged list of the extensions holding lines before the first task and after each
 * (or after the single claims); per user without a line, a create; per secret question, its own call (and the
 * questions read once); one bulk role assignment per role other than the default.
 */
export function neededForSync(
  rows: Partial<UserRecord>[],
  account: { extensions: number; assigned: number; numbers: number },
  way: "bulk" | "single" = "bulk",
): GroupCalls {
  const needed: GroupCalls = {};
  accountRead(needed, account);
  accountRead(needed, account);
  const onLines = rows.filter(onLine).length;
  const pages = (holding: number) => Math.max(1, Math.ceil(holding / 1000));
  const tasks = way === "bulk" ? Math.ceil(onLines / 500) : 1;
  add(add(needed, "heavy", tasks), "light", tasks);
  add(needed, "medium", pages(account.assigned));
  for (let t = 1; t <= tasks; t++) add(needed, "medium", pages(account.assigned + Math.min(onLines, t * 500)));
  if (way === "single") add(needed, "medium", onLines + pages(account.assigned + onLines));
  // The read that confirms the claims once other syncs' claims of the same lines would have landed.
  add(needed, "medium", pages(account.assigned + onLines));
  add(needed, "medium", rows.length - onLines);
  const secrets = rows.filter((r) => r.secretQuestion).length;
  if (secrets > 0) add(add(needed, "light", 1), "medium", secrets);
  // A new user gets the account's default role (Standard) with its claim: only other roles need their assignment.
  add(needed, "heavy", new Set(rows.map((r) => r.role).filter((r) => r && r !== "Standard")).size);
  return needed;
}

/** A user that takes a line (every type but Message Only and Announcement Only, which are created one by one). */
function onLine(row: Partial<UserRecord>): boolean {
  return !["Message Only", "Announcement Only"].includes(row.userType ?? "");
}

/** How many of the generated users have a secret question, and how many are Message Only or Announcement Only. */
export interface UserMix {
  secrets?: number;
  messageOnly?: number;
}

/**
 * One user per unassigned US line, typed by the line; every tenth row a Message Only or Announcement Only (the first
 * `messageOnly` of those rows); of the users, 3 in 10 Completed (at most `secrets` of them), with PIN, password and a
 * secret question.
 */
export function generatedUsers(
  accountLines: { country: string; lineType: string }[],
  count: number,
  { secrets = Number.POSITIVE_INFINITY, messageOnly = Number.POSITIVE_INFINITY }: UserMix = {},
): Partial<UserRecord>[] {
  let withSecret = 0;
  const lines = accountLines.filter((l) => l.country === "US");
  const typeOf: Record<string, string> = { User: "User", "Virtual User": "Virtual User", Limited: "Limited Extension" };
  return Array.from({ length: count }, (_, i) => {
    const line = lines[i];
    const unlined = i % 10 === 9 && (i - 9) / 10 < messageOnly;
    const type = unlined ? (i % 20 === 9 ? "Message Only" : "Announcement Only") : (typeOf[line?.lineType ?? "User"] ?? "User");
    // A Completed user needs a secret question: past `secrets` of them, the rest start Not Started.
    const completed = i % 10 < 3 && withSecret++ < secrets;
    const wizard = type === "Limited Extension" || completed ? "Completed" : "Not Started";
    return {
      ...blankRecord(USERS_TAB),
      userType: type,
      firstName: `First${i}`,
      lastName: `Last${i}`,
      email: `bench.${i}@example.com`,
      ext: String(50000 + i),
      site: SITES[i % SITES.length] ?? "Main Site",
      setupWizard: wizard,
      password: wizard === "Completed" ? "Blue42horse!" : "",
      pin: type === "Message Only" || (completed && type !== "Limited Extension") ? "274916" : "",
      secretQuestion: completed ? SECRET_QUESTION : "",
      secretAnswer: completed ? "Rex the dog" : "",
      role: i % 4 === 0 ? "Standard" : "",
    };
  });
}

class GroupCountingTransport implements HttpTransport {
  calls: Record<string, number> = {};
  status429 = 0;
  constructor(private readonly inner: HttpTransport) {}
  async send(request: HttpRequest): Promise<HttpResponse> {
    const response = await this.inner.send(request);
    const group = response.headers["x-rate-limit-group"]?.toLowerCase() ?? "unknown";
    this.calls[group] = (this.calls[group] ?? 0) + 1;
    if (response.status === 429) this.status429++;
    return response;
  }
  reset(): void {
    this.calls = {};
    this.status429 = 0;
  }
}

/** The in-memory workbook, counting the calls a real sheet would answer one round trip each. */
class CountingWorkbook extends MemoryWorkbook {
  reads = 0;
  writes = 0;
  reset(): void {
    this.reads = 0;
    this.writes = 0;
  }
  override read(sheet: string): Cell[][] {
    this.reads++;
    return super.read(sheet);
  }
  override write(sheet: string, block: Block<Cell>): void {
    this.writes++;
    super.write(sheet, block);
  }
  override mark(sheet: string, block: Block<CellMark>): void {
    this.writes++;
    super.mark(sheet, block);
  }
  override deleteRows(sheet: string, row: number, count: number): void {
    this.writes++;
    super.deleteRows(sheet, row, count);
  }
  override applyLayout(sheet: string, layout: SheetLayout): void {
    this.writes++;
    super.applyLayout(sheet, layout);
  }
}

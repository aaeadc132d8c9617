import { parseArgs } from "node:util";
import { blankRecord } from "../src/domain/records";
import { USERS_TAB } from "../src/domain/tabs";
import { FetchTransport } from "../src/node/fetch-transport";
import { RingCentralClient } from "../src/ringcentral/client";
import { systemClock } from "../src/ringcentral/clock";
import type { HttpRequest, HttpResponse, HttpTransport } from "../src/ringcentral/http";
import { startSandbox } from "../src/sandbox/index";
import { previewSync } from "../src/sync/preview";
import { runSyncChunk } from "../src/sync/runner";
import { columnIndex, encodeRows } from "../src/workbook/codec";
import { MemoryWorkbook } from "../src/workbook/memory-workbook";
import type { Block, Cell, CellMark, SheetLayout } from "../src/workbook/port";
import { setUpWorkspace } from "../src/workbook/setup";
import { readWorkspace } from "../src/workbook/workspace-reader";
import { round } from "./timing";

const round3 = (n: number) => round(n, 3);

const LIMITS: Record<string, number> = { light: 50, medium: 40, heavy: 10, auth: 5 };
const SITES = ["San Francisco", "New York", "Main Site"];

/**
 * sync: N new users (one per unassigned US line, by its type, plus Message Only and Announcement Only rows) synced
 * to the sandbox at a time scale, in chunks, as the sidebar drives a run. Counts calls per usage group, 429s, and the
 * workbook's reads and writes during the run. The floor is the largest, over groups, of calls ÷ limit × window.
 */
export async function syncBench(args: string[]): Promise<object> {
  const { values } = parseArgs({
    args,
    options: { users: { type: "string", default: "1000" }, "time-scale": { type: "string", default: "100" } },
  });
  const users = Number(values.users);
  const timeScale = Number(values["time-scale"]);
  const sandbox = await startSandbox({ timeScale, seed: 3, users: 20, lines: Math.ceil(users * 1.6) });
  try {
    const transport = new GroupCountingTransport(new FetchTransport(30_000));
    const client = new RingCentralClient({ ...sandbox, server: sandbox.serverUrl, transport });
    const workbook = new CountingWorkbook();
    setUpWorkspace(workbook);
    const home = { workbook, client, clock: systemClock };
    await previewSync(home, { sites: [] });
    writeUsers(workbook, users);
    transport.reset();
    workbook.reset();
    const started = performance.now();
    let chunks = 0;
    for (let done = false; !done; chunks++)
      done = (await runSyncChunk(home, { scope: { sites: SITES }, budgetMs: 270_000 })).done;
    const seconds = (performance.now() - started) / 1000;
    const synced = readWorkspace(workbook).workspace.users.filter((u) => u.status === "Synced").length;
    const floor = Math.max(
      ...Object.entries(transport.calls).map(([group, calls]) => (calls / (LIMITS[group] ?? 40)) * (60 / timeScale)),
    );
    return {
      name: "sync",
      users,
      synced,
      chunks,
      seconds: round3(seconds),
      floor_seconds: round3(floor),
      ratio_to_floor: round3(seconds / floor),
      http_429: transport.status429,
      calls: transport.calls,
      workbook_reads: workbook.reads,
      workbook_writes: workbook.writes,
    };
  } finally {
    await sandbox.close();
  }
}

/** One user per unassigned US line, typed by the line; every tenth row a Message Only or Announcement Only. */
function writeUsers(workbook: MemoryWorkbook, count: number): void {
  const lines = readWorkspace(workbook).workspace.account.lines.filter((l) => l.country === "US");
  const typeOf: Record<string, string> = { User: "User", "Virtual User": "Virtual User", Limited: "Limited Extension" };
  const rows = Array.from({ length: count }, (_, i) => {
    const line = lines[i];
    const type =
      i % 10 === 9 ? (i % 20 === 9 ? "Message Only" : "Announcement Only") : (typeOf[line?.lineType ?? "User"] ?? "User");
    return {
      ...blankRecord(USERS_TAB),
      userType: type,
      firstName: `First${i}`,
      lastName: `Last${i}`,
      email: `bench.${i}@example.com`,
      ext: String(50000 + i),
      site: SITES[i % SITES.length] ?? "Main Site",
      setupWizard: type === "Limited Extension" ? "Completed" : "Not Started",
      password: type === "Limited Extension" ? "Blue42horse!" : "",
      pin: type === "Message Only" ? "274916" : "",
      role: i % 4 === 0 ? "Standard" : "",
    };
  });
  const header = workbook.read("Users")[0] ?? [];
  workbook.write("Users", { row: 2, column: 1, values: encodeRows(columnIndex(USERS_TAB, header), header.length, rows) });
}

class GroupCountingTransport implements HttpTransport {
  calls: Record<string, number> = {};
  status429 = 0;
  constructor(private readonly inner: HttpTransport) {}
  async send(request: HttpRequest): Promise<HttpResponse> {
    const response = await this.inner.send(request);
    const group = response.headers["x-rate-limit-group"] ?? "unknown";
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

import { existsSync } from "node:fs";
import { generatedUsers } from "../../bench/sync";
import { SIDEBAR_CHUNK_MS } from "../../sidebar/chunk-budget";
import type { AppsScriptRuntime } from "../../src/apps-script-runtime/runtime";
import { SheetsDocument } from "../../src/apps-script-runtime/spreadsheet/document";
import type { UserRecord } from "../../src/domain/records";
import { SYNC_LEDGER_TAB, type TabDef, UNASSIGNED_LINES_TAB, USERS_TAB } from "../../src/domain/tabs";
import { type Exchange, type RunningSandbox, type SandboxOptions, startSandbox } from "../../src/sandbox/index";
import type { ChunkReport } from "../../src/sync/runner";
import { columnIndex, decodeTab, encodeRows } from "../../src/workbook/codec";
import type { Cell } from "../../src/workbook/port";
import { PRODUCTION, sidebarCall, startBuiltAddIn } from "../built-add-in";

export const PERSON = "ann@example.com";
export const COLLEAGUE = "bo@example.com";

/** When a test ends an execution as its time limit would: after so many API answers, or SpreadsheetApp calls. */
export interface KillMoment {
  kind: "api" | "sheets";
  after: number;
}

/** What one runSync call came to: its report, or the execution ended by its time limit. */
export type ChunkEnd = { killed: true } | { killed: false; report: ChunkReport };

/**
 * The built add-in (dist/Code.js) in the local Apps Script runtime at a time scale, over a document of its own, synced
 * as the sidebar drives it: runSync chunk by chunk (its budget and the execution's limit scaled), each a fresh
 * execution. A chunk can be killed at a chosen moment through the runtime's time limit (its worker terminated).
 */
export class SidebarSync {
  readonly document = SheetsDocument.blank("sidebar-sync", { owner: PERSON, editors: [PERSON, COLLEAGUE], domain: null });
  readonly runtime: AppsScriptRuntime;
  private armed: { moment: KillMoment; seen: number } | null = null;
  private killedNow = false;

  constructor(
    private readonly sandbox: RunningSandbox,
    private readonly timeScale: number,
  ) {
    this.runtime = startBuiltAddIn({ document: this.document, user: PERSON, sandbox: sandbox.serverUrl, timeScale });
    const count = this.document.count.bind(this.document);
    this.document.count = (method: string) => {
      count(method);
      this.tick("sheets");
    };
  }

  /** For the sandbox's onExchange: every API answer counts towards an armed kill. */
  readonly onExchange = (): void => this.tick("api");

  async prepare(): Promise<void> {
    const { clientId, clientSecret, jwt } = this.sandbox;
    await this.call("connect", { server: PRODUCTION, clientId, clientSecret, jwt });
    await this.call("setUpWorkspace", {});
    await this.call("refreshAccount", {});
  }

  /** A server function as the sidebar calls it; its value (a failed execution throws). */
  async call(name: string, input: unknown = {}): Promise<unknown> {
    const answer = await sidebarCall(this.runtime, name, input);
    if (!answer.outcome.ok) throw new Error(`${name}: ${answer.outcome.error}`);
    return answer.value;
  }

  /** One runSync call (the sidebar's budget unless told, scaled), killed at `kill` when given and reached. */
  async chunk(
    sites: string[],
    continues: boolean,
    kill?: KillMoment,
    budgetMs = SIDEBAR_CHUNK_MS / this.timeScale,
  ): Promise<ChunkEnd> {
    this.armed = kill ? { moment: kill, seen: 0 } : null;
    this.killedNow = false;
    const input = { sites, budgetMs: Math.max(1000, budgetMs), limitMs: 360_000 / this.timeScale, continues };
    const answer = await sidebarCall(this.runtime, "runSync", input);
    this.armed = null;
    if (!answer.outcome.ok) {
      if (!this.killedNow && !/Exceeded maximum execution time/.test(answer.outcome.error ?? ""))
        throw new Error(`runSync: ${answer.outcome.error}`);
      return { killed: true };
    }
    return { killed: false, report: answer.value as ChunkReport };
  }

  tab(tab: TabDef): Cell[][] {
    const sheet = this.document.sheetByName(tab.name);
    return (sheet?.rows ?? []).map((line) => Array.from(line, (cell) => cell?.value ?? "") as Cell[]);
  }

  users(): UserRecord[] {
    return decodeTab(USERS_TAB, this.tab(USERS_TAB)).records as UserRecord[];
  }

  ledger() {
    return decodeTab(SYNC_LEDGER_TAB, this.tab(SYNC_LEDGER_TAB)).records;
  }

  lines() {
    return decodeTab(UNASSIGNED_LINES_TAB, this.tab(UNASSIGNED_LINES_TAB)).records;
  }

  /** Rows written below the header, as a paste would put them. */
  writeUsers(rows: Partial<UserRecord>[]): void {
    const sheet = this.document.sheetByName(USERS_TAB.name);
    if (!sheet) throw new Error("no Users tab");
    const header = this.tab(USERS_TAB)[0] ?? [];
    const values = encodeRows(columnIndex(USERS_TAB, header), header.length, rows as UserRecord[]);
    sheet.maxRows = Math.max(sheet.maxRows, values.length + 1);
    values.forEach((line, r) => {
      line.forEach((value, c) => {
        sheet.cellToWrite(r + 2, c + 1).value = value as string;
      });
    });
  }

  close(): Promise<void> {
    return this.runtime.close();
  }

  private tick(kind: KillMoment["kind"]): void {
    const armed = this.armed;
    if (!armed || armed.moment.kind !== kind || ++armed.seen < armed.moment.after) return;
    this.armed = null;
    this.killedNow = this.runtime.exceedTimeLimit() > 0;
  }
}

/** A sandbox and the built add-in over generated users, set up and ready to sync, and what the account had before. */
export interface GeneratedSync {
  sandbox: RunningSandbox;
  sync: SidebarSync;
  /** The account's users before the sync. */
  existing: Set<number>;
  /** The unassigned lines before the sync. */
  lines: number[];
  close(): Promise<void>;
}

/**
 * The sandbox (320 lines, 20 users, seed 3, any faults) at `timeScale`, the add-in connected and set up, `users` rows.
 * `watch` sees every exchange once the sync is made (a test ends an execution from there).
 */
export async function startGeneratedSync(
  users: number,
  timeScale: number,
  more: { faults?: SandboxOptions["faults"]; watch?: (exchange: Exchange, sync: SidebarSync) => void } = {},
): Promise<GeneratedSync> {
  if (!existsSync(new URL("../../dist/Code.js", import.meta.url))) throw new Error("Run npm run build first.");
  let sync: SidebarSync | undefined;
  const sandbox = await startSandbox({
    timeScale,
    seed: 3,
    users: 20,
    lines: 320,
    faults: more.faults,
    onExchange: (exchange) => {
      if (!sync) return;
      sync.onExchange();
      more.watch?.(exchange, sync);
    },
  });
  sync = new SidebarSync(sandbox, timeScale);
  await sync.prepare();
  sync.writeUsers(generatedUsers(sync.lines(), users));
  const before = sandbox.state();
  return {
    sandbox,
    sync,
    existing: new Set(before.extensions.filter((e) => e.status !== "Unassigned").map((e) => e.id)),
    lines: before.extensions.filter((e) => e.status === "Unassigned").map((e) => e.id),
    close: async () => {
      await sync.close();
      await sandbox.close();
    },
  };
}

/** What the account and the sheet came to, as the CLI's crash test counts it. */
export function syncFigures({ sandbox, existing, lines, sync }: Omit<GeneratedSync, "close">) {
  const account = sandbox.state();
  const rows = sync.users();
  const made = account.extensions.filter((e) => e.status !== "Unassigned" && !existing.has(e.id));
  const onSheet = new Map(rows.filter((r) => r.rcId).map((r) => [r.rcId, r]));
  const stuck = rows.filter((r) => r.status === "Error" || r.status === "Creating" || (!r.rcId && r.status !== ""));
  return {
    created: made.length,
    orphans: made.filter((e) => !onSheet.has(String(e.id))).length,
    duplicateNumbers: duplicates(account.extensions.map((e) => e.extensionNumber ?? "").filter(Boolean)),
    duplicateEmails: duplicates(made.map((e) => (e.contact?.email ?? "").toLowerCase())),
    linesLost: lines.filter((id) => {
      const now = account.extensions.find((e) => e.id === id);
      return !now || (now.status !== "Unassigned" && !onSheet.has(String(id)));
    }).length,
    rowsStuck: stuck.length,
    intentsLeft: sync.ledger().filter((e) => e.state === "Creating").length,
    /** Rows whose RC Id is another user's (or nobody's): the account's user by that id has another email or Ext. */
    wrongRcId: [...onSheet.values()].filter((r) => {
      const user = account.extensions.find((e) => String(e.id) === r.rcId);
      return !user || user.extensionNumber !== r.ext || user.contact?.email?.toLowerCase() !== r.email.toLowerCase();
    }).length,
  };
}

function duplicates(values: string[]): number {
  return values.length - new Set(values).size;
}

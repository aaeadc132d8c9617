import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { SIDEBAR_CHUNK_MS } from "../sidebar/chunk-budget";
import type { Manifest } from "../src/apps-script-runtime/manifest";
import { type AppsScriptRuntime, type Outcome, startAppsScriptRuntime } from "../src/apps-script-runtime/runtime";
import { SheetsDocument } from "../src/apps-script-runtime/spreadsheet/document";
import { spreadsheetService } from "../src/apps-script-runtime/spreadsheet/service";
import type { UserRecord } from "../src/domain/records";
import { type TabDef, UNASSIGNED_LINES_TAB, USERS_TAB } from "../src/domain/tabs";
import type { RunningSandbox } from "../src/sandbox/index";
import { columnIndex, decodeTab, encodeRows } from "../src/workbook/codec";
import type { Cell } from "../src/workbook/port";

const DIST = new URL("../dist/", import.meta.url);
const PERSON = "bench@example.com";
const PRODUCTION = "https://platform.ringcentral.com";

/** Sums of what the executions of a run did. */
export interface RunFigures {
  executions: number;
  chunks: number;
  sheetsCallsMax: number;
  sheetsCalls: number;
  /** The busiest execution's SpreadsheetApp calls by method, most first. */
  sheetsCallsWorst: Record<string, number>;
  /** The longest runSync execution, wall milliseconds. */
  longestMs: number;
}

/**
 * The add-in as Apps Script runs it: dist/Code.js in the local runtime, SpreadsheetApp over a document of its own
 * priced per call, RingCentral's production host led to the sandbox. A sync is driven as the sidebar drives it:
 * runSync with the chunk budget, each call a fresh execution.
 */
export class AppsScriptHome {
  readonly document = SheetsDocument.blank("bench", { owner: PERSON, editors: [PERSON], domain: null });
  private readonly runtime: AppsScriptRuntime;
  private readonly timeScale: number;
  private figures: RunFigures = {
    executions: 0,
    chunks: 0,
    sheetsCallsMax: 0,
    sheetsCalls: 0,
    sheetsCallsWorst: {},
    longestMs: 0,
  };

  /** `server` is where RingCentral's host is led (the sandbox, or a proxy before it). */
  constructor(
    private readonly sandbox: RunningSandbox,
    options: { server: string; timeScale: number; sheetsLatencyMs: number; dist?: string },
  ) {
    this.timeScale = options.timeScale;
    // Another build (--dist) measures an earlier version of the add-in against the same benchmark.
    const dist = options.dist ? pathToFileURL(`${options.dist.replace(/\/$/, "")}/`) : DIST;
    const read = (file: string) => readFileSync(new URL(file, dist), "utf8");
    this.runtime = startAppsScriptRuntime({
      code: read("Code.js"),
      manifest: JSON.parse(read("appsscript.json")) as Manifest,
      files: { sidebar: read("sidebar.html") },
      services: [spreadsheetService(this.document)],
      routes: { [PRODUCTION]: options.server },
      user: PERSON,
      timeScale: options.timeScale,
      // A real SpreadsheetApp round trip, on the same scaled clock as everything else.
      latencyMs: { SpreadsheetApp: options.sheetsLatencyMs / options.timeScale },
    });
  }

  /** Connected with the sandbox's JWT, the workspace set up and the account read into its tabs. */
  async prepare(): Promise<void> {
    const { clientId, clientSecret, jwt } = this.sandbox;
    await this.call("connect", { server: PRODUCTION, clientId, clientSecret, jwt });
    await this.call("setUpWorkspace", {});
    await this.call("refreshAccount", {});
  }

  /** One sync of the sites, chunk after chunk until done, as the sidebar runs it (a test may ask shorter chunks). */
  async sync(sites: string[], chunkMs = SIDEBAR_CHUNK_MS): Promise<RunFigures> {
    this.figures = { executions: 0, chunks: 0, sheetsCallsMax: 0, sheetsCalls: 0, sheetsCallsWorst: {}, longestMs: 0 };
    for (let done = false; !done; ) {
      const continues = this.figures.chunks++ > 0;
      const limitMs = Math.round(360_000 / this.timeScale);
      const started = performance.now();
      const report = (await this.call("runSync", { sites, budgetMs: chunkMs / this.timeScale, limitMs, continues })) as {
        done: boolean;
        stop?: unknown;
      };
      const ms = performance.now() - started;
      this.figures.longestMs = Math.max(this.figures.longestMs, ms);
      // RCSHEETS_BENCH_TRACE=1: each execution's platform seconds and report, on stderr.
      if (process.env.RCSHEETS_BENCH_TRACE)
        console.error(JSON.stringify({ execution: this.figures.executions, seconds: (ms * this.timeScale) / 1000, report }));
      if (report.stop) throw new Error(`The sync stopped: ${JSON.stringify(report.stop)}`);
      done = report.done;
    }
    return this.figures;
  }

  tab(tab: TabDef): Cell[][] {
    const sheet = this.document.sheetByName(tab.name);
    return (sheet?.rows ?? []).map((line) => Array.from(line, (cell) => cell?.value ?? "") as Cell[]);
  }

  users(): UserRecord[] {
    return decodeTab(USERS_TAB, this.tab(USERS_TAB)).records as UserRecord[];
  }

  lines() {
    return decodeTab(UNASSIGNED_LINES_TAB, this.tab(UNASSIGNED_LINES_TAB)).records;
  }

  /** Rows written below the header, as a paste would put them. */
  writeUsers(rows: Partial<UserRecord>[]): void {
    const sheet = this.document.sheetByName(USERS_TAB.name);
    const header = this.tab(USERS_TAB)[0] ?? [];
    if (!sheet) throw new Error("no Users tab");
    const values = encodeRows(columnIndex(USERS_TAB, header), header.length, rows as UserRecord[]);
    // A paste of more rows than the grid has grows it, as Sheets does.
    sheet.maxRows = Math.max(sheet.maxRows, values.length + 1);
    values.forEach((line, r) => {
      line.forEach((value, c) => {
        sheet.cellToWrite(r + 2, c + 1).value = value as string;
      });
    });
  }

  /** Changes one cell of each listed row (1-based rows, by the Users column's key). */
  setCells(field: keyof UserRecord, values: Map<number, string>): void {
    const sheet = this.document.sheetByName(USERS_TAB.name);
    const column = columnIndex(USERS_TAB, this.tab(USERS_TAB)[0] ?? []).get(field as never);
    if (!sheet || column === undefined) throw new Error(`no ${String(field)} column`);
    for (const [row, value] of values) sheet.cellToWrite(row, column + 1).value = value;
  }

  close(): Promise<void> {
    return this.runtime.close();
  }

  /** A google.script.run call as the sidebar makes it: one execution, whose answer is the outcome. */
  private async call(name: string, input: unknown): Promise<unknown> {
    const started = performance.now();
    const outcome = await this.runtime.run({ function: name, kind: "server", args: [input] });
    if (!outcome.ok && process.env.RCSHEETS_BENCH_TRACE)
      console.error(
        JSON.stringify({
          failed: name,
          seconds: ((performance.now() - started) * this.timeScale) / 1000,
          calls: outcome.serviceCalls,
          log: outcome.log?.slice?.(-5),
        }),
      );
    return this.count(outcome).value;
  }

  private count(outcome: Outcome): Outcome {
    if (!outcome.ok) throw new Error(`An execution failed: ${outcome.error}`);
    const sheets = outcome.serviceCalls.SpreadsheetApp ?? 0;
    this.figures.executions++;
    this.figures.sheetsCalls += sheets;
    if (sheets > this.figures.sheetsCallsMax) {
      this.figures.sheetsCallsMax = sheets;
      const methods = Object.entries(outcome.calls).filter(
        ([name]) =>
          !/^(Cache|Properties|Lock|UrlFetchApp|Utilities|Session|ScriptApp|HtmlService|HTTPResponse|Logger)/.test(name),
      );
      this.figures.sheetsCallsWorst = Object.fromEntries(methods.sort((a, b) => b[1] - a[1]));
    }
    return outcome;
  }
}

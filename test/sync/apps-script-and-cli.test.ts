import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppsScriptRuntime } from "../../src/apps-script-runtime/runtime";
import { openAs } from "../../src/apps-script-runtime/spreadsheet/service";
import { loadDocument } from "../../src/apps-script-runtime/spreadsheet/xlsx-load";
import { SITES_TAB, USERS_TAB } from "../../src/domain/tabs";
import { SheetsWorkbook } from "../../src/gas/sheets-workbook";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { TAB_MARKERS } from "../../src/playground/tab-markers";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import { previewSync } from "../../src/sync/preview";
import { decodeTab } from "../../src/workbook/codec";
import type { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import type { Workbook } from "../../src/workbook/port";
import { setUpWorkspace } from "../../src/workbook/setup";
import { PRODUCTION, sidebarCall, startBuiltAddIn } from "../built-add-in";
import { DIST } from "../dist";
import { append, homeFor, usersOnBothSites } from "./scenario";

/**
 * Main Site takes its own area's lines first (Palo Alto's 650) and the new Test Site, with
 * no area of its own, takes the pool in order: both plan many of the same lines, and the two syncs compete for them.
 */
const COMPETING_SITES = ["Main Site", "Test Site"] as const;

/**
 * Two homes sync one account at once: the add-in in Sheets (dist/Code.js in the local Apps Script runtime, its
 * sidebar calling runSync chunk by chunk) and an engineer's CLI on an .xlsx copy of the same sheet, different
 * sites, both planning from the same unassigned lines. The end state is checked against the account.
 */
const BIN = join(DIST, "cli/rcsheets.mjs");
const PER_SITE = 15;
const PERSON = "ann@example.com";

describe("a sync in Apps Script and a CLI sync at once", () => {
  let sandbox: RunningSandbox;
  let dir: string;
  let runtime: AppsScriptRuntime;

  beforeAll(async () => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build first.`);
    sandbox = await startSandbox({ seed: 11, timeScale: 100, lines: 200 });
    dir = await mkdtemp(join(tmpdir(), "rcsheets-two-homes-"));
  });
  afterAll(async () => {
    await runtime?.close();
    await sandbox?.close();
  });

  /** The sheet both start from: the account read, two sites' users, all planning the same lines. */
  async function theSheet(path: string): Promise<void> {
    const book = XlsxWorkbook.create();
    const asMemory = book as unknown as MemoryWorkbook;
    setUpWorkspace(book);
    await previewSync(homeFor(sandbox, asMemory), { sites: [] });
    append(asMemory, SITES_TAB, [
      { name: "Test Site", country: "US", state: "CA", city: "San Jose", street: "1 First St", postalCode: "95113" },
    ]);
    append(asMemory, USERS_TAB, usersOnBothSites(PER_SITE, 6000, "Both", COMPETING_SITES));
    await book.save(path);
  }

  async function cliSync(path: string, site: string): Promise<void> {
    const env = { ...process.env, XDG_CONFIG_HOME: dir };
    for (let run = 0; run < 3; run++) {
      try {
        await promisify(execFile)(process.execPath, [BIN, "sync", path, "--site", site, "--server", sandbox.serverUrl, "--yes"], {
          env,
        });
        return;
      } catch {
        // Failed rows (a line taken by the other sync) are retried by the next run, as a person would run it again.
      }
    }
  }

  /** As the sidebar drives a sync: runSync again and again, each call a fresh execution, its ticket collected. */
  async function sidebarSync(site: string): Promise<void> {
    const call = async (name: string, input: unknown) => (await sidebarCall(runtime, name, input)).value;
    const app = sandbox.registerApp();
    const connected = await call("connect", {
      server: PRODUCTION,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      jwt: sandbox.jwt,
    });
    expect(connected).toMatchObject({ connected: true });
    for (let chunk = 0; chunk < 6; chunk++) {
      const report = (await call("runSync", { sites: [site], budgetMs: 60_000 })) as { done: boolean; failed: number };
      if (report.done && report.failed === 0) return;
      if (report.done) await call("retryFailed", { sites: [site] });
    }
  }

  it("ends with every row of both homes its own user, no line given twice, none lost", async () => {
    const seeded = sandbox
      .state()
      .extensions.filter((e) => e.status === "Unassigned")
      .map((e) => e.id);
    const cliPath = join(dir, "cli.xlsx");
    const sheetPath = join(dir, "sheet.xlsx");
    await theSheet(cliPath);
    await theSheet(sheetPath);
    const people = { owner: PERSON, editors: [PERSON], domain: null };
    const document = await loadDocument(sheetPath, { id: "sheet", people, names: TAB_MARKERS });
    runtime = startBuiltAddIn({ document, user: PERSON, sandbox: sandbox.serverUrl });

    // Both copies plan the same lines for their own site: the two syncs compete for every one of them.
    const planned = async (path: string, site: string) =>
      (
        await previewSync(homeFor(sandbox, (await XlsxWorkbook.open(path)) as unknown as MemoryWorkbook), { sites: [site] })
      ).creates.map((c) => c.line?.rcId);
    const cliLines = await planned(cliPath, COMPETING_SITES[0]);
    const sheetLines = new Set(await planned(sheetPath, "Test Site"));
    // Main Site prefers its own area's lines, the new site takes the pool in order: they meet on part of them.
    expect(cliLines.filter((id) => sheetLines.has(id)).length).toBeGreaterThan(PER_SITE / 4);

    await Promise.all([cliSync(cliPath, COMPETING_SITES[0]), sidebarSync("Test Site")]);

    const usersIn = (book: Workbook) => decodeTab(USERS_TAB, book.read("Users")).records;
    const rows = [
      ...usersIn(await XlsxWorkbook.open(cliPath)).filter((u) => u.site === COMPETING_SITES[0]),
      ...usersIn(new SheetsWorkbook(openAs(document, PERSON).spreadsheet)).filter((u) => u.site === "Test Site"),
    ];
    expect(rows.map((r) => r.status)).toEqual(rows.map(() => "Synced"));
    const account = sandbox.state().extensions;
    for (const row of rows) {
      const user = account.find((e) => String(e.id) === row.rcId);
      expect({ row: row.email, account: user?.contact?.email }).toEqual({ row: row.email, account: row.email });
    }
    expect(new Set(rows.map((r) => r.rcId)).size).toBe(rows.length);
    const moved = rows.filter((r) => r.message.includes("another sync took")).length;
    console.log(`Apps Script and CLI at once: ${rows.length} rows, ${moved} moved to another line after a clash`);
    const made = account.filter((e) => e.status !== "Unassigned" && seeded.includes(e.id));
    expect(made.length).toBe(rows.length);
    expect(account.filter((e) => e.status === "Unassigned").length + made.length).toBe(seeded.length);
  }, 120_000);
});

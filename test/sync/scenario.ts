import { afterEach } from "vitest";
import type { UnassignedLineRecord } from "../../src/domain/records";
import { LOCATIONS_TAB, ROLES_TAB, SITES_TAB, TAGS_TAB, type TabDef, USERS_TAB } from "../../src/domain/tabs";
import { FetchTransport } from "../../src/node/fetch-transport";
import { RingCentralClient } from "../../src/ringcentral/client";
import { systemClock } from "../../src/ringcentral/clock";
import type { HttpTransport } from "../../src/ringcentral/http";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import { previewSync } from "../../src/sync/preview";
import { type ChunkReport, runSyncChunk, type SyncHome } from "../../src/sync/runner";
import { decodeTab } from "../../src/workbook/codec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { setUpWorkspace } from "../../src/workbook/setup";
import { appendRows } from "../../src/workbook/table-replace";
import { readWorkspace } from "../../src/workbook/workspace-reader";

/** A sandbox per test of the calling suite (seed 5, time ×100, random faults if given), each closed after its test. */
export function sandboxPerTest(): (faults?: string) => Promise<RunningSandbox> {
  const started: RunningSandbox[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.close()));
  });
  return async (faults) => {
    const sandbox = await startSandbox({ seed: 5, timeScale: 100, ...(faults ? { faults } : {}) });
    started.push(sandbox);
    return sandbox;
  };
}

export const SCENARIO_SITES = ["San Francisco", "Test Site"];

export function append<K extends string>(book: MemoryWorkbook, tab: TabDef<K>, rows: Partial<Record<K, string>>[]): void {
  appendRows(book, tab.name, tab, rows);
}

/** `perSite` plain users on each of two sites (San Francisco and Test Site unless told), extensions from `firstExt` (100 apart per site). */
export function usersOnBothSites(perSite: number, firstExt: number, lastName: string, sites: readonly string[] = SCENARIO_SITES) {
  return sites.flatMap((site, s) =>
    Array.from({ length: perSite }, (_, i) => ({
      userType: "User",
      firstName: `U${s}x${i}`,
      lastName,
      email: `u${s}x${i}@example.com`,
      ext: String(firstExt + s * 100 + i),
      site,
      setupWizard: "Not Started",
    })),
  );
}

export function usersOf(book: MemoryWorkbook) {
  return decodeTab(USERS_TAB, book.read("Users")).records;
}

export function homeFor(
  sandbox: RunningSandbox,
  book: MemoryWorkbook,
  transport: HttpTransport = new FetchTransport(5000),
): SyncHome {
  const client = new RingCentralClient({
    ...sandbox,
    server: sandbox.serverUrl,
    transport,
    retry: { attempts: 4, baseMs: 20, maxMs: 200 },
  });
  return { workbook: book, client, clock: systemClock };
}

/**
 * All five user types over two sites (one of them new), a custom role, a tag, a location asking for an area code and
 * one asking for a specific line. Returns the specific line.
 */
export async function writeScenario(home: SyncHome, book: MemoryWorkbook): Promise<UnassignedLineRecord> {
  setUpWorkspace(book);
  await previewSync(home, { sites: [] });
  const specific = readWorkspace(book).workspace.account.lines.find((l) => l.lineType === "User" && l.areaCode === "415");
  if (!specific) throw new Error("The sandbox has no User line in 415.");
  append(book, SITES_TAB, [
    { name: "Test Site", country: "US", state: "CA", city: "San Jose", street: "1 First St", postalCode: "95113" },
  ]);
  append(book, ROLES_TAB, [{ name: "Front Desk", kind: "Custom", basedOn: "Standard", permissions: "ReadCallLog" }]);
  append(book, TAGS_TAB, [{ key: "Dept", value: "Sales" }]);
  const secret = {
    pin: "274916",
    password: "Blue42horse!",
    secretQuestion: "What was the name of your first pet?",
    secretAnswer: "Rex the dog",
  };
  append(book, USERS_TAB, [
    {
      userType: "User",
      firstName: "Ann",
      lastName: "Lee",
      email: "ann@example.com",
      ext: "4101",
      site: "San Francisco",
      setupWizard: "Completed",
      ...secret,
      role: "Front Desk",
      tags: "Dept:Sales",
    },
    {
      userType: "Virtual User",
      firstName: "Vic",
      lastName: "Tor",
      email: "vic@example.com",
      ext: "4102",
      site: "San Francisco",
      setupWizard: "Not Started",
    },
    {
      userType: "Limited Extension",
      firstName: "Lobby",
      lastName: "Phone",
      email: "lobby@example.com",
      ext: "4103",
      site: "Test Site",
      password: "Blue42horse!",
    },
    {
      userType: "Message Only",
      firstName: "Sales",
      lastName: "Voicemail",
      email: "vm@example.com",
      ext: "4104",
      site: "Test Site",
      setupWizard: "Not Started",
      pin: "274916",
    },
    {
      userType: "Announcement Only",
      firstName: "Holiday",
      lastName: "Hours",
      email: "hours@example.com",
      ext: "4105",
      site: "San Francisco",
    },
    {
      userType: "User",
      firstName: "Ben",
      lastName: "Ito",
      email: "ben@example.com",
      ext: "4106",
      site: "Test Site",
      setupWizard: "Not Started",
    },
    {
      userType: "User",
      firstName: "Cy",
      lastName: "Fox",
      email: "cy@example.com",
      ext: "4107",
      site: "San Francisco",
      setupWizard: "Not Started",
    },
  ]);
  append(book, LOCATIONS_TAB, [
    { email: "ben@example.com", areaCode: "650" },
    { email: "cy@example.com", unassignedExt: specific.rcId },
  ]);
  return specific;
}

/** Runs chunks until the run is done and no row is left in error (failed rows are tried again, as "retry failed" does). */
export async function syncUntilSettled(
  home: SyncHome,
  options: { confirmDeletes?: boolean; chunks?: number } = {},
): Promise<ChunkReport> {
  for (let chunk = 0; chunk < (options.chunks ?? 30); chunk++) {
    const report = await runSyncChunk(home, {
      scope: { sites: SCENARIO_SITES },
      budgetMs: 60_000,
      confirmDeletes: options.confirmDeletes ?? false,
    });
    // A step whose answer was lost counts as failed, its row unchanged: the next run checks whether it took effect.
    if (report.done && report.failed === 0 && !usersOf(home.workbook as MemoryWorkbook).some((u) => u.status === "Error"))
      return report;
  }
  throw new Error("The sync did not settle.");
}

/** The scenario synced undisturbed on `sandbox`, chunk after chunk each reading the account: the outcome to match. */
export async function settledScenario(sandbox: RunningSandbox) {
  const book = new MemoryWorkbook();
  const home = homeFor(sandbox, book);
  await writeScenario(home, book);
  await syncUntilSettled(home);
  return outcome(book, sandbox);
}

/** What must come out the same however the run went: the sheet's rows and the account's extensions and lines. */
export function outcome(book: MemoryWorkbook, sandbox: RunningSandbox) {
  const account = sandbox.state();
  const users = account.extensions
    .filter((e) => e.status !== "Unassigned")
    .map((e) => `${e.extensionNumber}|${e.type}|${e.contact?.email ?? ""}|${e.status}`)
    .sort();
  const unassigned = account.extensions
    .filter((e) => e.status === "Unassigned")
    .map((e) => e.id)
    .sort((a, b) => a - b);
  const rows = usersOf(book).map(
    (u) => `${u.email}|${u.status}|${u.tempNumber}|${u.pin}${u.password}${u.secretAnswer}|${u.rcId ? "id" : ""}`,
  );
  const extensionNumbers = account.extensions.map((e) => e.extensionNumber).filter(Boolean);
  return { users, unassigned, rows, duplicateNumbers: extensionNumbers.length - new Set(extensionNumbers).size };
}

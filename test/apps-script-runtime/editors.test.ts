import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncingAs } from "../../sidebar/sync-busy";
import type { AppsScriptRuntime } from "../../src/apps-script-runtime/runtime";
import { type SheetModel, SheetsDocument } from "../../src/apps-script-runtime/spreadsheet/document";
import { typeIntoCell } from "../../src/apps-script-runtime/spreadsheet/person-edits";
import { USERS_TAB } from "../../src/domain/tabs";
import { PROTECTION_DESCRIPTION } from "../../src/gas/sheets-workbook";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import { PRODUCTION, type SidebarAnswer, sidebarCall, startBuiltAddIn } from "../built-add-in";

/**
 * Several people on one spreadsheet, in dist/Code.js run by the local Apps Script runtime: the owner, the person who
 * sets the workspace up, another editor, an editor whose email Google withholds, and a viewer. Every editor can set
 * up, import, refresh and sync; a viewer is told why not before anything is sent or written; typing into the
 * add-in's tabs still asks to confirm; a protection a person made is left theirs.
 */
const OWNER = "owner@example.com";
const ANN = "ann@example.com";
const BOB = "bob@example.com";
const KIM = "kim@gmail.com";
const VIC = "vic@example.com";
const PROTECTED_TABS = ["Account Users", "Account Sites", "Unassigned Lines", "Sync Log", "Sync Ledger", "Import Mappings"];

const csv = (name: string, email: string, extension: string) =>
  `Full Name,Work Email,Extension,Site,Type\n${name},${email},${extension},San Francisco,User`;

describe("every editor of the spreadsheet syncs; a viewer cannot", () => {
  let sandbox: RunningSandbox;
  let document: SheetsDocument;
  let runtime: AppsScriptRuntime;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 11, timeScale: 100 });
    document = SheetsDocument.blank("editors", {
      owner: OWNER,
      editors: [OWNER, ANN, BOB, KIM],
      viewers: [VIC],
      domain: null,
    });
    runtime = startBuiltAddIn({ document, user: ANN, sandbox: sandbox.serverUrl, hiddenEmails: [KIM] });
  });
  afterAll(async () => {
    await runtime?.close();
    await sandbox?.close();
  });

  const call = (user: string, name: string, input: unknown = {}): Promise<SidebarAnswer> =>
    sidebarCall(runtime, name, input, user);
  async function ok(user: string, name: string, input: unknown = {}): Promise<unknown> {
    const answer = await call(user, name, input);
    expect(answer.outcome, `${user} ${name}: ${answer.outcome.error}`).toMatchObject({ ok: true });
    return answer.value;
  }
  async function syncAs(user: string): Promise<{ done: boolean; created: number; failed: number; by: string }> {
    type Report = { done: boolean; created: number; failed: number; by: string };
    let created = 0;
    let report = (await ok(user, "runSync", { sites: ["San Francisco"], budgetMs: 60_000 })) as Report;
    created += report.created;
    for (let chunk = 0; !report.done && chunk < 5; chunk++) {
      report = (await ok(user, "runSync", { sites: ["San Francisco"], budgetMs: 60_000, continues: true })) as Report;
      created += report.created;
    }
    return { ...report, created };
  }
  async function importAs(user: string, text: string): Promise<void> {
    const source = { kind: "csv", text };
    const proposal = (await ok(user, "proposeImportMapping", { source })) as { fields: Record<string, string | null> };
    expect(await ok(user, "applyImport", { source, fields: proposal.fields })).toMatchObject({ applied: true });
  }
  const connect = (user: string) =>
    ok(user, "connect", { server: PRODUCTION, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, jwt: sandbox.jwt });
  const sheet = (name: string) => document.sheetByName(name) as SheetModel;
  const sheetProtections = (name: string) => sheet(name).protections.filter((p) => !p.area);

  it("Set up workspace gives the add-in's tabs warning-only protections, and leaves a person's own one theirs", async () => {
    // Bob protected a sheet called Sync Log before the workspace was set up (it keeps every editor: it stops no one).
    const log = document.addSheet("Sync Log", 1);
    log.protections.push({ description: "Bob's log", warningOnly: false, domainEdit: false, editors: [OWNER, ANN, BOB, KIM] });

    expect(await ok(ANN, "setUpWorkspace")).toBeTruthy();

    expect(sheetProtections("Sync Log")).toEqual([
      { description: "Bob's log", warningOnly: false, domainEdit: false, editors: [OWNER, ANN, BOB, KIM] },
    ]);
    for (const name of PROTECTED_TABS.filter((n) => n !== "Sync Log"))
      expect(sheetProtections(name), name).toMatchObject([{ description: PROTECTION_DESCRIPTION, warningOnly: true }]);
    // Set up again, by another editor: nothing more, nothing taken over.
    await ok(BOB, "setUpWorkspace");
    expect(sheetProtections("Sync Log")).toMatchObject([{ description: "Bob's log" }]);
    for (const name of PROTECTED_TABS) expect(sheetProtections(name), name).toHaveLength(1);
  });

  it("a second editor (not the owner, not who set up) imports, refreshes and syncs a site against the sandbox", async () => {
    await connect(BOB);
    await importAs(BOB, csv("Bo Park", "bo.park@example.com", "4301"));
    expect(await ok(BOB, "refreshAccount")).toMatchObject({ users: expect.any(Number) });
    const report = await syncAs(BOB);
    expect(report).toMatchObject({ done: true, created: 1, failed: 0, by: BOB });
    const users = sheet("Users");
    const column = (header: string) => USERS_TAB.columns.findIndex((c) => c.header === header) + 1;
    expect(users.cell(2, column("Status")).value).toBe("Synced");
    expect(String(users.cell(2, column("RC Id")).value)).toMatch(/^\d+$/);
    expect(sheet("Sync Ledger").lastFilled("row")).toBeGreaterThan(1);
    expect(syncingAs(report.by, false)).toBe(`Synced as ${BOB}.`);
  });

  it("that editor typing into the add-in's tabs is still asked to confirm first", () => {
    const ledger = typeIntoCell(document, BOB, { sheet: "Sync Ledger", row: 2, column: 1, text: "mine" });
    expect(ledger.warnings).toEqual([PROTECTION_DESCRIPTION]);
    const column = USERS_TAB.columns.findIndex((c) => c.header === "Temp #") + 1;
    const users = typeIntoCell(document, BOB, { sheet: "Users", row: 2, column, text: "+15550000000" });
    expect(users.warnings).toEqual([expect.stringMatching(/the sync writes this column/)]);
  });

  it("a viewer is told they can only view, before anything is sent or written", async () => {
    await connect(VIC);
    const changes = document.changes;
    for (const name of ["runSync", "refreshAccount", "setUpWorkspace"]) {
      const answer = await call(VIC, name, name === "runSync" ? { sites: ["San Francisco"] } : {});
      const error = answer.outcome.error ?? "";
      expect(error, name).toMatch(/You can only view this spreadsheet: ask its owner to make you an editor/);
      expect(error, name).not.toMatch(/protected cell/);
      expect(answer.outcome.serviceCalls.UrlFetchApp ?? 0, name).toBe(0);
    }
    expect(document.changes).toBe(changes);
  });

  it("an editor whose email Google withholds syncs; the sidebar calls them 'you', and no protection gets a blank editor", async () => {
    await connect(KIM);
    await importAs(KIM, csv("Kim Lee", "kim.lee@example.com", "4302"));
    const report = await syncAs(KIM);
    expect(report).toMatchObject({ done: true, created: 1, failed: 0, by: "" });
    expect(syncingAs(report.by, true)).toBe("Syncing as you (Google does not share your email address with the add-in here).");
    for (const model of document.sheets)
      for (const protection of model.protections)
        for (const editor of protection.editors) expect(editor, model.name).toMatch(/@/);
  });
});

describe("a workspace an earlier version protected strictly (only the owner and who set it up)", () => {
  it("tells another editor whom to ask, sends nothing; once set up again, that editor syncs", async () => {
    const sandbox = await startSandbox({ seed: 12, timeScale: 100 });
    const document = SheetsDocument.blank("legacy", { owner: OWNER, editors: [OWNER, ANN, BOB], domain: null });
    const runtime = startBuiltAddIn({ document, user: ANN, sandbox: sandbox.serverUrl });
    const ok = async (user: string, name: string, input: unknown = {}) => {
      const answer = await sidebarCall(runtime, name, input, user);
      expect(answer.outcome.ok, `${user} ${name}: ${answer.outcome.error}`).toBe(true);
      return answer;
    };
    try {
      await ok(ANN, "setUpWorkspace");
      // As the earlier version left them: strict, Ann and the owner only.
      for (const model of document.sheets)
        for (const protection of model.protections.filter((p) => !p.area && p.description === PROTECTION_DESCRIPTION))
          Object.assign(protection, { warningOnly: false, domainEdit: false, editors: [OWNER, ANN] });
      const credential = { server: PRODUCTION, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, jwt: sandbox.jwt };
      await ok(BOB, "connect", credential);
      const changes = document.changes;
      const refused = (await sidebarCall(runtime, "runSync", { sites: ["San Francisco"], budgetMs: 60_000 }, BOB)).outcome;
      expect(refused.error).toMatch(
        /are protected so that only the spreadsheet's owner and the person who set it up can change them.*Ask one of them to run Set up workspace once/,
      );
      expect(refused.error).toContain('"Sync Ledger"');
      expect(document.changes).toBe(changes);

      await ok(ANN, "setUpWorkspace");
      const report = (await ok(BOB, "runSync", { sites: ["San Francisco"], budgetMs: 60_000 })).value;
      expect(report).toMatchObject({ by: BOB });
      expect(report).not.toHaveProperty("busy");
    } finally {
      await runtime.close();
      await sandbox.close();
    }
  });
});

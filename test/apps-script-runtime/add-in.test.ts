import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppsScriptRuntime } from "../../src/apps-script-runtime/runtime";
import { SheetsDocument } from "../../src/apps-script-runtime/spreadsheet/document";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import { builtManifest, PRODUCTION, type SidebarAnswer, sidebarCall, startBuiltAddIn } from "../built-add-in";

/**
 * The add-in as people install it: dist/Code.js and its manifest in the local Apps Script runtime, with no service
 * faked beyond the runtime's own, SpreadsheetApp over a spreadsheet of its own and RingCentral's production host led
 * to the local sandbox. Every function the sidebar names, every trigger and menu item runs here as Apps Script runs it.
 */
const PERSON = "ann@example.com";
const CSV = "Full Name,Work Email,Extension,Site,Type\nAnn Lee,ann.lee@example.com,4201,San Francisco,User";

describe("the add-in in the Apps Script runtime", () => {
  let sandbox: RunningSandbox;
  let document: SheetsDocument;
  let runtime: AppsScriptRuntime;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 3, timeScale: 100 });
    document = SheetsDocument.blank("add-in-test", { owner: PERSON, editors: [PERSON], domain: null });
    runtime = startBuiltAddIn({ document, user: PERSON, sandbox: sandbox.serverUrl });
  });
  afterAll(async () => {
    await runtime?.close();
    await sandbox?.close();
  });

  /** A google.script.run call: its outcome is the execution's answer (the runtime drops jobs left at the return). */
  async function call(name: string, input?: unknown): Promise<SidebarAnswer> {
    const answer = await sidebarCall(runtime, name, input);
    expect(answer.outcome, `${name}: ${answer.outcome.error}`).toMatchObject({ ok: true });
    return answer;
  }

  it("opens: onOpen in AuthMode.NONE builds the menu, and each menu item runs", async () => {
    expect(await runtime.run({ function: "onOpen", kind: "trigger", authMode: "NONE", event: {} })).toMatchObject({ ok: true });
    const items = document.viewOf(PERSON).menus.flatMap((menu) => menu.items.map((item) => item?.functionName));
    expect(items).toEqual(["showSidebar", "menuValidate", "menuSetUpWorkspace"]);
    for (const name of ["menuSetUpWorkspace", "showSidebar", "menuValidate"])
      expect(await runtime.run({ function: name, kind: "menu" }), name).toMatchObject({ ok: true });
    expect(document.viewOf(PERSON).sidebar?.title).toBe("RingCentral Users");
    expect(document.viewOf(PERSON).toasts.map((t) => t.message)).toContain("No problems found.");
    expect(await runtime.run({ function: "onInstall", kind: "trigger", authMode: "FULL", event: {} })).toMatchObject({
      ok: true,
    });
  });

  it("connects with a JWT to production, which the runtime leads to the sandbox, and says who is signed in", async () => {
    const { value } = await call("connect", {
      server: PRODUCTION,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      jwt: sandbox.jwt,
    });
    // The workspace (set up by the menu) never read the account: connecting read it.
    expect(value).toMatchObject({
      connected: true,
      message: expect.stringMatching(/^Connected to https:\/\/platform\.ringcentral\.com\. Account read: \d+ users/),
    });
    expect((await call("connectionStatus")).value).toEqual({ connected: true, server: PRODUCTION });
    expect((await call("connectedAs")).value).toMatchObject({ name: expect.any(String) });
  });

  it("starts RingCentral's sign-in page through Google's OAuth2 library, with PKCE", async () => {
    const { value } = await call("startAuthorization", { server: PRODUCTION, clientId: "public-app" });
    const url = (value as { url: string }).url;
    expect(url).toMatch(/^https:\/\/platform\.ringcentral\.com\/restapi\/oauth\/authorize\?/);
    expect(url).toContain("code_challenge_method=S256");
    expect(url).toContain("client_id=public-app");
  });

  it("answers a server address it refuses as a message: not https, or a script", async () => {
    const refused = (await call("startAuthorization", { server: "javascript:alert(1)", clientId: "app" })).value;
    expect(refused).toEqual({ url: null, message: expect.stringMatching(/does not start with https:\/\//) });
    const plain = (await call("connect", { server: "http://rc.example.com", clientId: "a", jwt: "j" })).value;
    expect(plain).toEqual({ connected: false, message: expect.stringMatching(/must use https/) });
  });

  it("runs every other function the sidebar calls: import, validate, tags, roles, settings, sync, export", async () => {
    expect((await call("refreshAccount", {})).value).toMatchObject({ users: expect.any(Number) });
    const choices = (await call("workspaceChoices", {})).value as { sites: { name: string }[] };
    expect(choices.sites.map((s) => s.name)).toContain("San Francisco");
    expect((await call("listSourceTabs", {})).value).toMatchObject({ sheets: expect.any(Array) });
    const source = { kind: "csv", text: CSV };
    const proposal = (await call("proposeImportMapping", { source })).value as { fields: Record<string, string | null> };
    expect(proposal.fields.Email).toBe("Work Email");
    expect((await call("previewImport", { source, fields: proposal.fields })).value).toMatchObject({
      counts: { added: 1 },
    });
    expect((await call("applyImport", { source, fields: proposal.fields })).value).toMatchObject({ applied: true });
    expect((await call("validate", { mark: true })).value).toMatchObject({ counts: expect.any(Object) });
    expect((await call("selectCell", { sheet: "Users", row: 2, column: 1 })).value).toEqual({ selected: true });
    expect((await call("saveTag", { key: "Dept", value: "Sales", color: "#4285f4" })).value).toMatchObject({});
    expect((await call("filterByTag", { tag: "Dept:Sales" })).value).toMatchObject({ tag: "Dept:Sales" });
    expect((await call("filterByTag", { tag: null })).value).toMatchObject({ tag: null });
    expect((await call("createCustomRole", { name: "Front Desk", basedOn: "Standard" })).value).toMatchObject({});
    expect((await call("applyRole", { role: "Front Desk", target: { kind: "selected" } })).value).toMatchObject({
      applied: 1,
    });
    expect((await call("deleteCustomRole", { name: "Front Desk" })).value).toMatchObject({});
    const settings = (await call("readSettings", {})).value as { settings: Record<string, unknown> };
    expect((await call("saveSettings", { ...settings.settings, welcomeEmails: false })).value).toMatchObject({});
    expect((await call("planSync", { sites: ["San Francisco"] })).value).toMatchObject({});
    const chunk = (await call("runSync", { sites: ["San Francisco"], budgetMs: 60_000 })).value as { done: boolean };
    expect(chunk.done).toBe(true);
    expect((await call("retryFailed", { sites: ["San Francisco"] })).value).toMatchObject({});
    expect((await call("exportTab", { tab: "users", format: "csv" })).value).toMatchObject({
      text: expect.stringContaining("ann.lee@example.com"),
    });
    expect((await call("setUpWorkspace", {})).value).toMatchObject({ created: [] });
    expect((await call("disconnect", {})).value).toEqual({ connected: false });
  });

  it("re-checks an edited row in the simple onEdit trigger (LIMITED), with no RingCentral call", async () => {
    const users = document.sheetByName("Users");
    if (!users) throw new Error("no Users tab");
    users.cellToWrite(2, 4).value = "not-an-email";
    const outcome = await runtime.run({
      function: "onEdit",
      kind: "trigger",
      event: (roots) => ({
        range: (roots.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
          .getActiveSpreadsheet()
          .getSheetByName("Users")
          ?.getRange(2, 4),
      }),
    });
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome.serviceCalls.UrlFetchApp ?? 0).toBe(0);
    expect(users.cell(2, 4).note).toContain("Email");
  });

  it("moves the document's edit stamp in onEdit, which the sidebar's Validate panel polls", async () => {
    const before = (await call("editStamp", {})).value as { stamp: string };
    const outcome = await runtime.run({
      function: "onEdit",
      kind: "trigger",
      event: (roots) => ({
        range: (roots.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
          .getActiveSpreadsheet()
          .getSheetByName("Users")
          ?.getRange(2, 4),
      }),
    });
    expect(outcome.log.filter((l) => JSON.stringify(l).includes("onEdit"))).toEqual([]);
    const after = (await call("editStamp", {})).value as { stamp: string };
    expect(after.stamp).not.toBe(before.stamp);
    expect((await call("validate", { mark: false })).value).toMatchObject({ stamp: after.stamp });
  });
});

describe("the add-in under a manifest without userinfo.email", () => {
  it("sets up the workspace without asking who runs it: Apps Script would refuse Session.getEffectiveUser", async () => {
    const manifest = builtManifest();
    const narrow = { ...manifest, oauthScopes: manifest.oauthScopes?.filter((s) => !s.endsWith("userinfo.email")) };
    const document = SheetsDocument.blank("narrow", { owner: PERSON, editors: [PERSON], domain: null });
    const runtime = startBuiltAddIn({ document, user: PERSON, manifest: narrow });
    try {
      expect(await runtime.run({ function: "setUpWorkspace", kind: "server", args: [{}] })).toMatchObject({ ok: true });
      expect(document.sheetByName("Sync Ledger")?.protections).toMatchObject([{ warningOnly: true }]);
    } finally {
      await runtime.close();
    }
  });
});

describe("two people syncing one spreadsheet at once, in the Apps Script runtime", () => {
  it("runs the first sync and tells the second who is syncing, under the document lock", async () => {
    const sandbox = await startSandbox({ seed: 5, timeScale: 100 });
    const BOB = "bob@example.com";
    const document = SheetsDocument.blank("two-people", { owner: PERSON, editors: [PERSON, BOB], domain: null });
    const runtime = startBuiltAddIn({ document, user: PERSON, sandbox: sandbox.serverUrl });
    /** A google.script.run call by `user`. */
    const call = async (user: string, name: string, input: unknown) => (await sidebarCall(runtime, name, input, user)).value;
    try {
      await call(PERSON, "setUpWorkspace", {});
      const credential = { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, jwt: sandbox.jwt };
      expect(await call(PERSON, "connect", { server: PRODUCTION, ...credential })).toMatchObject({ connected: true });
      const source = { kind: "csv", text: CSV };
      const proposal = (await call(PERSON, "proposeImportMapping", { source })) as { fields: Record<string, string | null> };
      await call(PERSON, "applyImport", { source, fields: proposal.fields });
      await call(PERSON, "refreshAccount", {});
      // Ann's chunk reads the account first; that answer takes 3 s, so her sync holds the lock meanwhile.
      sandbox.injectFault({ kind: "latency", ms: 3000, method: "GET", path: "**" });
      const ann = call(PERSON, "runSync", { sites: ["San Francisco"], budgetMs: 60_000 });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const bob = await call(BOB, "runSync", { sites: ["San Francisco"], budgetMs: 60_000 });
      expect(bob).toEqual({ busy: { email: PERSON, since: expect.any(String) } });
      expect(sandbox.faultsFired().latency).toBe(1);
      expect(await ann).toMatchObject({ done: true, created: 1 });
    } finally {
      await runtime.close();
      await sandbox.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USERS_TAB } from "../../src/domain/tabs";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import { serverFunctions } from "../../src/server/functions";
import { type AnyServerFunction, invoke, type OutputOf } from "../../src/server/server-function";
import type { SyncBusy } from "../../src/server/sync-lock";
import type { ChunkReport } from "../../src/sync/runner";
import { columnIndex, decodeTab, encodeRows } from "../../src/workbook/codec";
import { type FakeSheetsHome, homeOnFakeSheets } from "./home-on-fake-sheets";

type NeverBusy<O> = O extends Promise<infer R> ? Promise<Exclude<R, SyncBusy>> : Exclude<O, SyncBusy>;

/** The Sync and Account panels' server functions, as the sidebar calls them, on Apps Script's Workbook adapter. */
describe("the sync panel's functions against the sandbox", () => {
  let sandbox: RunningSandbox;
  let home: FakeSheetsHome;
  // This home has no sync lock, so no answer is SyncBusy.
  const call = <K extends keyof typeof serverFunctions>(name: K, input: unknown) =>
    invoke(name, serverFunctions[name] as AnyServerFunction, home, input) as NeverBusy<OutputOf<(typeof serverFunctions)[K]>>;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 11, timeScale: 100 });
    home = homeOnFakeSheets(sandbox);
  });
  afterAll(async () => {
    home.restore();
    await sandbox.close();
  });

  const users = () => decodeTab(USERS_TAB, home.workbook.read("Users")).records;
  const addUsers = (rows: Partial<Record<string, string>>[]) => {
    const table = home.workbook.read("Users");
    const header = table[0] ?? [];
    home.workbook.write("Users", {
      row: table.length + 1,
      column: 1,
      values: encodeRows(columnIndex(USERS_TAB, header), header.length, rows),
    });
  };

  it("connects with a JWT, says who is connected, and reads the account", async () => {
    expect(call("connectionStatus", {})).toEqual({ connected: false, server: "" });
    const connected = await call("connect", {
      server: sandbox.serverUrl,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      jwt: sandbox.jwt,
    });
    expect(connected.connected).toBe(true);
    expect(call("connectionStatus", {})).toEqual({ connected: true, server: sandbox.serverUrl });
    const me = await call("connectedAs", {});
    expect(me).toMatchObject({ connected: true, server: sandbox.serverUrl });
    expect(me.name).not.toBe("");

    call("setUpWorkspace", {});
    const refreshed = await call("refreshAccount", {});
    expect(refreshed.lines).toBeGreaterThan(0);
    const choices = call("workspaceChoices", {});
    expect(choices.accountRefreshedAt).toBe(refreshed.refreshedAt);
    expect(choices.sites.length).toBeGreaterThan(0);
    expect(choices.roles.some((r) => r.kind === "Predefined")).toBe(true);
  });

  it("refresh reads the account's secret questions into Settings and the Secret Question dropdown, kept by a set-up", async () => {
    const refreshed = await call("refreshAccount", {});
    expect(refreshed.secretQuestions).toBeGreaterThan(0);
    const settings = call("readSettings", {}).settings;
    expect(settings.secretQuestions).toHaveLength(refreshed.secretQuestions);
    const column = (columnIndex(USERS_TAB, home.workbook.read("Users")[0] ?? []).get("secretQuestion") ?? 0) + 1;
    const dropdown = () => home.workbook.layout("Users").dropdowns.find((d) => d.column === column);
    expect(dropdown()).toEqual({ column, kind: "list", values: settings.secretQuestions });
    call("setUpWorkspace", {});
    expect(dropdown()).toEqual({ column, kind: "list", values: settings.secretQuestions });
  });

  it("roleBasePermissions offers the platform's permissions, those of the base role checked", async () => {
    const base = await call("roleBasePermissions", { basedOn: "Standard" });
    if ("problem" in base) throw new Error(base.problem);
    expect(base.permissions.length).toBeGreaterThan(10);
    expect(base.permissions.filter((p) => p.held).map((p) => p.id)).toEqual(
      expect.arrayContaining(["ReadCallLog", "Meetings", "Voicemail"]),
    );
    expect(base.permissions.find((p) => p.id === "EditBilling")).toMatchObject({ held: false, category: "Billing" });
    expect(await call("roleBasePermissions", { basedOn: "Nobody" })).toEqual({
      problem: expect.stringMatching(/not a predefined role/),
    });
  });

  it("narrows a plan to the rows selected now; the plan's scope carries them", async () => {
    const site = call("workspaceChoices", {}).sites.find((s) => s.from !== "sheet")?.name ?? "Main Site";
    const first = users().length + 2;
    addUsers([
      { userType: "Virtual User", firstName: "Sel", lastName: "One", email: "sel.one@example.com", ext: "5201", site },
      { userType: "Virtual User", firstName: "Sel", lastName: "Two", email: "sel.two@example.com", ext: "5202", site },
    ]);
    home.selected = [first + 1];
    const plan = await call("planSync", { sites: [site], selected: true });
    expect(plan.scope.emails).toEqual(["sel.two@example.com"]);
    expect(plan.creates.map((c) => c.email)).toEqual(["sel.two@example.com"]);
    // Leave the sheet as the next test expects it.
    home.selected = [first, first + 1];
    call("deleteUsers", { target: { kind: "selected" }, confirm: true });
    home.selected = [];
  });

  it("plans creates with their line and blocked rows with reasons, runs chunk by chunk until done, then plans nothing", async () => {
    const site = call("workspaceChoices", {}).sites.find((s) => s.from !== "sheet")?.name ?? "Main Site";
    addUsers([
      { userType: "Virtual User", firstName: "Ann", lastName: "Lee", email: "ann.panel@example.com", ext: "5101", site },
      { userType: "Virtual User", firstName: "Bo", lastName: "Ray", email: "bo.panel@example.com", ext: "5102", site },
      { userType: "User", firstName: "Cy", lastName: "", email: "not-an-email", ext: "5103", site },
    ]);
    const plan = await call("planSync", { sites: [site] });
    expect(plan.creates.map((c) => c.email)).toEqual(["ann.panel@example.com", "bo.panel@example.com"]);
    expect(plan.creates.every((c) => c.line?.phone)).toBe(true);
    expect(plan.blocked).toHaveLength(1);
    expect(plan.blocked[0]?.reasons.join(" ")).toMatch(/Email|Last Name/);

    const reports: ChunkReport[] = [];
    for (let chunk = 0; chunk < 10; chunk++) {
      const report = await call("runSync", { sites: [site], budgetMs: 60_000 });
      reports.push(report);
      if (report.done) break;
    }
    expect(reports.at(-1)).toMatchObject({ done: true, failed: 0 });
    expect(reports.reduce((n, r) => n + r.created, 0)).toBe(2);
    const synced = users().filter((u) => u.email.endsWith("panel@example.com"));
    expect(synced.map((u) => u.status)).toEqual(["Synced", "Synced"]);
    expect(synced.every((u) => /^\d+$/.test(u.rcId))).toBe(true);
    const again = await call("planSync", { sites: [site] });
    expect(again.creates).toEqual([]);
    expect(again.updates).toEqual([]);
  });

  it("shows an update as field diffs, and a delete with the line it releases", async () => {
    const site = users().find((u) => u.email === "ann.panel@example.com")?.site ?? "";
    const ann = users().find((u) => u.email === "ann.panel@example.com");
    const header = home.workbook.read("Users")[0] ?? [];
    const dept = columnIndex(USERS_TAB, header).get("dept") ?? 0;
    home.workbook.write("Users", { row: ann?.row ?? 2, column: dept + 1, values: [["Sales"]] });
    const bo = users().find((u) => u.email === "bo.panel@example.com");
    home.selected = [bo?.row ?? 0];
    expect(call("deleteUsers", { target: { kind: "selected" }, confirm: true })).toMatchObject({ confirmed: true, marked: 1 });
    const plan = await call("planSync", { sites: [site] });
    expect(plan.updates).toEqual([
      { row: ann?.row, name: "Ann Lee", rcId: ann?.rcId, changes: [{ field: "dept", from: "", to: "Sales" }] },
    ]);
    expect(plan.deletes).toEqual([
      expect.objectContaining({ row: bo?.row, rcId: bo?.rcId, releases: bo?.tempNumber, needsConfirmation: false }),
    ]);
  });

  it("retryFailed runs the rows whose Status is Error, and answers them for the chunks after it", async () => {
    const ann = users().find((u) => u.email === "ann.panel@example.com");
    const status = (columnIndex(USERS_TAB, home.workbook.read("Users")[0] ?? []).get("status") ?? 0) + 1;
    home.workbook.write("Users", { row: ann?.row ?? 2, column: status, values: [["Error"]] });
    const report = await call("retryFailed", { sites: [ann?.site ?? ""] });
    expect(report).toMatchObject({ failed: 0, done: true, emails: [ann?.email.toLowerCase()] });
    expect(users().find((u) => u.email === "ann.panel@example.com")?.status).toBe("Synced");
  });

  it('the Sync Log names who synced (their email, or "you"), and syncHistory gives it with each site\'s last Synced At in ISO', async () => {
    const site = users().find((u) => u.email === "ann.panel@example.com")?.site ?? "";
    home.syncLock = { hold: (work) => work({ email: "avery@example.com", since: new Date().toISOString() }) };
    try {
      expect(await call("runSync", { sites: [site] })).toMatchObject({ done: true, by: "avery@example.com" });
    } finally {
      delete home.syncLock;
    }
    const history = call("syncHistory", {});
    // Newest first: the run just now, then Retry failed and the first run (no lock: the home cannot tell who).
    expect(history.runs.map((r) => r.who).slice(0, 2)).toEqual(["avery@example.com", "you (retry)"]);
    expect(history.runs.map((r) => r.who)).toContain("you");
    expect(history.runs.map((r) => r.who)).not.toContain("sidebar");
    expect(history.runs[0]?.when).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    const latest = users()
      .filter((u) => u.site === site && u.syncedAt)
      .map((u) => u.syncedAt)
      .sort()
      .at(-1);
    expect(history.lastSynced[site]).toBe(latest);
    expect(latest).toMatch(/Z$/);
  });

  it("disconnect ends the session and forgets the connection", async () => {
    expect(await call("disconnect", {})).toEqual({ connected: false });
    expect(call("connectionStatus", {})).toEqual({ connected: false, server: "" });
    expect(await call("connectedAs", {})).toMatchObject({ connected: false });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostService } from "../../src/apps-script-runtime/host-service";
import { type AppsScriptRuntime, startAppsScriptRuntime } from "../../src/apps-script-runtime/runtime";
import { LOCK_TIMEOUT } from "../../src/apps-script-runtime/services/lock-service";

const SCRIPT = `
function fetchSomething() { return UrlFetchApp.fetch("https://platform.ringcentral.com/restapi/v1.0").getResponseCode(); }
function whoAmI() { return Session.getEffectiveUser().getEmail(); }
function openOther() { return SpreadsheetApp.openById("other").getName(); }
function current() { return SpreadsheetApp.getActiveSpreadsheet().getName(); }
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem("Open", "open").addToUi();
  var mode = e.authMode === ScriptApp.AuthMode.NONE ? "NONE" : "other";
  try { PropertiesService.getDocumentProperties().getProperty("x"); return mode + ": properties read"; }
  catch (error) { return mode + ": " + error.message; }
}
function onEdit(e) {
  PropertiesService.getDocumentProperties().setProperty("edited", e.value);
  try { UrlFetchApp.fetch("https://platform.ringcentral.com/restapi/v1.0"); return "fetched"; }
  catch (error) { return String(error); }
}
function holdsLockForever() {
  LockService.getDocumentLock().waitLock(1000);
  while (true) {}
}
function takesLock() { return LockService.getDocumentLock().tryLock(0); }
function waitsForLock() { LockService.getDocumentLock().waitLock(50); return "got it"; }
`;

/** A tiny SpreadsheetApp: enough for the scope and mode rules (the real one is another service). */
const spreadsheetApp: HostService = {
  name: "SpreadsheetApp",
  create: () => {
    const menu = {
      [Symbol.toStringTag]: "Menu",
      addItem: () => menu,
      addToUi: () => undefined,
    };
    const ui = { [Symbol.toStringTag]: "Ui", createAddonMenu: () => menu };
    const spreadsheet = { [Symbol.toStringTag]: "Spreadsheet", getName: () => "Users" };
    return {
      [Symbol.toStringTag]: "SpreadsheetApp",
      getUi: () => ui,
      getActiveSpreadsheet: () => spreadsheet,
      openById: () => spreadsheet,
    };
  },
};

const SCOPES = [
  "https://www.googleapis.com/auth/spreadsheets.currentonly",
  "https://www.googleapis.com/auth/script.container.ui",
];

/** The script in a runtime whose time runs `timeScale` times faster; SpreadsheetApp calls are free here. */
const runtimeAt = (timeScale: number) =>
  startAppsScriptRuntime({
    code: SCRIPT,
    manifest: { oauthScopes: SCOPES },
    services: [spreadsheetApp],
    timeScale,
    latencyMs: {},
  });

describe("the Apps Script runtime's permissions and limits", () => {
  let runtime: AppsScriptRuntime;
  beforeAll(() => {
    // 6 minutes become 300 ms, and a simple trigger's 30 seconds 25 ms.
    runtime = runtimeAt(1200);
  });
  afterAll(() => runtime.close());
  const editor = (name: string) => runtime.run({ function: name, kind: "editor" });

  it("refuses a call the manifest's scopes do not allow, with Apps Script's text", async () => {
    expect(await editor("fetchSomething")).toMatchObject({
      ok: false,
      error:
        "Exception: You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request",
    });
    expect((await editor("whoAmI")).error).toBe(
      "Exception: You do not have permission to call Session.getEffectiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email",
    );
    expect((await editor("openOther")).error).toBe(
      "Exception: You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets",
    );
    expect(await editor("current")).toMatchObject({ ok: true, value: "Users" });
  });

  it("lets onOpen in AuthMode.NONE build its menu but not touch properties", async () => {
    const outcome = await runtime.run({ function: "onOpen", kind: "trigger", authMode: "NONE", event: {} });
    expect(outcome).toMatchObject({
      ok: true,
      value: "NONE: You do not have permission to call PropertiesService.getDocumentProperties.",
    });
    expect(outcome.calls["Menu.addToUi"]).toBe(1);
  });

  it("lets a simple onEdit (LIMITED) write properties but not fetch", async () => {
    const outcome = await runtime.run({ function: "onEdit", kind: "trigger", event: { value: "new" } });
    expect(outcome.value).toBe(
      "Exception: You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request",
    );
    expect(runtime.services.properties.document.values.get("edited")).toBe("new");
  });

  it("kills an execution over the (scaled) time limit and releases its lock", async () => {
    const killed = await editor("holdsLockForever");
    expect(killed).toMatchObject({ ok: false, error: "Exceeded maximum execution time" });
    expect(killed.durationMs).toBeGreaterThanOrEqual(290);
    expect(runtime.services.locks.document.holder).toBeNull();
    expect(await editor("takesLock")).toMatchObject({ ok: true, value: true });
  });

  it("kills a simple trigger at its own (scaled) 30 seconds", async () => {
    const killed = await runtime.run({ function: "holdsLockForever", kind: "trigger", authMode: "FULL", event: {} });
    expect(killed).toMatchObject({ ok: false, error: "Exceeded maximum execution time" });
    expect(killed.durationMs).toBeLessThan(290);
  });

  it("throws Apps Script's text when waitLock times out", async () => {
    // Its own runtime, whose 6 minutes are 6 s: the waiting execution starts while the holder still runs, however
    // loaded the machine (at 300 ms the holder was sometimes killed first, and the lock free).
    const slower = runtimeAt(60);
    try {
      const holder = slower.run({ function: "holdsLockForever", kind: "editor" });
      while (slower.services.locks.document.holder === null) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await slower.run({ function: "waitsForLock", kind: "editor" })).toMatchObject({
        ok: false,
        error: `Exception: ${LOCK_TIMEOUT}`,
      });
      await holder;
    } finally {
      await slower.close();
    }
  });
});

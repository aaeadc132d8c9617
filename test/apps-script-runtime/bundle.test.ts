import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostService } from "../../src/apps-script-runtime/host-service";
import type { Manifest } from "../../src/apps-script-runtime/manifest";
import { type AppsScriptRuntime, startAppsScriptRuntime } from "../../src/apps-script-runtime/runtime";
import { HtmlOutput } from "../../src/apps-script-runtime/services/html-service";
import { readDist as read } from "../dist";

/** A tiny SpreadsheetApp that records menus and sidebars (the real service is another helper's). */
function recordingSpreadsheetApp() {
  const menus: string[][] = [];
  const sidebars: ReturnType<typeof HtmlOutput.contentOf>[] = [];
  const service: HostService = {
    name: "SpreadsheetApp",
    create: () => {
      const items: string[] = [];
      const menu = {
        [Symbol.toStringTag]: "Menu",
        addItem: (caption: string, fn: string) => {
          items.push(`${caption} → ${fn}`);
          return menu;
        },
        addToUi: () => {
          menus.push(items);
        },
      };
      const ui = {
        [Symbol.toStringTag]: "Ui",
        createAddonMenu: () => menu,
        showSidebar: (output: HtmlOutput) => {
          sidebars.push(HtmlOutput.contentOf(output));
        },
      };
      return { [Symbol.toStringTag]: "SpreadsheetApp", getUi: () => ui };
    },
  };
  return { service, menus, sidebars };
}

describe("the built bundle in the Apps Script runtime", () => {
  let runtime: AppsScriptRuntime;
  const spreadsheet = recordingSpreadsheetApp();
  beforeAll(() => {
    runtime = startAppsScriptRuntime({
      code: read("Code.js"),
      manifest: JSON.parse(read("appsscript.json")) as Manifest,
      services: [spreadsheet.service],
      files: { sidebar: read("sidebar.html") },
    });
  });
  afterAll(() => runtime.close());

  it("builds the add-on menu from onOpen in AuthMode.NONE", async () => {
    const outcome = await runtime.run({ function: "onOpen", kind: "trigger", authMode: "NONE", event: {} });
    expect(outcome).toMatchObject({ ok: true });
    expect(spreadsheet.menus).toEqual([
      ["Open sidebar → showSidebar", "Validate → menuValidate", "Set up workspace → menuSetUpWorkspace"],
    ]);
  });

  it("shows the sidebar from the menu: HtmlService's output reaches the Ui", async () => {
    const outcome = await runtime.run({ function: "showSidebar", kind: "menu" });
    expect(outcome).toMatchObject({ ok: true });
    expect(spreadsheet.sidebars).toEqual([
      expect.objectContaining({ title: "RingCentral Users", content: expect.stringContaining("<html") }),
    ]);
    expect(outcome.calls).toMatchObject({ "HtmlService.createHtmlOutputFromFile": 1, "Ui.showSidebar": 1 });
  });

  it("loads Google's OAuth2 library as the OAuth2 global and reaches authCallback through /usercallback", async () => {
    const state = runtime.services.stateTokens.sign({
      method: "authCallback",
      arguments: { serviceName: "ringcentral" },
      expiresAt: Date.now() + 60_000,
    });
    const outcome = await runtime.userCallback({ state, code: "a-code" });
    expect(outcome).toMatchObject({ ok: true });
    // No sign-in was started, so the callback says so (without reaching RingCentral).
    expect(HtmlOutput.contentOf(outcome.value as HtmlOutput).content).toContain("No sign-in is waiting");
    expect((await runtime.userCallback({ state: "forged", code: "a-code" })).ok).toBe(false);
  });
});

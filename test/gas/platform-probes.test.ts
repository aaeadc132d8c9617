import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSpreadsheetApp, type OpenSpreadsheet } from "../../src/apps-script-runtime/spreadsheet/service";
import { CACHE_ITEMS_WRITTEN, probePlatform, sidebarObservations } from "../../src/gas/platform-probes";
import { type AppsScriptGlobals, appsScriptGlobals } from "./apps-script-globals";

/** selfTest's platform probes on Node's doubles: harmless (nothing of theirs left), and able to see either answer. */
describe("the platform probes of selfTest", () => {
  let fake: OpenSpreadsheet;
  let globals: AppsScriptGlobals;
  let restore: (() => void)[];
  beforeEach(() => {
    fake = createSpreadsheetApp();
    globals = appsScriptGlobals();
    restore = [fake.install(), globals.install()];
  });
  afterEach(() => {
    for (const undo of restore.reverse()) undo();
  });

  it("leaves the spreadsheet, the properties and the caches as they were, but for the jobs probe's one entry", () => {
    const report = probePlatform(fake.spreadsheet);
    expect(fake.spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Sheet1"]);
    expect([...globals.cache.values.keys()]).toEqual(["rcsheets.selfTest.job"]);
    expect([...globals.documentCache.values.keys()]).toEqual([]);
    expect([...globals.documentProperties.keys()]).toEqual([]);
    expect(report.rules["cache-item-cap"]).toBe(`no cap seen: all ${CACHE_ITEMS_WRITTEN} kept`);
    expect(report.rules["protect-on-protected-sheet"]).toBe("returns the existing protection");
  });

  it("sees the jobs left at the return run where they run (Node), on the next run", async () => {
    expect(probePlatform(fake.spreadsheet).rules["jobs-after-return"]).toMatch(/^not observed yet/);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(probePlatform(fake.spreadsheet).rules["jobs-after-return"]).toBe("run after the return");
  });

  it("says what it could not observe outside a document, and takes only the sidebar's own rules, as text", () => {
    const report = probePlatform(null);
    expect(report.rules["sheets-cost-per-call"]).toMatch(/^not observed: selfTest ran outside a document/);
    expect(sidebarObservations({ sidebar: { "sidebar-popup": "opened", "sidebar-origin": 7, other: "x" } })).toEqual({
      "sidebar-popup": "opened",
      "sidebar-downloads": "not observed: run from the sidebar (rcsheetsSelfTest())",
      "sidebar-origin": "not observed: run from the sidebar (rcsheetsSelfTest())",
    });
  });
});

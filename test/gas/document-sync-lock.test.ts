import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSpreadsheetApp } from "../../src/apps-script-runtime/spreadsheet/service";
import { documentSyncLock } from "../../src/gas/document-sync-lock";
import { appsScriptHome } from "../../src/gas/home";
import { serverFunctions } from "../../src/server/functions";
import { type AnyServerFunction, invoke } from "../../src/server/server-function";
import type { SyncBusy } from "../../src/server/sync-lock";
import { type AppsScriptGlobals, appsScriptGlobals } from "./apps-script-globals";

/** One sync at a time per spreadsheet: the document lock, and who holds it, told to the next person. */
describe("the document's sync lock in Apps Script", () => {
  let globals: AppsScriptGlobals;
  let restore: (() => void)[];
  beforeEach(() => {
    globals = appsScriptGlobals();
    restore = [globals.install(), createSpreadsheetApp().install()];
  });
  afterEach(() => {
    for (const undo of restore.reverse()) undo();
  });

  it("answers who is syncing and since when while someone holds it, without running the work", async () => {
    globals.email = "ann@example.com";
    const started = Date.now();
    let second: unknown = "not asked";
    let ran = false;
    const first = await documentSyncLock.hold(async () => {
      globals.email = "bob@example.com";
      second = await documentSyncLock.hold(async () => {
        ran = true;
      });
      return "first done";
    });
    expect(first).toBe("first done");
    expect(ran).toBe(false);
    const { busy } = second as SyncBusy;
    expect(busy.email).toBe("ann@example.com");
    expect(Date.parse(busy.since)).toBeGreaterThanOrEqual(started - 1000);
    // Released, and the record cleared: the next one runs.
    expect(globals.documentCache.values.size).toBe(0);
    expect(await documentSyncLock.hold(async () => "next")).toBe("next");
  });

  it("is released and cleared when the work fails", async () => {
    await expect(
      documentSyncLock.hold(async () => {
        throw new Error("RingCentral refused");
      }),
    ).rejects.toThrow("RingCentral refused");
    expect(globals.documentCache.values.size).toBe(0);
    expect(await documentSyncLock.hold(async () => "again")).toBe("again");
  });

  it("a refresh, a plan, a run and a retry answer SyncBusy while another execution syncs the document", async () => {
    const home = appsScriptHome();
    const call = (name: keyof typeof serverFunctions, input: unknown) =>
      invoke(name, serverFunctions[name] as AnyServerFunction, home, input) as Promise<unknown>;
    globals.email = "ann@example.com";
    const answers = await documentSyncLock.hold(async () => [
      await call("refreshAccount", {}),
      await call("planSync", { sites: ["Main"] }),
      await call("runSync", { sites: ["Main"] }),
      await call("retryFailed", { sites: ["Main"] }),
    ]);
    for (const answer of answers as unknown[])
      expect(answer).toEqual({ busy: { email: "ann@example.com", since: expect.any(String) } });
    // Free again: the work runs (and meets the missing connection).
    await expect(call("refreshAccount", {})).rejects.toThrow(/Not signed in/);
  });
});

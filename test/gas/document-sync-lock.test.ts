import { describe, expect, it } from "vitest";
import { documentSyncLock } from "../../src/gas/document-sync-lock";
import { appsScriptHome } from "../../src/gas/home";
import { serverFunctions } from "../../src/server/functions";
import { type AnyServerFunction, invoke } from "../../src/server/server-function";
import type { SyncBusy } from "../../src/server/sync-lock";
import { useAppsScriptGlobals } from "./apps-script-globals";

/** One sync at a time per spreadsheet: the document lock, and who holds it, told to the next person. */
describe("the document's sync lock in Apps Script", () => {
  const current = useAppsScriptGlobals({ spreadsheet: true });

  it("answers who is syncing and since when while someone holds it, without running the work", async () => {
    current().email = "ann@example.com";
    const started = Date.now();
    let second: unknown = "not asked";
    let ran = false;
    const first = await documentSyncLock.hold(async () => {
      current().email = "bob@example.com";
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
    expect(current().documentCache.values.size).toBe(0);
    expect(await documentSyncLock.hold(async () => "next")).toBe("next");
  });

  it("is released and cleared when the work fails", async () => {
    await expect(
      documentSyncLock.hold(async () => {
        throw new Error("RingCentral refused");
      }),
    ).rejects.toThrow("RingCentral refused");
    expect(current().documentCache.values.size).toBe(0);
    expect(await documentSyncLock.hold(async () => "again")).toBe("again");
  });

  it("a refresh, a plan, a run and a retry answer SyncBusy while another execution syncs the document", async () => {
    const home = appsScriptHome();
    const call = (name: keyof typeof serverFunctions, input: unknown) =>
      invoke(name, serverFunctions[name] as AnyServerFunction, home, input) as Promise<unknown>;
    current().email = "ann@example.com";
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

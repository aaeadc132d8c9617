import { afterEach, describe, expect, it } from "vitest";
import { appsScriptClock } from "../../src/gas/url-fetch-transport";

/** Utilities.sleep takes at most 300000 ms (reference/utilities/utilities#sleep); the runtime refuses more. */
describe("the add-in's clock in Apps Script", () => {
  const global = globalThis as { Utilities?: unknown };
  afterEach(() => {
    delete global.Utilities;
  });

  it("sleeps a wait longer than 5 minutes in parts of at most 300000 ms, and none for nothing", async () => {
    const slept: number[] = [];
    global.Utilities = { sleep: (ms: number) => slept.push(ms) };
    await appsScriptClock.sleep(650_000.5);
    expect(slept).toEqual([300_000, 300_000, 50_001]);
    slept.length = 0;
    await appsScriptClock.sleep(0);
    await appsScriptClock.sleep(-5);
    expect(slept).toEqual([]);
  });
});

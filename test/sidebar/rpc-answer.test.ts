import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { rpc } from "../../sidebar/rpc";

/**
 * google.script.run as the sidebar meets it: each server function answers through the success handler, or, when
 * it answers `KILLED`, never (an execution stopped at its time limit).
 */
const KILLED = Symbol("killed");
function fakeScriptRun(server: Record<string, (input: unknown) => unknown>) {
  const calls: string[] = [];
  const run = {
    withSuccessHandler(success: (value: unknown) => void) {
      return {
        withFailureHandler: () =>
          Object.fromEntries(
            Object.entries(server).map(([name, fn]) => [
              name,
              (input: unknown) => {
                calls.push(name);
                const answer = fn(input);
                if (answer !== KILLED) queueMicrotask(() => success(answer));
              },
            ]),
          ),
      };
    },
  };
  return { run, calls };
}

describe("the sidebar's answer from an Apps Script execution", () => {
  const global = globalThis as { google?: unknown };
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    delete global.google;
  });

  it("is the server function's outcome itself, in one call", async () => {
    const { run, calls } = fakeScriptRun({ refreshAccount: () => ({ users: 3 }) });
    global.google = { script: { run } };
    await expect(rpc("refreshAccount", {})).resolves.toEqual({ users: 3 });
    expect(calls).toEqual(["refreshAccount"]);
  });

  it("gives up on a killed chunk after an execution's 6 minutes and a margin, whatever its budget, saying the sync may still be running", async () => {
    const { run } = fakeScriptRun({ runSync: () => KILLED });
    global.google = { script: { run } };
    let settledAt = 0;
    const start = Date.now();
    // The budget is for sending: a chunk reading a 5,000-row sheet answers well after it, and must not be given up on.
    const answer = rpc("runSync", { sites: ["Main"], budgetMs: 120_000 }).catch((error: Error) => {
      settledAt = Date.now();
      return error.message;
    });
    await vi.advanceTimersByTimeAsync(8 * 60_000);
    expect(await answer).toBe(
      "The server did not answer within 7 minutes; the sync may still be running: press Sync again to resume where it stopped.",
    );
    expect(settledAt - start).toBeGreaterThanOrEqual(7 * 60_000);
  });

  it("waits at most an execution's 6 minutes and a margin for a function without a budget", async () => {
    const { run } = fakeScriptRun({ refreshAccount: () => KILLED });
    global.google = { script: { run } };
    let settledAt = 0;
    const answer = rpc("refreshAccount", {}).catch((error: Error) => {
      settledAt = Date.now();
      return error.message;
    });
    const start = Date.now();
    await vi.advanceTimersByTimeAsync(8 * 60_000);
    expect(await answer).toBe("The server did not answer within 7 minutes: try again.");
    expect(settledAt - start).toBeGreaterThanOrEqual(7 * 60_000);
  });
});

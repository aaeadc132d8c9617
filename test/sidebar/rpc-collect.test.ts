import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { rpc } from "../../sidebar/rpc";

/** google.script.run as the sidebar meets it: each server function answers through the success handler. */
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
                queueMicrotask(() => success(fn(input)));
              },
            ]),
          ),
      };
    },
  };
  return { run, calls };
}

describe("the sidebar's collection of an asynchronous answer in Sheets", () => {
  const global = globalThis as { google?: unknown };
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    delete global.google;
  });

  it("collects the outcome with takeResult once it is there", async () => {
    let polls = 0;
    const { run } = fakeScriptRun({
      refreshAccount: () => ({ pending: "t-1" }),
      takeResult: () => (++polls < 3 ? { done: false } : { done: true, value: { users: 3 } }),
    });
    global.google = { script: { run } };
    const answer = rpc("refreshAccount", {});
    await vi.advanceTimersByTimeAsync(5000);
    await expect(answer).resolves.toEqual({ users: 3 });
  });

  it("gives up after a chunk's budget and a margin, saying the sync may still be running", async () => {
    const { run, calls } = fakeScriptRun({ runSync: () => ({ pending: "t-2" }), takeResult: () => ({ done: false }) });
    global.google = { script: { run } };
    const answer = rpc("runSync", { sites: ["Main"], budgetMs: 120_000 });
    const failed = expect(answer).rejects.toThrow(
      "The server did not answer within 3 minutes; the sync may still be running: press Sync again to resume where it stopped.",
    );
    await vi.advanceTimersByTimeAsync(181_000);
    await failed;
    const polled = calls.filter((c) => c === "takeResult").length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.filter((c) => c === "takeResult")).toHaveLength(polled);
  });

  it("waits at most an execution's 6 minutes and a margin for a function without a budget", async () => {
    const { run } = fakeScriptRun({ refreshAccount: () => ({ pending: "t-3" }), takeResult: () => ({ done: false }) });
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

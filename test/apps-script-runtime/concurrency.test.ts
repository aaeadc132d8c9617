import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOO_MANY_SIMULTANEOUS } from "../../src/apps-script-runtime/execution-limits";
import { type AppsScriptRuntime, startAppsScriptRuntime } from "../../src/apps-script-runtime/runtime";

const SCRIPT = `
function waitForRelease() {
  // Blocked in the host (no CPU) until the test releases the script lock.
  LockService.getScriptLock().waitLock(60000);
  LockService.getScriptLock().releaseLock();
  return "done";
}
function twoCacheCalls() { CacheService.getUserCache().get("a"); CacheService.getUserCache(); return 1; }
`;

describe("the Apps Script runtime's executions at once", () => {
  let runtime: AppsScriptRuntime;
  beforeAll(() => {
    runtime = startAppsScriptRuntime({ code: SCRIPT, manifest: {}, latencyMs: { CacheService: 60 } });
  });
  afterAll(() => runtime.close());

  it("runs 30 executions of one person at once and refuses the 31st with Apps Script's text", async () => {
    // The test holds the script lock as a 0th execution would, so the 30 wait inside their executions.
    const gate = runtime.services.locks.script;
    await gate.acquire(-1, 0);
    const thirty = Array.from({ length: 30 }, () => runtime.run({ function: "waitForRelease", kind: "server" }));
    const refused = await runtime.run({ function: "waitForRelease", kind: "server" });
    const otherPerson = runtime.run({ function: "twoCacheCalls", kind: "server", user: "other@example.com" });
    expect(refused).toMatchObject({ ok: false, error: TOO_MANY_SIMULTANEOUS });
    expect(await otherPerson).toMatchObject({ ok: true });
    gate.release(-1);
    const outcomes = await Promise.all(thirty);
    expect(outcomes.map((outcome) => outcome.value)).toEqual(Array(30).fill("done"));
  });

  it("prices each call of the chosen services with the given latency", async () => {
    const outcome = await runtime.run({ function: "twoCacheCalls", kind: "editor" });
    expect(outcome.serviceCalls).toEqual({ CacheService: 3 });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(3 * 60);
  });
});

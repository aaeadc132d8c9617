import { describe, expect, it } from "vitest";
import { cachedGovernorMemory } from "../../src/gas/cached-governor-memory";
import { Governor } from "../../src/ringcentral/governor";
import { FakeClock } from "../ringcentral/fake-clock";
import { useAppsScriptGlobals } from "./apps-script-globals";

/** The governor's state in the person's cache, so that the next execution paces from where the last one stopped. */
describe("the governor's memory in Apps Script", () => {
  const current = useAppsScriptGlobals();

  it("keeps one state per server in the user cache, read back by the next execution's governor", async () => {
    const clock = new FakeClock();
    const first = new Governor(clock, cachedGovernorMemory("https://platform.ringcentral.biz"));
    const ticket = await first.acquire("auth");
    first.observe(ticket, 429, { "x-rate-limit-group": "auth", "retry-after": "30" });
    expect([...current().cache.values.keys()]).toEqual(["rcsheets.governor.platform.ringcentral.biz"]);

    const at = clock.now();
    await new Governor(clock, cachedGovernorMemory("https://platform.ringcentral.biz")).acquire("auth");
    expect(clock.now() - at).toBeGreaterThanOrEqual(30_000);
    const other = new Governor(clock, cachedGovernorMemory("https://platform.ringcentral.com"));
    const then = clock.now();
    await other.acquire("auth");
    expect(clock.now()).toBe(then);
  });

  it("a cache that fails or holds nonsense costs the pacing, never the call", async () => {
    const clock = new FakeClock();
    current().cache.values.set("rcsheets.governor.x.example", "{not json");
    const governor = new Governor(clock, cachedGovernorMemory("https://x.example"));
    current().cache.failing = true;
    const ticket = await governor.acquire("light");
    expect(() => governor.observe(ticket, 200, {})).not.toThrow();
  });
});

import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fileGovernorMemory } from "../../src/node/file-governor-memory";
import { Governor } from "../../src/ringcentral/governor";
import { FakeClock } from "../ringcentral/fake-clock";

describe("the governor's memory beside the CLI's token", () => {
  const dir = mkdtempSync(join(tmpdir(), "rcsheets-governor-"));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("lets the next run pace from what the last one sent, in a file only its owner reads", async () => {
    const token = join(dir, "tokens", "host-app-0123456789abcdef.json");
    const clock = new FakeClock();
    const first = new Governor(clock, fileGovernorMemory(token));
    first.observe(await first.acquire("heavy"), 429, { "x-rate-limit-group": "heavy", "retry-after": "30" });
    const path = token.replace(/\.json$/, ".governor.json");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const at = clock.now();
    await new Governor(clock, fileGovernorMemory(token)).acquire("heavy");
    expect(clock.now() - at).toBeGreaterThanOrEqual(30_000);
  });

  it("starts blind from a file it cannot read", async () => {
    const clock = new FakeClock();
    const at = clock.now();
    await new Governor(clock, fileGovernorMemory(join(dir, "missing.json"))).acquire("heavy");
    expect(clock.now()).toBe(at);
  });
});

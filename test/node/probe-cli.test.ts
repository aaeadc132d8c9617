import { execFile } from "node:child_process";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { readProbeReport } from "../../src/first-contact/ringcentral-report";
import type { AccountData } from "../../src/sandbox/account/model";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";

const bin = join(import.meta.dirname, "../../dist/cli/rcsheets.mjs");

/** What the probe might leave behind: the account's sites, roles and extensions, in words a failure reads well. */
function account(state: AccountData) {
  return {
    sites: state.sites.map((s) => s.name).sort(),
    roles: state.roles.map((r) => r.displayName).sort(),
    extensions: state.extensions.map((e) => `${e.type} ${e.status} ${e.contact.email ?? ""}`).sort(),
  };
}

/** `rcsheets probe` (the built CLI) against a local sandbox. */
describe("rcsheets probe", { timeout: 120_000 }, () => {
  let sandbox: RunningSandbox;
  afterEach(() => sandbox?.close());

  const probe = async (...args: string[]) => {
    const dir = await mkdtemp(join(tmpdir(), "rcsheets-probe-"));
    const out = join(dir, "probe.jsonl");
    const { RC_SERVER: _server, RC_CLIENT_ID: _client, ...env } = process.env;
    const run = promisify(execFile)(process.execPath, [bin, "probe", "--server", sandbox.serverUrl, "--out", out, ...args], {
      env: { ...env, XDG_CONFIG_HOME: dir },
    });
    const ended = await run.then(
      ({ stderr }) => ({ code: 0, stderr }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    return { ...ended, text: await readFile(out, "utf8") };
  };

  it("runs every step, claims and releases a line, and leaves the account as it found it, with no secret recorded", async () => {
    sandbox = await startSandbox({ seed: 4, timeScale: 20 });
    const before = account(sandbox.state());
    const { code, stderr, text } = await probe("--claim-line");
    expect(stderr).toMatch(/^\d+ exchanges, 0 failed steps: /);
    expect(code).toBe(0);
    const report = readProbeReport(text, "probe.jsonl");
    expect(report.header.steps.filter((s) => s.outcome !== "done")).toEqual([]);
    expect(report.header.steps.map((s) => s.step)).toContain("updateExtension (claim)");
    expect(account(sandbox.state())).toEqual(before);
    for (const secret of [sandbox.jwt, sandbox.clientSecret]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/"(access_token|refresh_token|password|ivrPin|answer)":"(?!\[removed\])/);
  });

  it("a refused step: exit 1 naming it, the steps that need it skipped, the claim skipped unless asked, nothing left", async () => {
    sandbox = await startSandbox({ seed: 5, timeScale: 20 });
    const before = account(sandbox.state());
    sandbox.injectFault({ kind: "5xx", status: 503, method: "POST", path: "**/sites" });
    const { code, stderr, text } = await probe();
    expect(code).toBe(1);
    expect(stderr).toMatch(/^createSite: failed: /m);
    const steps = new Map(readProbeReport(text, "probe.jsonl").header.steps.map((s) => [s.step, s.outcome]));
    expect(steps.get("createExtension")).toBe("skipped: a step it needs failed");
    expect(steps.get("claimLine")).toMatch(/^skipped: where a released line goes back/);
    expect(steps.get("deleteCustomRole")).toBe("done");
    expect(account(sandbox.state())).toEqual(before);
  });
});

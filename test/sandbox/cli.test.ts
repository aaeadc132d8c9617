import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

/** Start `rcsheets sandbox --json`, read the first line, then stop it with SIGTERM. */
async function runOnce(args: string[]): Promise<{ facts: Record<string, string>; code: number | null }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/node/cli/main.ts", "sandbox", "--json", ...args], { cwd: root });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`exited ${code}`)));
  });
  const facts = JSON.parse(firstLine) as Record<string, string>;
  const token = await fetch(`${facts.serverUrl}/restapi/oauth/token`, {
    method: "POST",
    headers: {
      Authorization: `Basic ${Buffer.from(`${facts.clientId}:${facts.clientSecret}`).toString("base64")}`,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: facts.jwt ?? "" }),
  });
  expect(token.status).toBe(200);
  const code = await new Promise<number | null>((resolve) => {
    child.once("exit", resolve);
    child.kill("SIGTERM");
  });
  return { facts, code };
}

describe("rcsheets sandbox", () => {
  it("prints the connection facts as the first JSON line, stops on SIGTERM and saves its state file", async () => {
    const state = join(mkdtempSync(join(tmpdir(), "sandbox-")), "state.json");
    const first = await runOnce(["--state", state, "--seed", "5", "--lines", "20", "--users", "3"]);
    expect(Object.keys(first.facts).sort()).toEqual(["clientId", "clientSecret", "jwt", "serverUrl"]);
    expect(first.facts.serverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.code).toBe(0);
    expect(existsSync(state)).toBe(true);
    const saved = JSON.parse(readFileSync(state, "utf8"));
    expect(saved.account.extensions).toHaveLength(24);
    const second = await runOnce(["--state", state]);
    expect(second.facts.jwt).toBe(first.facts.jwt);
  }, 30_000);
});

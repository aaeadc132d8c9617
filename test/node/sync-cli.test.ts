import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USERS_TAB } from "../../src/domain/tabs";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import { decodeTab } from "../../src/workbook/codec";
import { writeDemoWorkspace } from "../../src/workbook/demo-workspace";

/** `rcsheets plan` and `rcsheets sync` as a person runs them against a local sandbox (the built bin). */
const bin = join(import.meta.dirname, "../../dist/cli/rcsheets.mjs");

describe("rcsheets plan and sync", () => {
  let sandbox: RunningSandbox;
  let dir: string;
  let workbook: string;
  const run = async (...args: string[]) => {
    try {
      const { RC_SERVER: _server, RC_CLIENT_ID: _client, ...env } = process.env;
      const { stdout } = await promisify(execFile)(process.execPath, [bin, ...args], { env: { ...env, XDG_CONFIG_HOME: dir } });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: `${failed.stdout}${failed.stderr}` };
    }
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 2, timeScale: 100 });
    dir = await mkdtemp(join(tmpdir(), "rcsheets-sync-cli-"));
    workbook = join(dir, "w.xlsx");
    const book = XlsxWorkbook.create();
    writeDemoWorkspace(book, { users: 9, errorRate: 0, seed: 3 });
    await book.save(workbook);
  });
  afterAll(() => sandbox.close());

  it("--tag narrows the plan to the rows that carry the tag", async () => {
    const users = decodeTab(USERS_TAB, (await XlsxWorkbook.open(workbook)).read("Users")).records;
    const tagged = users.filter((u) => u.site === "San Mateo" && u.tags.split(";").includes("Dept:Sales"));
    const json = await run(
      "plan",
      workbook,
      "--site",
      "San Mateo",
      "--tag",
      "Dept:Sales",
      "--server",
      sandbox.serverUrl,
      "--json",
    );
    expect(json.code).toBe(0);
    const plan = JSON.parse(json.stdout) as { scope: { tag: string }; creates: { row: number }[] };
    expect(plan.scope.tag).toBe("Dept:Sales");
    expect(plan.creates.map((c) => c.row)).toEqual(tagged.map((u) => u.row));
    expect(tagged.length).toBeGreaterThan(0);
    expect(tagged.length).toBeLessThan(3);
  });

  it("plans without sending, then syncs with --yes and writes back ids and temp numbers", async () => {
    const plan = await run("plan", workbook, "--site", "San Mateo", "--server", sandbox.serverUrl);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/^Sites San Mateo: 3 to create, 0 to update, 0 to delete, 0 blocked\./);
    expect(plan.stdout).toContain("new site     San Mateo");

    const dry = await run("sync", workbook, "--site", "San Mateo", "--server", sandbox.serverUrl);
    expect(dry.stdout).toContain("Nothing was sent. Run again with --yes");

    const sync = await run("sync", workbook, "--site", "San Mateo", "--server", sandbox.serverUrl, "--yes");
    expect(sync.stdout).toContain("3 created, 0 updated, 0 deleted, 0 failed, 0 blocked.");
    const book = await XlsxWorkbook.open(workbook);
    const synced = decodeTab(USERS_TAB, book.read("Users")).records.filter((u) => u.site === "San Mateo");
    expect(synced.map((u) => u.status)).toEqual(["Synced", "Synced", "Synced"]);
    expect(synced.every((u) => /^\d+$/.test(u.rcId) && u.pin === "" && u.password === "")).toBe(true);

    const again = await run("plan", workbook, "--site", "San Mateo", "--server", sandbox.serverUrl);
    expect(again.stdout).toMatch(/^Sites San Mateo: 0 to create, 0 to update, 0 to delete/);
  });

  it("says what to do when there is no server to sync with", async () => {
    const result = await run("plan", workbook, "--site", "San Mateo");
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("Give --server URL or RC_SERVER");
  });

  it("refuses a server that is not https (plain http only to this machine), before sending anything", async () => {
    for (const server of ["http://rc.example.com", "javascript:alert(1)", "file:///etc/passwd"]) {
      const result = await run("plan", workbook, "--site", "San Mateo", "--server", server);
      expect(result.code, server).toBe(2);
      expect(result.stdout.trim().split("\n"), server).toEqual([expect.stringMatching(/^--server .*: The server address/)]);
    }
  });
});

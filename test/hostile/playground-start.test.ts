/**
 * The playground (`npm start`, after its build) started on a hostile workbook, as a person starts it: scripts/start.ts
 * in its own process. A far cell given as `--workbook` and a whole-sheet merge given as `--open` are each refused
 * in one line, exit status 1, before the sandbox or the page start; before these checks the far cell hung the
 * playground at 100% CPU. No tight timeout: the 120 s guard only stops a hang from holding the suite.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { farCell, MERGE_ALL, withTail, xlsxSource } from "./corpus";

const root = join(import.meta.dirname, "../..");
const GUARD_MS = 120_000;

async function start(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "scripts/start.ts"), "--port", "0", ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const guard = setTimeout(() => child.kill("SIGKILL"), GUARD_MS);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearTimeout(guard);
  return { code, stdout, stderr };
}

describe("the playground started on a hostile workbook", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rcsheets-playground-hostile-"));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("refuses a workbook with a value at XFD1048576 in one line, before anything starts", async () => {
    const far = join(dir, "far-cell.xlsx");
    await writeFile(far, await farCell());
    const run = await start(["--workbook", far]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `"${far}": Sheet Users spans A1:XFD1048576 (17 billion cells); the limit is 2,000,000 cells: delete the far cells or copy the data to a new workbook.`,
    );
    expect(run.stdout).not.toMatch(/rcsheets playground:/);
    // Refused before the sandbox started: it would have kept its account beside the workbook.
    expect(existsSync(join(dir, "sandbox-state.json"))).toBe(false);
  }, 180_000);

  it("refuses another spreadsheet (--open) whose merge covers the whole sheet, in one line", async () => {
    const good = join(dir, "good.xlsx");
    const merged = join(dir, "merged.xlsx");
    await writeFile(good, await xlsxSource());
    await writeFile(merged, await withTail(await xlsxSource(), MERGE_ALL));
    const run = await start(["--workbook", good, "--open", merged]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `Could not open "${merged}" as an .xlsx workbook: one of its sheets merges A4:XFD1048576 (17 billion cells, each counted); the limit is 1,000,000 cells: unmerge those cells, or copy the data to a new workbook.`,
    );
    expect(run.stdout).not.toMatch(/rcsheets playground:/);
  }, 180_000);
});

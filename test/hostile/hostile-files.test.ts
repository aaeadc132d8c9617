/**
 * Every file of the hostile corpus through the real CLI (the built bin, as `rcsheets` runs installed; `npm test`
 * builds first): `map`, `import` (preview and --yes) and `validate` where they apply, one process at a time. Each
 * must end with the expected status, at most one line on stderr with no stack trace and no library's internal
 * words, the target workbook byte for byte as it was, within 60 s and 1.5 GB. The figures line is what README's
 * Reliability section quotes.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type HostileFile, writeCorpus } from "./corpus";

const bin = join(import.meta.dirname, "../../dist/cli/rcsheets.mjs");
const HANG_MS = 60_000;
const MEMORY_BYTES = 1.5 * 1024 ** 3;
/** Peak memory from GNU time when the machine has it; without it, the heap cap alone stops a runaway reader. */
const TIME = existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
/** Words that only a library's insides say, or a stack trace: never what a person should read. */
const INTERNALS = /^\s+at |invalid zip data|End of data reached|Corrupted zip|ERR_|TypeError|RangeError|heap out of memory/m;

type Outcome = "clear" | "crash" | "hang" | "over memory" | "data changed";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  hung: boolean;
  peakBytes: number | null;
}

async function rcsheets(dir: string, args: string[]): Promise<Run> {
  const memoryFile = join(dir, "peak-memory.txt");
  await rm(memoryFile, { force: true });
  const node = [process.execPath, "--max-old-space-size=1536", bin, ...args];
  const [command, ...rest] = TIME ? [TIME, "-o", memoryFile, "-f", "%M", ...node] : node;
  const child = spawn(command as string, rest, { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    if (stdout.length < 1_000_000) stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    if (stderr.length < 1_000_000) stderr += chunk.toString();
  });
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    child.kill("SIGKILL");
  }, HANG_MS);
  const code = await new Promise<number | null>((resolve) => child.on("close", (status) => resolve(status)));
  clearTimeout(timer);
  const kilobytes = TIME ? Number.parseInt(await readFile(memoryFile, "utf8").catch(() => ""), 10) : Number.NaN;
  // GNU time reports the child's status as its own, and says so on stderr when it is not 0: that line is its own.
  if (TIME) stderr = stderr.replace(/^Command exited with non-zero status \d+\n/m, "");
  return { code, stdout, stderr, hung, peakBytes: Number.isNaN(kilobytes) ? null : kilobytes * 1024 };
}

function outcome(run: Run, changed: boolean): Outcome {
  if (run.hung) return "hang";
  if ((run.peakBytes ?? 0) > MEMORY_BYTES || /heap out of memory|Allocation failed/.test(run.stderr)) return "over memory";
  if (changed) return "data changed";
  const lines = run.stderr.trim() === "" ? [] : run.stderr.trim().split("\n");
  const said = lines.length === 1 || run.stdout.trim() !== "";
  if ((run.code !== 0 && run.code !== 1) || lines.length > 1 || INTERNALS.test(run.stderr) || (run.code === 1 && !said))
    return "crash";
  return "clear";
}

async function hashOf(path: string): Promise<string | null> {
  if (!existsSync(path) || !statSync(path).isFile()) return null;
  return createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
}

const tally: Record<Outcome, number> & { tried: number } = {
  tried: 0,
  clear: 0,
  crash: 0,
  hang: 0,
  "over memory": 0,
  "data changed": 0,
};
const failures: string[] = [];
/** The largest peak memory and the longest run seen, for the figures line. */
const worst = { peakBytes: 0, ms: 0 };

/** Runs one command; `target` is the workbook that must stay as it was unless `mayWrite` (an import that is fine). */
async function attempt(dir: string, label: string, args: string[], target: string, expected: 0 | 1, mayWrite = false) {
  const before = await hashOf(target);
  const started = Date.now();
  const run = await rcsheets(dir, args);
  worst.ms = Math.max(worst.ms, Date.now() - started);
  worst.peakBytes = Math.max(worst.peakBytes, run.peakBytes ?? 0);
  const changed = !(mayWrite && run.code === 0) && before !== (await hashOf(target));
  const result = outcome(run, changed);
  tally.tried++;
  tally[result]++;
  const status = run.code === expected ? "" : ` (exit ${run.code}, expected ${expected})`;
  if (result !== "clear" || status)
    failures.push(`${label}: ${result}${status}; stderr: ${run.stderr.trim().slice(0, 300) || "(empty)"}`);
  return run;
}

describe("hostile files through the CLI", () => {
  let dir: string;
  afterAll(async () => {
    console.log(
      `hostile files: tried ${tally.tried}, clear ${tally.clear}, crash ${tally.crash}, hang ${tally.hang}, over memory ${tally["over memory"]}, data changed ${tally["data changed"]}; longest ${(worst.ms / 1000).toFixed(1)} s, peak ${TIME ? `${Math.round(worst.peakBytes / 2 ** 20)} MB` : "not measured"}`,
    );
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("refuses each hostile file in one clear line, within 60 s and 1.5 GB, and leaves the workbook as it was", async () => {
    dir = await mkdtemp(join(tmpdir(), "rcsheets-hostile-"));
    const { files, workspace } = await writeCorpus(join(dir, "corpus"));
    for (const file of files) await throughEveryCommand(dir, file, workspace);
    expect(failures).toEqual([]);
    expect(tally.tried).toBeGreaterThan(100);
  }, 3_600_000);

  it("refuses the far cell with the limit and what to do", async () => {
    const far = join(dir, "corpus", "far-cell-source.xlsx");
    const run = await rcsheets(dir, ["map", far]);
    expect(run.stderr.trim()).toBe(
      `"${far}": Sheet Users spans A1:XFD1048576 (17 billion cells); the limit is 2,000,000 cells: delete the far cells or copy the data to a new workbook.`,
    );
  }, 600_000);
});

/**
 * The import gate wants every required field mapped or given; these files are about reading, so the fields most of
 * them lack are given one value (a file's own `given` adds more), and a file that reads imports.
 */
const GIVEN = ["User Type=User", "Ext=100", "Site=Main Site"].flatMap((v) => ["--set", v]);

async function throughEveryCommand(dir: string, file: HostileFile, workspace: string): Promise<void> {
  // Each file gets its own copy of the workspace, so an import that is fine writes into a copy, and the next file
  // starts from the same workspace.
  const into = join(dir, "into.xlsx");
  await copyFile(workspace, into);
  const { expect: wanted } = file;
  if (wanted.map !== undefined) await attempt(dir, `map ${file.name}`, ["map", file.path], into, wanted.map);
  if (wanted.import !== undefined) {
    const given = [...GIVEN, ...(file.given ?? []).flatMap((v) => ["--set", v])];
    await attempt(dir, `import ${file.name}`, ["import", file.path, "--into", into, ...given], into, wanted.import);
    const yes = ["import", file.path, "--into", into, ...given, "--yes"];
    await attempt(dir, `import --yes ${file.name}`, yes, into, wanted.import, true);
  }
  if (wanted.validate !== undefined)
    await attempt(dir, `validate ${file.name}`, ["validate", file.path], file.path, wanted.validate);
  if (file.asTarget) {
    const source = join(dir, "corpus", "good.csv");
    await attempt(dir, `import into ${file.name}`, ["import", source, "--into", file.path, "--yes"], file.path, 1);
  }
}

import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { USERS_TAB } from "../../src/domain/tabs";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { decodeTab } from "../../src/workbook/codec";

/**
 * `npm start` as a person starts it: a workbook
 * named by the person starts empty and set up, `--demo` makes demo users, and SIGTERM or SIGINT stops both servers.
 * dist/ comes from the test command's build.
 */
const root = join(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "rcsheets-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: string[];
  ports: number[];
}

/**
 * The start script's last command, run by a shell as npm runs it (its install check and build are left out: the test
 * command has built dist/, and a build here would rewrite it under other tests). A signal to that shell must reach
 * the servers: `sh -c "a && b"` does not pass signals on to b, so the script execs it.
 */
const startCommand = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts.start as string)
  .split("&&")
  .at(-1)
  ?.trim();

async function start(args: string[]): Promise<Started> {
  const child = spawn("sh", ["-c", `${startCommand} --port 0 ${args.join(" ")}`], {
    cwd: root,
    env: { ...process.env, PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join("").includes("Ctrl-C stops it.")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`npm start exited ${code}: ${output.join("")}`)));
  });
  const ports = [...output.join("").matchAll(/http:\/\/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
  return { child, output, ports };
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

async function stopWith(started: Started, signal: NodeJS.Signals): Promise<number | null> {
  const exited = once(started.child, "exit");
  started.child.kill(signal);
  const [code] = await exited;
  return code as number | null;
}

describe("npm start", { timeout: 120_000 }, () => {
  it("makes a workbook the person names as an empty, set-up workspace, and SIGTERM stops its servers", async () => {
    const path = join(dir, "customer", "new.xlsx");
    const started = await start(["--workbook", path]);
    expect(started.output.join("")).toContain("an empty workspace");
    expect(started.ports).toHaveLength(2);
    for (const port of started.ports) expect(await listening(port)).toBe(true);

    const workbook = await XlsxWorkbook.open(path);
    expect(decodeTab(USERS_TAB, workbook.read("Users")).records).toEqual([]);
    expect(workbook.sheets().map((s) => s.name)).toEqual(expect.arrayContaining(["Users", "Sites", "Roles", "Settings"]));

    expect(await stopWith(started, "SIGTERM")).toBe(0);
    for (const port of started.ports) expect(await listening(port)).toBe(false);
  });

  it("makes demo users with --demo, and SIGINT stops its servers", async () => {
    const path = join(dir, "demo", "workspace.xlsx");
    const started = await start(["--workbook", path, "--demo"]);
    expect(started.output.join("")).toContain("a demo workspace");
    const workbook = await XlsxWorkbook.open(path);
    expect(decodeTab(USERS_TAB, workbook.read("Users")).records.length).toBe(24);

    expect(await stopWith(started, "SIGINT")).toBe(0);
    for (const port of started.ports) expect(await listening(port)).toBe(false);
  });
});

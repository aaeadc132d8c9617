import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WorkbookLock } from "../../src/node/workbook-lock";

/** A pid that was alive a moment ago and is gone now, as after a SIGKILL. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("one sync per workbook: the lock beside it", () => {
  it("refuses a second holder while the first lives, through a symlink too, and frees on release", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rcsheets-lock-"));
    const workbook = join(dir, "w.xlsx");
    writeFileSync(workbook, "");
    symlinkSync(workbook, join(dir, "link.xlsx"));
    const lock = WorkbookLock.acquire(workbook);
    expect(() => WorkbookLock.acquire(join(dir, "link.xlsx"))).toThrow(`is being synced by process ${process.pid}`);
    lock.release();
    expect(existsSync(join(dir, ".w.xlsx.lock"))).toBe(false);
    WorkbookLock.acquire(join(dir, "link.xlsx")).release();
  });

  it("takes over a lock left by a process that is gone, never one from another machine", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rcsheets-lock-"));
    const workbook = join(dir, "w.xlsx");
    const path = join(dir, ".w.xlsx.lock");
    writeFileSync(path, JSON.stringify({ pid: deadPid(), host: hostname(), since: "2026-01-01T00:00:00Z" }));
    const lock = WorkbookLock.acquire(workbook);
    expect(JSON.parse(readFileSync(path, "utf8")).pid).toBe(process.pid);
    lock.release();

    writeFileSync(path, JSON.stringify({ pid: deadPid(), host: "elsewhere.example", since: "2026-01-01T00:00:00Z" }));
    expect(() => WorkbookLock.acquire(workbook)).toThrow(/on elsewhere\.example .*remove .*\.w\.xlsx\.lock/);
  });
});

import { readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";

/** Who holds a workbook's lock. */
interface Holder {
  pid: number;
  host: string;
  since: string;
}

/**
 * One sync per workbook at a time: a lock file beside the workbook (`.w.xlsx.lock`, beside the file a symlink points
 * to), made with O_EXCL and holding the pid and host of its holder. A lock left by a process that is gone (killed,
 * crashed) is taken over; one held by a live process, or by another machine (whose processes cannot be seen), stops
 * the run with who holds it.
 */
export class WorkbookLock {
  private constructor(private readonly path: string) {}

  static acquire(workbook: string): WorkbookLock {
    const real = safeRealpath(workbook);
    const path = join(dirname(real), `.${basename(real)}.lock`);
    for (let tries = 0; tries < 40; tries++) {
      if (create(path)) return new WorkbookLock(path);
      const holder = readHolder(path);
      if (holder && isAlive(holder)) throw new Error(heldMessage(workbook, holder, path));
      // An unreadable lock may be one being written this instant: it is stale only once it has stayed so a while.
      if (!holder && isFresh(path)) pause(100);
      else takeOver(path, holder);
    }
    throw new Error(`Could not lock "${workbook}": another rcsheets keeps taking its lock (${path}).`);
  }

  /** Removes the lock, if it is still this process's. */
  release(): void {
    const holder = readHolder(this.path);
    if (holder?.pid === process.pid && holder.host === hostname()) rmSync(this.path, { force: true });
  }
}

function create(path: string): boolean {
  const holder: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  try {
    writeFileSync(path, JSON.stringify(holder), { flag: "wx", mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/**
 * A stale lock is removed under a second lock file, so that two runs finding the same stale lock cannot both take it
 * (the second would otherwise remove the first's new lock). The takeover file of a taker that died is itself removed.
 */
function takeOver(path: string, stale: Holder | null): void {
  const takeover = `${path}.takeover`;
  if (!create(takeover)) {
    const taker = readHolder(takeover);
    if (!taker || !isAlive(taker)) rmSync(takeover, { force: true });
    return;
  }
  try {
    const now = readHolder(path);
    // Still the same stale holder (or an unreadable, half-written one): it goes.
    if (JSON.stringify(now) === JSON.stringify(stale)) rmSync(path, { force: true });
  } finally {
    rmSync(takeover, { force: true });
  }
}

function readHolder(path: string): Holder | null {
  try {
    const holder = JSON.parse(readFileSync(path, "utf8")) as Holder;
    return typeof holder.pid === "number" ? holder : null;
  } catch {
    return null;
  }
}

/** Alive when on this host and the pid answers; a lock from another host is taken as alive (we cannot know). */
function isAlive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function heldMessage(workbook: string, holder: Holder, path: string): string {
  const where = holder.host === hostname() ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`;
  return `"${workbook}" is being synced by ${where} since ${holder.since}: wait for it to finish. If that run is gone for good, remove ${path}.`;
}

function isFresh(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < 2000;
  } catch {
    return false;
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

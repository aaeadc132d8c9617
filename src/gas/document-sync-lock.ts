import type { SyncBusy, SyncHolder, SyncLock } from "../server/sync-lock";

/**
 * One sync at a time per spreadsheet, over Apps Script's document lock. While it is held, who holds it and since
 * when sit in the document's cache, so that another person is told rather than kept waiting. The record outlives
 * no execution by much: an execution killed at its 6 minutes cannot clear it, so it expires by itself.
 */
const HOLDER_KEY = "rcsheets.syncHolder";
const HOLDER_SECONDS = 7 * 60;
/** A chunk that is just ending gives way within this; otherwise the answer is at once. */
const WAIT_MS = 2000;

export const documentSyncLock: SyncLock = {
  async hold<T>(work: (holder: SyncHolder) => Promise<T>): Promise<T | SyncBusy> {
    const lock = LockService.getDocumentLock();
    const cache = CacheService.getDocumentCache();
    if (!lock.tryLock(WAIT_MS)) return { busy: holderIn(cache) };
    try {
      const holder: SyncHolder = { email: whoRuns(), since: new Date().toISOString() };
      cache?.put(HOLDER_KEY, JSON.stringify(holder), HOLDER_SECONDS);
      return await work(holder);
    } finally {
      cache?.remove(HOLDER_KEY);
      lock.releaseLock();
    }
  },
};

function holderIn(cache: GoogleAppsScript.Cache.Cache | null): SyncHolder {
  try {
    const holder = JSON.parse(cache?.get(HOLDER_KEY) ?? "null") as SyncHolder | null;
    if (holder && typeof holder.email === "string" && typeof holder.since === "string") return holder;
  } catch {
    // An unreadable record says as little as none.
  }
  return { email: "", since: "" };
}

/** The person running this execution: their email needs the userinfo.email scope, and may still be withheld (blank). */
function whoRuns(): string {
  try {
    return Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail();
  } catch {
    return "";
  }
}

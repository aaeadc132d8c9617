/** Who is syncing a document, and since when (ISO time); the email is blank when the home cannot tell. */
export interface SyncHolder {
  email: string;
  since: string;
}

/** The answer of a sync, retry, refresh or plan that did not start: someone else holds the document. */
export interface SyncBusy {
  busy: SyncHolder;
}

/**
 * One sync at a time per document: two runs at once would create the same users twice and write over each other's
 * rows. A home that can be reached by several people at once (Apps Script) gives one; without it, work just runs.
 */
export interface SyncLock {
  /**
   * Runs `work` holding the lock, released whatever happens, telling it who holds it now (the person running it);
   * when someone else holds it, answers who, at once.
   */
  hold<T>(work: (holder: SyncHolder) => Promise<T>): Promise<T | SyncBusy>;
}

export function isSyncBusy(answer: unknown): answer is SyncBusy {
  return typeof answer === "object" && answer !== null && "busy" in answer;
}

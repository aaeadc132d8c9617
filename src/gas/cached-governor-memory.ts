import type { GovernorMemory, GovernorState } from "../ringcentral/governor";

/** Longer than any window or penalty the platform states: a state older than this paces nothing. */
const SECONDS = 600;
/** CacheService takes 100 KB a value; a state of one window per group is a few KB. Beyond this, it is not kept. */
const MAX_BYTES = 90_000;

/**
 * The rate governor's state in the person's cache, per server: each call from the sidebar is a fresh execution,
 * and the next one paces from what the last one sent. Rate limits count per person and app, so the user cache.
 */
export function cachedGovernorMemory(server: string): GovernorMemory {
  const key = `rcsheets.governor.${server.replace(/^[a-z]+:\/\//i, "")}`;
  return {
    load() {
      try {
        return JSON.parse(CacheService.getUserCache().get(key) ?? "null") as GovernorState | null;
      } catch {
        return null;
      }
    },
    save(state) {
      const text = JSON.stringify(state);
      // JSON of numbers and group names is ASCII: characters are bytes.
      if (text.length > MAX_BYTES) return;
      try {
        CacheService.getUserCache().put(key, text, SECONDS);
      } catch {
        // Pacing from a little less knowledge is better than failing the call that was answered.
      }
    },
  };
}

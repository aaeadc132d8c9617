import type { SheetRef } from "../workbook/port";
import type { TabMemory } from "./sheets-workbook";

const KEY = "rcsheets.tabs";
/** A sync's chunks come minutes apart; a list older than this is read again from the sheets. */
const SECONDS = 1_800;

/**
 * The tabs' markers in the document's cache, shared by everyone with the file (the markers are the file's): each
 * execution checks the tab names (one call a tab) instead of reading every tab's developer metadata (four).
 */
export const cachedTabMemory: TabMemory = {
  load() {
    try {
      const refs = JSON.parse(CacheService.getDocumentCache()?.get(KEY) ?? "null") as unknown;
      return Array.isArray(refs) && refs.every(isRef) ? refs : null;
    } catch {
      return null;
    }
  },
  save(refs) {
    try {
      CacheService.getDocumentCache()?.put(KEY, JSON.stringify(refs), SECONDS);
    } catch {
      // Without the cache, the next execution reads the markers again.
    }
  },
};

function isRef(value: unknown): value is SheetRef {
  const ref = value as SheetRef | null;
  return typeof ref?.name === "string" && (ref.marker === null || typeof ref.marker === "string");
}

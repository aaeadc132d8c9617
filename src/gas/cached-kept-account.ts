import type { KeptAccount, KeptAccountStore } from "../sync/kept-account";
import { getInParts, putInParts, removeParts } from "./cache-parts";

/** As long as a kept account may stand in for a read (KEPT_ACCOUNT_MS), in the cache's seconds. */
const SECONDS = 600;

/**
 * The account a sync's chunk kept, in the document's cache (the ledger it is checked against is the document's), per
 * server. A cache that drops it or fails costs only a read of the account.
 */
export function cachedKeptAccount(server: () => string): KeptAccountStore {
  const key = () => `rcsheets.account.${server().replace(/^[a-z]+:\/\//i, "")}`;
  const cache = () => CacheService.getDocumentCache();
  return {
    load() {
      try {
        const store = cache();
        const text = store ? getInParts(store, key()) : null;
        return text ? (JSON.parse(text) as KeptAccount) : null;
      } catch {
        return null;
      }
    },
    save(kept) {
      try {
        const store = cache();
        if (store) putInParts(store, key(), JSON.stringify(kept), SECONDS);
      } catch {
        this.clear();
      }
    },
    clear() {
      try {
        const store = cache();
        if (store) removeParts(store, key());
      } catch {
        // A part left behind is refused by the ledger's print or its age.
      }
    },
  };
}

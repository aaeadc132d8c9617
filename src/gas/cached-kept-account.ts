import type { KeptAccount, KeptAccountStore } from "../sync/kept-account";
import { getInParts, putInParts, removeParts } from "./cache-parts";

/** As long as a kept account may stand in for a read (KEPT_ACCOUNT_MS), in the cache's seconds. */
const SECONDS = 600;

/**
 * The account a sync's chunk kept, in the person's cache (each person connects to RingCentral on their own: two
 * editors may reach two accounts), per document and server. A cache that drops it or fails costs only a read.
 */
export function cachedKeptAccount(where: { server: () => string; document: () => string }): KeptAccountStore {
  let key: string | null = null;
  const keyOf = () => {
    key ??= `rcsheets.account.${where.document()}.${where.server().replace(/^[a-z]+:\/\//i, "")}`;
    return key;
  };
  const cache = () => CacheService.getUserCache();
  return {
    load() {
      try {
        const text = getInParts(cache(), keyOf());
        return text ? (JSON.parse(text) as KeptAccount) : null;
      } catch {
        return null;
      }
    },
    save(kept) {
      try {
        putInParts(cache(), keyOf(), JSON.stringify(kept), SECONDS);
      } catch {
        this.clear();
      }
    },
    clear() {
      try {
        removeParts(cache(), keyOf());
      } catch {
        // A part left behind is refused by the ledger's print or its age.
      }
    },
  };
}

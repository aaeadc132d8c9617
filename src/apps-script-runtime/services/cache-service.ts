import { AppsScriptException } from "../exception";
import type { Execution, HostService } from "../host-service";

/**
 * CacheService (developers.google.com/apps-script/reference/cache/cache): script, user and document caches. A key
 * is at most 250 characters, a value at most 100 KB; an entry lives 600 s unless told, at most 21600 s (6 hours).
 * "The cap for cached items is 1,000. If more than 1,000 items are written, the cache stores the 900 items farthest
 * from expiration." Time is the host's clock.
 */
export const CACHE_KEY_MAX_LENGTH = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_DEFAULT_SECONDS = 600;
export const CACHE_MAX_SECONDS = 21_600;
export const CACHE_ITEMS_CAP = 1000;
export const CACHE_ITEMS_KEPT = 900;
export const CACHE_KEY_TOO_LARGE = "Argument too large: key";
export const CACHE_VALUE_TOO_LARGE = "Argument too large: value";

export type Clock = () => number;

export class CacheStore {
  readonly #entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(private readonly now: Clock) {}

  get(key: string): string | null {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.#entries.delete(key);
      return null;
    }
    return entry.value;
  }

  put(key: string, value: string, seconds: number): void {
    this.putAll([[key, value]], seconds);
  }

  /** Writes every entry, then holds the cap once: a putAll of 1,001 items keeps 900, as a run of puts would. */
  putAll(entries: readonly [string, string][], seconds: number): void {
    const expiresAt = this.now() + seconds * 1000;
    for (const [key, value] of entries) {
      // A rewritten key is a new item: it goes to the end, as the newest write.
      this.#entries.delete(key);
      this.#entries.set(key, { value, expiresAt });
    }
    this.#holdCap();
  }

  /** How many items it holds now (expired ones are gone). */
  size(): number {
    this.#dropExpired();
    return this.#entries.size;
  }

  remove(key: string): void {
    this.#entries.delete(key);
  }

  #holdCap(): void {
    if (this.#entries.size <= CACHE_ITEMS_CAP) return;
    this.#dropExpired();
    if (this.#entries.size <= CACHE_ITEMS_CAP) return;
    // The 900 farthest from expiration stay; among equals, the later written.
    const kept = [...this.#entries]
      .map((entry, order) => ({ entry, order }))
      .sort((a, b) => b.entry[1].expiresAt - a.entry[1].expiresAt || b.order - a.order)
      .slice(0, CACHE_ITEMS_KEPT)
      .sort((a, b) => a.order - b.order);
    this.#entries.clear();
    for (const { entry } of kept) this.#entries.set(...entry);
  }

  #dropExpired(): void {
    const now = this.now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }
}

function checkEntry(key: unknown, value: unknown): [string, string] {
  const text = String(key);
  if (text.length > CACHE_KEY_MAX_LENGTH) throw new AppsScriptException(CACHE_KEY_TOO_LARGE);
  const data = String(value);
  if (Buffer.byteLength(data, "utf8") > CACHE_VALUE_MAX_BYTES) throw new AppsScriptException(CACHE_VALUE_TOO_LARGE);
  return [text, data];
}

/** Longer expirations are capped at 6 hours (the documented maximum), as gas-fakes models it. */
function lifetime(seconds: unknown): number {
  if (seconds === undefined || seconds === null) return CACHE_DEFAULT_SECONDS;
  return Math.max(1, Math.min(CACHE_MAX_SECONDS, Number(seconds)));
}

/** Apps Script's Cache class over one store. */
export class Cache {
  readonly #store: CacheStore;

  constructor(store: CacheStore) {
    this.#store = store;
  }

  get [Symbol.toStringTag]() {
    return "Cache";
  }

  get(key: string): string | null {
    return this.#store.get(String(key));
  }

  getAll(keys: string[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.#store.get(String(key));
      if (value !== null) found[key] = value;
    }
    return found;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.#store.putAll([checkEntry(key, value)], lifetime(expirationInSeconds));
  }

  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    const entries = Object.entries(values ?? {}).map(([key, value]) => checkEntry(key, value));
    this.#store.putAll(entries, lifetime(expirationInSeconds));
  }

  remove(key: string): void {
    this.#store.remove(String(key));
  }

  removeAll(keys: string[]): void {
    for (const key of keys) this.#store.remove(String(key));
  }
}

export class CacheStores {
  readonly script: CacheStore;
  readonly document: CacheStore;
  readonly #users = new Map<string, CacheStore>();

  constructor(private readonly now: Clock) {
    this.script = new CacheStore(now);
    this.document = new CacheStore(now);
  }

  user(email: string): CacheStore {
    let store = this.#users.get(email);
    if (!store) {
      store = new CacheStore(this.now);
      this.#users.set(email, store);
    }
    return store;
  }
}

class CacheServiceRoot {
  readonly #stores: CacheStores;
  readonly #execution: Execution;

  constructor(stores: CacheStores, execution: Execution) {
    this.#stores = stores;
    this.#execution = execution;
  }

  get [Symbol.toStringTag]() {
    return "CacheService";
  }

  getScriptCache(): Cache {
    return new Cache(this.#stores.script);
  }

  getUserCache(): Cache {
    return new Cache(this.#stores.user(this.#execution.user));
  }

  /** Null outside the context of a containing document (a standalone script, a web app). */
  getDocumentCache(): Cache | null {
    return this.#execution.standalone ? null : new Cache(this.#stores.document);
  }
}

export function cacheService(stores: CacheStores): HostService {
  return { name: "CacheService", create: (execution) => new CacheServiceRoot(stores, execution) };
}

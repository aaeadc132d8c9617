/**
 * A text larger than CacheService holds in one value (100 KB, counted in UTF-8 bytes), kept as parts under one key:
 * the key holds the number of parts, written last, so that a reader sees it only once every part is there.
 */
const PART_BYTES = 90_000;

export function putInParts(cache: GoogleAppsScript.Cache.Cache, key: string, text: string, seconds: number): void {
  const values: Record<string, string> = {};
  utf8Parts(text, PART_BYTES).forEach((part, i) => {
    values[`${key}.${i}`] = part;
  });
  cache.putAll(values, seconds);
  cache.put(key, String(Object.keys(values).length), seconds);
}

/** The text, or null when the key, or any part of it (a cache may drop entries), is missing. */
export function getInParts(cache: GoogleAppsScript.Cache.Cache, key: string): string | null {
  const head = cache.get(key);
  if (!head) return null;
  const keys = partKeys(key, Number(head));
  const found = cache.getAll(keys);
  if (keys.some((k) => found[k] === undefined)) return null;
  return keys.map((k) => found[k]).join("");
}

export function removeParts(cache: GoogleAppsScript.Cache.Cache, key: string): void {
  const head = cache.get(key);
  cache.removeAll([key, ...partKeys(key, Number(head ?? 0))]);
}

function partKeys(key: string, parts: number): string[] {
  return Array.from({ length: Number.isInteger(parts) && parts > 0 ? parts : 0 }, (_, i) => `${key}.${i}`);
}

/** A character of more than one UTF-8 byte (any UTF-16 unit past ASCII, surrogates included). */
const WIDE = /[\u0080-\uffff]/;

/** Cuts text into parts of at most `limit` UTF-8 bytes, never inside a character (a surrogate pair stays whole). */
export function utf8Parts(text: string, limit: number): string[] {
  const parts: string[] = [];
  for (let start = 0; start < text.length; ) {
    // A stretch of ASCII is as many bytes as characters: taken whole, not walked character by character (a kept
    // account is a megabyte of JSON at 5,000 users, nearly all of it ASCII).
    const end = WIDE.test(text.slice(start, start + limit)) ? utf8End(text, start, limit) : start + limit;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts.length > 0 ? parts : [""];
}

/** Where a part from `start` ends: as many characters as fit in `limit` UTF-8 bytes, and at least one. */
function utf8End(text: string, start: number, limit: number): number {
  let i = start;
  for (let bytes = 0; i < text.length; ) {
    const code = text.codePointAt(i) ?? 0;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + size > limit && i > start) break;
    bytes += size;
    i += code < 0x10000 ? 1 : 2;
  }
  return i;
}

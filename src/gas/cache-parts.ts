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

/** Cuts text into parts of at most `limit` UTF-8 bytes, never inside a character (a surrogate pair stays whole). */
export function utf8Parts(text: string, limit: number): string[] {
  const parts: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) ?? 0;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    const width = code < 0x10000 ? 1 : 2;
    if (bytes + size > limit) {
      parts.push(text.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    i += width;
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * Apps Script hands google.script.run a function's return value as it is, and a Promise does not survive that trip.
 * A server function that works asynchronously (a RingCentral call) therefore answers `{ pending: ticket }` at once;
 * its outcome lands in the person's cache when it settles, and the sidebar collects it with `takeResult(ticket)`.
 */

const PREFIX = "rcsheets.result.";
/** CacheService takes 100 KB per value, counted in UTF-8 bytes: larger outcomes are cut into parts of this many. */
const PART_BYTES = 90_000;
const SECONDS = 21_600;

export interface Pending {
  pending: string;
}

export type Outcome = { done: false } | { done: true; value: unknown } | { done: true; error: string };

export function settleLater(result: Promise<unknown>): Pending {
  const ticket = Utilities.getUuid();
  result.then(
    (value) => settle(ticket, { done: true, value }),
    (error: unknown) => settle(ticket, { done: true, error: error instanceof Error ? error.message : String(error) }),
  );
  return { pending: ticket };
}

export function takeResult(ticket: string): Outcome {
  const cache = CacheService.getUserCache();
  const head = cache.get(`${PREFIX}${ticket}`);
  if (!head) return { done: false };
  const parts = Number(head);
  const keys = Array.from({ length: parts }, (_, i) => `${PREFIX}${ticket}.${i}`);
  const found = cache.getAll(keys);
  cache.removeAll([`${PREFIX}${ticket}`, ...keys]);
  return JSON.parse(keys.map((k) => found[k] ?? "").join("")) as Outcome;
}

/** The outcome, or, when it cannot be stored (too big, the cache failing), an error saying so: the sidebar is told. */
function settle(ticket: string, outcome: Outcome): void {
  try {
    store(ticket, JSON.stringify(outcome));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    try {
      store(ticket, JSON.stringify({ done: true, error: `The answer could not be handed back to the sidebar (${why}).` }));
    } catch {
      // Nothing reaches the sidebar now; its collection gives up after the function's time and says so.
      console.warn(`The outcome of ${ticket} could not be stored: ${why}`);
    }
  }
}

function store(ticket: string, text: string): void {
  const values: Record<string, string> = {};
  utf8Parts(text, PART_BYTES).forEach((part, i) => {
    values[`${PREFIX}${ticket}.${i}`] = part;
  });
  const cache = CacheService.getUserCache();
  cache.putAll(values, SECONDS);
  // The head last: takeResult sees it only once every part is there.
  cache.put(`${PREFIX}${ticket}`, String(Object.keys(values).length), SECONDS);
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

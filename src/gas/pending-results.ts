/**
 * Apps Script hands google.script.run a function's return value as it is, and a Promise does not survive that trip.
 * A server function that works asynchronously (a RingCentral call) therefore answers `{ pending: ticket }` at once;
 * its outcome lands in the person's cache when it settles, and the sidebar collects it with `takeResult(ticket)`.
 */

const PREFIX = "rcsheets.result.";
/** CacheService takes 100 KB per value: larger outcomes are cut into parts. */
const PART = 90_000;
const SECONDS = 21_600;

export interface Pending {
  pending: string;
}

export type Outcome = { done: false } | { done: true; value: unknown } | { done: true; error: string };

export function settleLater(result: Promise<unknown>): Pending {
  const ticket = Utilities.getUuid();
  result.then(
    (value) => store(ticket, { done: true, value }),
    (error: unknown) => store(ticket, { done: true, error: error instanceof Error ? error.message : String(error) }),
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

function store(ticket: string, outcome: Outcome): void {
  const text = JSON.stringify(outcome);
  const values: Record<string, string> = {};
  for (let i = 0; i * PART < text.length; i++) values[`${PREFIX}${ticket}.${i}`] = text.slice(i * PART, (i + 1) * PART);
  const cache = CacheService.getUserCache();
  cache.putAll(values, SECONDS);
  cache.put(`${PREFIX}${ticket}`, String(Object.keys(values).length), SECONDS);
}

import { getInParts, putInParts, removeParts } from "./cache-parts";

/**
 * Apps Script hands google.script.run a function's return value as it is, and a Promise does not survive that trip.
 * A server function that works asynchronously (a RingCentral call) therefore answers `{ pending: ticket }` at once;
 * its outcome lands in the person's cache when it settles, and the sidebar collects it with `takeResult(ticket)`.
 */

const PREFIX = "rcsheets.result.";
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
  const text = getInParts(cache, `${PREFIX}${ticket}`);
  if (text === null) return { done: false };
  removeParts(cache, `${PREFIX}${ticket}`);
  return JSON.parse(text) as Outcome;
}

/** The outcome, or, when it cannot be stored (too big, the cache failing), an error saying so: the sidebar is told. */
function settle(ticket: string, outcome: Outcome): void {
  const store = (text: string) => putInParts(CacheService.getUserCache(), `${PREFIX}${ticket}`, text, SECONDS);
  try {
    store(JSON.stringify(outcome));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    try {
      store(JSON.stringify({ done: true, error: `The answer could not be handed back to the sidebar (${why}).` }));
    } catch {
      // Nothing reaches the sidebar now; its collection gives up after the function's time and says so.
      console.warn(`The outcome of ${ticket} could not be stored: ${why}`);
    }
  }
}

import type { Observed } from "./observed";

/**
 * A recorded selfTest report (Google's) against the same selfTest run in the local runtime now: each difference as a
 * sentence naming the rule id and, inside a rule, the field. Values must be equal, except times, which are Google's
 * to vary: a time agrees when each is within TIME_FACTOR of the other.
 */
export const TIME_FACTOR = 3;

export function ruleDifferences(recorded: Record<string, Observed>, runtime: Record<string, Observed>): string[] {
  const ids = [...new Set([...Object.keys(recorded), ...Object.keys(runtime)])];
  return ids.flatMap((id) => {
    if (!(id in runtime)) return [`rule ${id}: in the report, but the runtime's selfTest has no such rule`];
    if (!(id in recorded)) return [`rule ${id}: the runtime's selfTest observes it, the report does not have it`];
    return leafDifferences(id, recorded[id] as Observed, runtime[id] as Observed);
  });
}

function leafDifferences(path: string, then: Observed, now: Observed): string[] {
  if (isRecord(then) && isRecord(now)) {
    const keys = [...new Set([...Object.keys(then), ...Object.keys(now)])];
    return keys.flatMap((key) => leafDifferences(`${path} › ${key}`, then[key] ?? null, now[key] ?? null));
  }
  if (typeof then === "number" && typeof now === "number" && /Ms$/.test(path)) {
    const [low, high] = [Math.max(1, Math.min(then, now)), Math.max(1, then, now)];
    return high / low <= TIME_FACTOR
      ? []
      : [`rule ${path}: ${then} in the report, ${now} in the runtime (more than ${TIME_FACTOR}× apart)`];
  }
  return JSON.stringify(then) === JSON.stringify(now)
    ? []
    : [`rule ${path}: ${JSON.stringify(then)} in the report, ${JSON.stringify(now)} in the runtime`];
}

function isRecord(value: Observed): value is { [key: string]: Observed } {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

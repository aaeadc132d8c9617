import { z } from "zod";
import type { SeededRandom } from "./seeded-random";

/**
 * Faults on demand, for the reliability tests.
 *
 * Random faults (`--faults`), drawn from the seeded PRNG for every API request. Grammar:
 *   SPEC  := ITEM ("," ITEM)*
 *   ITEM  := "5xx=" P | "drop=" P | "lose=" P | "expire=" P | "429=" P | "latency=" DURATION
 *   P     := a probability in [0, 1], e.g. 0.05
 *   DURATION := N "ms" | N "s"   (added to every request; not time-scaled, it is wall time)
 * e.g. `5xx=0.05,latency=20ms,drop=0.02,expire=0.01`.
 *
 * `drop` closes the connection before the platform acts: nothing happened. `lose` lets the platform do the work, then
 * closes the connection before the answer: the change is made and the caller never hears of it.
 *
 * Queued faults (POST /__sandbox/faults) hit the next `count` requests matching a method and a path pattern (`*`
 * matches within a segment, `**` across segments), once each.
 */
export const FAULT_KINDS = ["5xx", "latency", "drop", "lose", "expire", "429"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface RandomFaults {
  serverError: number;
  drop: number;
  lose: number;
  expire: number;
  rateLimit: number;
  latencyMs: number;
}

export const queuedFaultSchema = z.object({
  kind: z.enum(FAULT_KINDS),
  status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).optional(),
  ms: z.number().int().min(0).max(60_000).optional(),
  method: z.string().optional(),
  path: z.string().optional(),
  count: z.number().int().min(1).default(1),
});
export type QueuedFault = z.infer<typeof queuedFaultSchema>;

/** What happens to one request; latency comes first, then at most one terminal fault. */
export interface FaultPlan {
  latencyMs: number;
  terminal?: { kind: "5xx"; status: number } | { kind: "drop" } | { kind: "lose" } | { kind: "expire" } | { kind: "429" };
}

export function parseFaults(spec: string | undefined): RandomFaults {
  const faults: RandomFaults = { serverError: 0, drop: 0, lose: 0, expire: 0, rateLimit: 0, latencyMs: 0 };
  if (!spec?.trim()) return faults;
  for (const item of spec.split(",")) {
    const [key, value] = item.split("=").map((s) => s.trim());
    if (!key || value === undefined) throw new Error(`fault "${item}": expected key=value`);
    if (key === "latency") faults.latencyMs = parseDuration(value);
    else {
      const p = Number(value);
      if (!(p >= 0 && p <= 1)) throw new Error(`fault "${item}": probability must be between 0 and 1`);
      if (key === "5xx") faults.serverError = p;
      else if (key === "drop") faults.drop = p;
      else if (key === "lose") faults.lose = p;
      else if (key === "expire") faults.expire = p;
      else if (key === "429") faults.rateLimit = p;
      else throw new Error(`fault "${item}": unknown kind (5xx, drop, lose, expire, 429, latency)`);
    }
  }
  return faults;
}

function parseDuration(value: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(value);
  if (!match) throw new Error(`latency "${value}": expected e.g. 20ms or 1s`);
  return Number(match[1]) * (match[2] === "s" ? 1000 : 1);
}

export class FaultInjector {
  private queue: QueuedFault[] = [];
  private readonly firedCounts = new Map<FaultKind, number>();

  constructor(
    private readonly random: RandomFaults,
    private readonly prng: SeededRandom,
  ) {}

  enqueue(fault: QueuedFault): void {
    this.queue.push({ ...fault });
  }

  clear(): void {
    this.queue = [];
  }

  pending(): readonly QueuedFault[] {
    return this.queue;
  }

  /** How many requests each kind of fault has hit so far (queued and random alike), for tests to assert they fired. */
  fired(): Record<FaultKind, number> {
    return Object.fromEntries(FAULT_KINDS.map((kind) => [kind, this.firedCounts.get(kind) ?? 0])) as Record<FaultKind, number>;
  }

  plan(method: string, path: string): FaultPlan {
    const plan: FaultPlan = { latencyMs: this.random.latencyMs };
    for (const fault of this.takeMatching(method, path)) {
      if (fault.kind === "latency") plan.latencyMs += fault.ms ?? 100;
      else plan.terminal ??= terminalOf(fault);
    }
    plan.terminal ??= this.randomTerminal();
    if (plan.latencyMs > 0) this.count("latency");
    if (plan.terminal) this.count(plan.terminal.kind);
    return plan;
  }

  private count(kind: FaultKind): void {
    this.firedCounts.set(kind, (this.firedCounts.get(kind) ?? 0) + 1);
  }

  /** Each matching queued fault is used once; different kinds may stack (latency + 5xx). */
  private takeMatching(method: string, path: string): QueuedFault[] {
    const taken: QueuedFault[] = [];
    const seen = new Set<FaultKind>();
    for (const fault of this.queue) {
      if (seen.has(fault.kind) || !matches(fault, method, path)) continue;
      seen.add(fault.kind);
      taken.push(fault);
      fault.count--;
    }
    this.queue = this.queue.filter((f) => f.count > 0);
    return taken;
  }

  private randomTerminal(): FaultPlan["terminal"] {
    const r = this.random;
    if (r.drop > 0 && this.prng.chance(r.drop)) return { kind: "drop" };
    if (r.lose > 0 && this.prng.chance(r.lose)) return { kind: "lose" };
    if (r.serverError > 0 && this.prng.chance(r.serverError)) return { kind: "5xx", status: this.prng.chance(0.5) ? 500 : 503 };
    if (r.expire > 0 && this.prng.chance(r.expire)) return { kind: "expire" };
    if (r.rateLimit > 0 && this.prng.chance(r.rateLimit)) return { kind: "429" };
    return undefined;
  }
}

function terminalOf(fault: QueuedFault): FaultPlan["terminal"] {
  if (fault.kind === "5xx") return { kind: "5xx", status: fault.status ?? 503 };
  if (fault.kind === "drop") return { kind: "drop" };
  if (fault.kind === "lose") return { kind: "lose" };
  if (fault.kind === "expire") return { kind: "expire" };
  return { kind: "429" };
}

function matches(fault: QueuedFault, method: string, path: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method) return false;
  if (!fault.path) return true;
  return patternToRegExp(fault.path).test(path);
}

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  const body = escaped
    .split("**")
    .map((part) => part.replace(/\*/g, "[^/]*"))
    .join(".*");
  return new RegExp(`^${body}$`);
}

import type { SandboxClock } from "./clock";

/** The platform's usage plan groups (API.md §10) with their default limits per 60 s window. */
export type UsageGroup = "Light" | "Medium" | "Heavy" | "Auth";

export const groupLimits: Readonly<Record<UsageGroup, number>> = { Light: 50, Medium: 40, Heavy: 10, Auth: 5 };
const windowSeconds = 60;
const penaltySeconds = 60;

export type RateDecision =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; headers: Record<string, string>; retryAfterMillis: number };

interface Bucket {
  /** Real-ms timestamps of counted requests inside the window, oldest first. */
  hits: number[];
  penaltyUntil: number;
}

/**
 * Sliding-window counts per (app, token owner, group). Over the limit the group is in penalty for one window; every
 * request sent during the penalty is refused AND restarts the penalty clock, as the platform does.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clock: SandboxClock) {}

  take(key: string, group: UsageGroup): RateDecision {
    const now = this.clock.now();
    const windowMillis = this.clock.millis(windowSeconds);
    const bucket = this.bucket(`${key}|${group}`);
    while (bucket.hits.length > 0 && (bucket.hits[0] as number) <= now - windowMillis) bucket.hits.shift();
    const limit = groupLimits[group];
    if (now < bucket.penaltyUntil || bucket.hits.length >= limit) {
      bucket.penaltyUntil = now + this.clock.millis(penaltySeconds);
      const retryAfterMillis = bucket.penaltyUntil - now;
      return { allowed: false, retryAfterMillis, headers: this.headers(group, 0, retryAfterMillis) };
    }
    bucket.hits.push(now);
    return { allowed: true, headers: this.headers(group, limit - bucket.hits.length) };
  }

  /** Headers of a refusal that did not come from counting (a queued 429 fault). */
  refusalHeaders(group: UsageGroup): { headers: Record<string, string>; retryAfterMillis: number } {
    const retryAfterMillis = this.clock.millis(penaltySeconds);
    return { headers: this.headers(group, 0, retryAfterMillis), retryAfterMillis };
  }

  private headers(group: UsageGroup, remaining: number, retryAfterMillis?: number): Record<string, string> {
    const headers: Record<string, string> = {
      "X-Rate-Limit-Group": group.toLowerCase(),
      "X-Rate-Limit-Limit": String(groupLimits[group]),
      "X-Rate-Limit-Remaining": String(remaining),
      "X-Rate-Limit-Window": this.clock.headerSeconds(this.clock.millis(windowSeconds)),
    };
    if (retryAfterMillis !== undefined) headers["Retry-After"] = this.clock.headerSeconds(retryAfterMillis);
    return headers;
  }

  private bucket(key: string): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { hits: [], penaltyUntil: 0 };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}

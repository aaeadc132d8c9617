import type { Clock } from "./clock";
import { OutOfTimeError } from "./out-of-time";
import { DEFAULT_LIMITS, isUsageGroup, type UsageGroup } from "./usage-group";

/** What the governor keeps per usage group: the limit as the platform last stated it, and when we sent. */
interface GroupPace {
  limit: number;
  windowMs: number;
  /** Requests still inside the window, oldest first. */
  sent: Ticket[];
  /**
   * Requests the server counts that this governor did not send (another client on the same quota, or a state that
   * was lost), as of the last answer: their times are unknown, so they count from that answer, and only until the
   * next answer says how many there still are.
   */
  unseen: number[];
  /** Nothing is sent in this group before then: any request during a penalty restarts it. */
  penaltyUntil: number;
}

/** What the governor knows of one group, as it is carried between executions: times of the last window only. */
export interface GroupState {
  limit: number;
  windowMs: number;
  /** When the requests still inside the window were counted, oldest first. */
  sent: number[];
  /** The server's count beyond ours at the last answer, as of then (absent in states saved before it was kept). */
  unseen?: number[];
  penaltyUntil: number;
}

export type GovernorState = Partial<Record<UsageGroup, GroupState>>;

/**
 * Where the governor's state outlives the governor: each call from the sidebar is a fresh Apps Script execution,
 * and a governor that started blind every chunk would send a burst into a window the last one had filled.
 */
export interface GovernorMemory {
  load(): GovernorState | null;
  save(state: GovernorState): void;
}

/**
 * One request counted against its group. Its time is the send time until the answer comes, then the answer's time:
 * the server counted the request somewhere in between, so counting from the answer never frees a slot too early.
 */
export interface Ticket {
  group: UsageGroup;
  at: number;
}

/**
 * Paces each usage group so that a steady client never receives a 429: at most `limit` sends in any window, as the
 * platform's sliding window counts them, with a small margin for the time a request takes to arrive. It learns the
 * limit and window from the `X-Rate-Limit-*` headers, takes a server count above its own as other clients sharing
 * the quota, and honours `Retry-After` by sending nothing in that group until the penalty is over.
 */
export class Governor {
  private readonly groups = new Map<UsageGroup, GroupPace>();

  constructor(
    private readonly clock: Clock,
    private readonly memory?: GovernorMemory,
  ) {
    this.restore(memory?.load() ?? null);
  }

  /** Waits until a request in `group` may go, and counts it as sent. */
  async acquire(group: UsageGroup, latest = Number.POSITIVE_INFINITY): Promise<Ticket> {
    const pace = this.pace(group);
    for (;;) {
      const now = this.clock.now();
      this.prune(pace, now);
      const counted = [...pace.sent.map((t) => t.at), ...pace.unseen].sort((a, b) => a - b);
      // Sending one more needs all but limit − 1 of the counted requests out of the window.
      const freeing = counted[counted.length - pace.limit];
      const full = counted.length >= pace.limit && freeing !== undefined;
      const wait = Math.max(pace.penaltyUntil - now, full ? this.expiry(pace, freeing) - now : 0);
      if (wait <= 0) {
        const ticket = { group, at: now };
        pace.sent.push(ticket);
        return ticket;
      }
      // A wait that would end too late is not begun: the caller's execution would be ended in it.
      if (now + wait > latest) throw new OutOfTimeError(wait);
      await this.clock.sleep(wait);
    }
  }

  /** The request got no answer: it counts from now, since it may have reached the server at any time until now. */
  settle(ticket: Ticket): void {
    ticket.at = this.clock.now();
    this.remember();
  }

  /** Learns from a response: the group's limit and window, the server's count, a penalty. */
  observe(ticket: Ticket, status: number, headers: Record<string, string>): void {
    ticket.at = this.clock.now();
    const named = headers["x-rate-limit-group"]?.toLowerCase();
    const pace = this.pace(named && isUsageGroup(named) ? named : ticket.group);
    const now = ticket.at;
    const limit = Number(headers["x-rate-limit-limit"]);
    const window = Number(headers["x-rate-limit-window"]);
    if (limit > 0) pace.limit = limit;
    if (window > 0) pace.windowMs = window * 1000;
    this.prune(pace, now);
    const remaining = Number(headers["x-rate-limit-remaining"]);
    // The server's count is the truth about the window; beyond ours, it is what the headers say and no more.
    if (Number.isFinite(remaining) && headers["x-rate-limit-remaining"] !== undefined) {
      const unseen = Math.max(0, pace.limit - remaining - pace.sent.length);
      pace.unseen = Array.from({ length: unseen }, () => now);
    }
    if (status === 429) {
      const retryAfter = Number(headers["retry-after"]);
      const seconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 30;
      pace.penaltyUntil = Math.max(pace.penaltyUntil, now + seconds * 1000 + this.margin(pace));
    }
    this.remember();
  }

  /** What a governor built later needs to pace as this one would: the last window of each group, and penalties. */
  state(): GovernorState {
    const now = this.clock.now();
    const state: GovernorState = {};
    for (const [group, pace] of this.groups) {
      this.prune(pace, now);
      const { limit, windowMs, penaltyUntil } = pace;
      state[group] = {
        limit,
        windowMs,
        sent: pace.sent.map((t) => t.at),
        ...(pace.unseen.length > 0 ? { unseen: [...pace.unseen] } : {}),
        penaltyUntil: penaltyUntil > now ? penaltyUntil : 0,
      };
    }
    return state;
  }

  /** Saved after every answer, so that an execution cut short leaves the next one what it knew. */
  private remember(): void {
    this.memory?.save(this.state());
  }

  /** A saved state, taken only where it makes sense (it comes from a cache that anything could have written). */
  private restore(state: GovernorState | null): void {
    for (const [group, saved] of Object.entries(state ?? {})) {
      if (!isUsageGroup(group) || !isGroupState(saved)) continue;
      const sent = saved.sent.map((at) => ({ group, at }));
      const unseen = [...(saved.unseen ?? [])];
      this.groups.set(group, { limit: saved.limit, windowMs: saved.windowMs, sent, unseen, penaltyUntil: saved.penaltyUntil });
    }
  }

  private pace(group: UsageGroup): GroupPace {
    let pace = this.groups.get(group);
    if (!pace) {
      const defaults = DEFAULT_LIMITS[group];
      pace = { limit: defaults.limit, windowMs: defaults.windowSeconds * 1000, sent: [], unseen: [], penaltyUntil: 0 };
      this.groups.set(group, pace);
    }
    return pace;
  }

  /** When a send stops counting against the window, as the server will see it. */
  private expiry(pace: GroupPace, sentAt: number): number {
    return sentAt + pace.windowMs + this.margin(pace);
  }

  /** 1% of the window, at least 5 ms: the request's travel time, which the server's clock adds to ours. */
  private margin(pace: GroupPace): number {
    return Math.max(5, pace.windowMs * 0.01);
  }

  /** Drops requests that no longer count; answers can come back out of order, so the list is kept sorted. */
  private prune(pace: GroupPace, now: number): void {
    pace.sent.sort((a, b) => a.at - b.at);
    while (pace.sent.length > 0 && this.expiry(pace, (pace.sent[0] as Ticket).at) <= now) pace.sent.shift();
    pace.unseen = pace.unseen.filter((at) => this.expiry(pace, at) > now);
  }
}

function isGroupState(value: unknown): value is GroupState {
  const state = value as GroupState | null;
  const positive = (n: unknown) => typeof n === "number" && Number.isFinite(n) && n > 0;
  return (
    typeof state === "object" &&
    state !== null &&
    positive(state.limit) &&
    positive(state.windowMs) &&
    typeof state.penaltyUntil === "number" &&
    Array.isArray(state.sent) &&
    state.sent.every((at) => typeof at === "number" && Number.isFinite(at)) &&
    (state.unseen === undefined ||
      (Array.isArray(state.unseen) && state.unseen.every((at) => typeof at === "number" && Number.isFinite(at))))
  );
}

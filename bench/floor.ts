import { DEFAULT_LIMITS, isUsageGroup } from "../src/ringcentral/usage-group";

export type GroupCalls = Record<string, number>;

/**
 * The least time `needed` calls per group can take under the platform's sliding windows: the first L calls of a
 * group go at once, and each further L wait for a window to pass, so C calls need (⌈C/L⌉ − 1) windows. The slowest
 * group sets the floor. `needed` is what the work requires, never what a run happened to send: extra calls must not
 * raise the bar they are measured against.
 */
export function floorSeconds(needed: GroupCalls, timeScale: number): number {
  let floor = 0;
  for (const [group, calls] of Object.entries(needed)) {
    if (!isUsageGroup(group) || calls <= 0) continue;
    const { limit, windowSeconds } = DEFAULT_LIMITS[group];
    floor = Math.max(floor, (Math.ceil(calls / limit) - 1) * (windowSeconds / timeScale));
  }
  return floor;
}

/** Adds calls to a tally by group. */
export function add(tally: GroupCalls, group: string, calls: number): GroupCalls {
  tally[group] = (tally[group] ?? 0) + calls;
  return tally;
}

/** One read of the account as fetchAccountState makes it: extensions and numbers paged by 1,000, sites, roles. */
export function accountRead(tally: GroupCalls, account: { extensions: number; numbers: number }): GroupCalls {
  add(tally, "medium", Math.max(1, Math.ceil(account.extensions / 1000)) + 1);
  add(tally, "heavy", Math.max(1, Math.ceil(account.numbers / 1000)));
  return add(tally, "light", 1);
}

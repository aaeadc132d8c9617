import type { TokenLock } from "../ringcentral/token";

/** How long a renewal waits for another execution's: a token request takes a second or two. */
const WAIT_MS = 30_000;

/**
 * The person's executions renew their RingCentral token one at a time (Apps Script's user lock): the sidebar's
 * calls are separate executions, and a refresh token spent by one is refused to the other.
 */
export const personTokenLock: TokenLock = {
  async hold<T>(work: () => Promise<T>): Promise<T> {
    const lock = LockService.getUserLock();
    if (!lock.tryLock(WAIT_MS))
      throw new Error("Another of your RingCentral calls is signing in and did not finish: try again in a minute.");
    try {
      return await work();
    } finally {
      lock.releaseLock();
    }
  },
};

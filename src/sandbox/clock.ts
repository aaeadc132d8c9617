/**
 * Time in the sandbox. Every duration the platform defines (rate-limit window, penalty, token lifetime, bulk task
 * delay) is written in platform seconds and divided by the time scale here, so a benchmark can run the real limits
 * K times faster and still see the same shape.
 */
export class SandboxClock {
  constructor(readonly timeScale: number) {
    if (!(timeScale > 0)) throw new Error(`time scale must be a positive number, got ${timeScale}`);
  }

  now(): number {
    return Date.now();
  }

  /** Real milliseconds that `platformSeconds` take at this time scale. */
  millis(platformSeconds: number): number {
    return (platformSeconds * 1000) / this.timeScale;
  }

  /**
   * Seconds for a header such as `Retry-After` or `X-Rate-Limit-Window`. At scale 1 an integer, as HTTP says;
   * at a time scale a decimal (e.g. `0.6`): the one deliberate deviation, because a client running 100x faster needs
   * sub-second precision and an integer would round every wait to 0 or 1.
   */
  headerSeconds(realMillis: number): string {
    const seconds = Math.max(0, realMillis / 1000);
    if (this.timeScale === 1) return String(Math.ceil(seconds));
    return String(Math.round(seconds * 1000) / 1000);
  }

  /** Whole seconds for a JSON field such as `expires_in` (never 0, so a client never sees an already dead token). */
  bodySeconds(platformSeconds: number): number {
    return Math.max(1, Math.floor(platformSeconds / this.timeScale));
  }
}

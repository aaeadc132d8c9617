import type { Clock } from "../../src/ringcentral/clock";

/** Virtual time: sleeping moves the clock, so tests of pacing run instantly and exactly. */
export class FakeClock implements Clock {
  constructor(public time = 1_700_000_000_000) {}
  readonly sleeps: number[] = [];
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += Math.max(0, ms);
  }
}

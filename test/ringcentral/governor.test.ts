import { describe, expect, it } from "vitest";
import { Governor } from "../../src/ringcentral/governor";
import { FakeClock } from "./fake-clock";

const headers = (limit: number, remaining: number, window: number) => ({
  "x-rate-limit-group": "medium",
  "x-rate-limit-limit": String(limit),
  "x-rate-limit-remaining": String(remaining),
  "x-rate-limit-window": String(window),
});

/** The most sends any window of `windowMs` holds. */
function busiestWindow(times: number[], windowMs: number): number {
  return Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));
}

describe("Governor", () => {
  it("counts a request from its answer, so a slow first answer never frees its slot early", async () => {
    const clock = new FakeClock();
    const governor = new Governor(clock);
    const first = await governor.acquire("heavy");
    governor.observe(first, 200, { ...headers(2, 1, 1), "x-rate-limit-group": "heavy" });
    const second = await governor.acquire("heavy");
    clock.time += 300; // the second answer is slow: the server may have counted it any time in these 300 ms
    governor.observe(second, 200, { ...headers(2, 0, 1), "x-rate-limit-group": "heavy" });
    const answered = clock.now();
    await governor.acquire("heavy");
    await governor.acquire("heavy");
    expect(clock.now()).toBeGreaterThanOrEqual(answered + 1000);
  });

  it("never puts more than the limit in one window, and takes close to the floor", async () => {
    const clock = new FakeClock();
    const governor = new Governor(clock);
    const start = clock.now();
    const times: number[] = [];
    for (let i = 0; i < 400; i++) {
      const ticket = await governor.acquire("medium");
      times.push(clock.now());
      governor.observe(ticket, 200, headers(40, 39, 60));
    }
    expect(busiestWindow(times, 60_000)).toBeLessThanOrEqual(40);
    const seconds = (clock.now() - start) / 1000;
    expect(seconds).toBeLessThanOrEqual((400 / 40) * 60);
    expect(seconds).toBeGreaterThanOrEqual((400 / 40 - 1) * 60);
  });

  it("learns a scaled window from the headers", async () => {
    const clock = new FakeClock();
    const governor = new Governor(clock);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const ticket = await governor.acquire("heavy");
      times.push(clock.now());
      governor.observe(ticket, 200, { ...headers(10, 9, 0.6), "x-rate-limit-group": "heavy" });
    }
    expect(busiestWindow(times, 600)).toBeLessThanOrEqual(10);
    expect(clock.now() - (times[0] as number)).toBeLessThan(2 * 600 + 100);
  });

  it("sends nothing in a group under penalty, and other groups go on", async () => {
    const clock = new FakeClock();
    const governor = new Governor(clock);
    governor.observe(await governor.acquire("medium"), 429, { "retry-after": "30" });
    const before = clock.now();
    await governor.acquire("light");
    expect(clock.now()).toBe(before);
    await governor.acquire("medium");
    expect(clock.now() - before).toBeGreaterThanOrEqual(30_000);
  });

  it("takes the server's count when it is higher than its own (the quota is shared)", async () => {
    const clock = new FakeClock();
    const governor = new Governor(clock);
    governor.observe(await governor.acquire("medium"), 200, headers(40, 0, 60));
    const before = clock.now();
    await governor.acquire("medium");
    expect(clock.now() - before).toBeGreaterThanOrEqual(60_000);
  });
});

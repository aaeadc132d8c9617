import { describe, expect, it } from "vitest";
import { Governor, type GovernorMemory, type GovernorState } from "../../src/ringcentral/governor";
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

  it("counts requests it did not send only as long as the server's answers count them", async () => {
    const clock = new FakeClock();
    const governor = new Governor(clock);
    // The server counts 31 in the window: ours and 30 it knows nothing of, sent at unknown times.
    governor.observe(await governor.acquire("medium"), 200, headers(40, 9, 60));
    clock.time += 30_000;
    // Half a window later the others' have aged out: the server counts our two and one other.
    governor.observe(await governor.acquire("medium"), 200, headers(40, 37, 60));
    const before = clock.now();
    for (let i = 0; i < 37; i++) await governor.acquire("medium");
    expect(clock.now()).toBe(before);
    // The 38th fills the window: it waits for the first of ours to leave it.
    await governor.acquire("medium");
    expect(clock.now()).toBeGreaterThanOrEqual(before + 30_000);
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

/** A memory as the Apps Script cache keeps it: JSON text between executions. */
function textMemory(): GovernorMemory & { text: string | null } {
  const memory = {
    text: null as string | null,
    load: () => (memory.text ? (JSON.parse(memory.text) as GovernorState) : null),
    save: (state: GovernorState) => {
      memory.text = JSON.stringify(state);
    },
  };
  return memory;
}

describe("the governor's state between executions", () => {
  const heavy = (limit: number, remaining: number) => ({ ...headers(limit, remaining, 30), "x-rate-limit-group": "heavy" });

  it("a governor built from the saved state waits as the old one would have", async () => {
    const clock = new FakeClock();
    const memory = textMemory();
    const old = new Governor(clock, memory);
    for (let i = 0; i < 3; i++) {
      old.observe(await old.acquire("heavy"), 200, heavy(3, 2 - i));
      clock.time += 1000;
    }
    const at = clock.now();
    // The next execution: a new governor from the saved state, beside the old one at the same moment.
    const laterClock = new FakeClock(at);
    const later = new Governor(laterClock, memory);
    await later.acquire("heavy");
    await old.acquire("heavy");
    expect(laterClock.now() - at).toBe(clock.now() - at);
    // The learnt limit (3, not the default 10) and the window (30 s) came along.
    expect(laterClock.now() - at).toBeGreaterThan(27_000);
    expect(new Governor(new FakeClock(at)).state()).toEqual({});
  });

  it("a penalty carries over, and only the last window is kept", async () => {
    const clock = new FakeClock();
    const memory = textMemory();
    const old = new Governor(clock, memory);
    old.observe(await old.acquire("medium"), 429, { ...headers(40, 0, 60), "retry-after": "20" });
    const later = new Governor(clock, memory);
    const at = clock.now();
    await later.acquire("medium");
    expect(clock.now() - at).toBeGreaterThanOrEqual(20_000);

    clock.time += 120_000;
    later.observe(await later.acquire("medium"), 200, headers(40, 39, 60));
    const saved = JSON.parse(memory.text ?? "{}") as GovernorState;
    expect(saved.medium).toEqual({ limit: 40, windowMs: 60_000, sent: [clock.now()], penaltyUntil: 0 });
  });

  it("ignores a saved state it cannot read", async () => {
    const clock = new FakeClock();
    const memory = textMemory();
    memory.text = JSON.stringify({ heavy: { limit: "many", windowMs: 1, sent: [], penaltyUntil: 0 }, other: {} });
    const governor = new Governor(clock, memory);
    const at = clock.now();
    for (let i = 0; i < 10; i++) await governor.acquire("heavy");
    expect(clock.now()).toBe(at);
  });
});

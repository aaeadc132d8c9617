import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { readDist } from "../dist";

/** One request the page made: its function, and how to answer it. */
interface Pending {
  name: string;
  answer: (value: unknown) => void;
}

/**
 * The playground's google.script.run (dist/google-script-run.js, as the sidebar's page gets it) in a context of its
 * own, its `fetch` held until the test answers: how many calls run at once is what the page sent and not yet heard.
 */
function page() {
  const pending: Pending[] = [];
  const window: { google?: { script: { run: Record<string, (...args: unknown[]) => void> } } } = {};
  const fetch = (url: string) =>
    new Promise((resolve) => {
      const name = decodeURIComponent(url.replace("/exec/", ""));
      pending.push({ name, answer: (value) => resolve({ json: async () => ({ value }) }) });
    });
  vm.runInNewContext(readDist("google-script-run.js"), { window, fetch });
  const run = window.google?.script.run as unknown as {
    withSuccessHandler(handler: (value: unknown) => void): Record<string, (...args: unknown[]) => void>;
  };
  return { run, pending };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("google.script.run in the playground (guides/html/communication: 10 concurrent calls)", () => {
  it("runs at most 10 calls at once; the 11th starts when one of them ends, in the order they were made", async () => {
    const { run, pending } = page();
    const answered: unknown[] = [];
    for (let i = 1; i <= 13; i++) run.withSuccessHandler((value) => answered.push(value))[`call${i}`]?.();
    await settle();
    expect(pending.map((p) => p.name)).toEqual(Array.from({ length: 10 }, (_, i) => `call${i + 1}`));

    pending[3]?.answer("four");
    await settle();
    expect(answered).toEqual(["four"]);
    expect(pending.map((p) => p.name).slice(10)).toEqual(["call11"]);

    // A call made now waits behind the two already delayed.
    run.withSuccessHandler((value) => answered.push(value)).late?.();
    for (const p of pending.slice(0, 3)) p.answer("early");
    await settle();
    expect(pending.map((p) => p.name).slice(10)).toEqual(["call11", "call12", "call13", "late"]);
  });
});

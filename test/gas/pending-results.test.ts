import { describe, expect, it } from "vitest";
import { utf8Parts } from "../../src/gas/cache-parts";
import { settleLater, takeResult } from "../../src/gas/pending-results";
import { useAppsScriptGlobals } from "./apps-script-globals";

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const bytes = (text: string) => Buffer.byteLength(text, "utf8");

/** Asynchronous results through the person's cache, whose values hold 100 KB counted in UTF-8 bytes. */
describe("asynchronous results in Apps Script", () => {
  const current = useAppsScriptGlobals();

  it("hands back a large result full of é and emoji whole, every part under the cache's 100 KB", async () => {
    const value = { names: Array.from({ length: 4000 }, (_, i) => `Zoé 🎉 Ünal ${i} ${"é".repeat(40)}`) };
    const { pending } = settleLater(Promise.resolve(value));
    await settled();
    const parts = [...current().cache.values.entries()].filter(([key]) => key.startsWith(`rcsheets.result.${pending}.`));
    expect(parts.length).toBeGreaterThan(2);
    for (const [, part] of parts) expect(bytes(part)).toBeLessThanOrEqual(100 * 1024);
    expect(takeResult(pending)).toEqual({ done: true, value });
    expect(takeResult(pending)).toEqual({ done: false });
  });

  it("stores an error outcome when the result cannot be stored, so the sidebar is told", async () => {
    const putAll = current().cache.putAll.bind(current().cache);
    let refusals = 1;
    current().cache.putAll = (values, seconds) => {
      if (refusals-- > 0) throw new Error("Argument too large: value");
      putAll(values, seconds);
    };
    const { pending } = settleLater(Promise.resolve({ rows: "x".repeat(1000) }));
    await settled();
    expect(takeResult(pending)).toEqual({
      done: true,
      error: "The answer could not be handed back to the sidebar (Argument too large: value).",
    });

    const odd = settleLater(Promise.resolve({ count: BigInt(1) }));
    await settled();
    expect(takeResult(odd.pending)).toMatchObject({ done: true, error: expect.stringMatching(/could not be handed back/) });
  });

  it("a cache that fails altogether leaves nothing, and throws nowhere", async () => {
    current().cache.failing = true;
    const { pending } = settleLater(Promise.reject(new Error("refused")));
    await settled();
    expect(takeResult(pending)).toEqual({ done: false });
  });
});

describe("utf8Parts", () => {
  it("cuts by bytes, never inside a character", () => {
    const text = `a${"é".repeat(5)}🎉🎉b`;
    const parts = utf8Parts(text, 4);
    expect(parts.join("")).toBe(text);
    for (const part of parts) {
      expect(bytes(part)).toBeLessThanOrEqual(4);
      expect(part).not.toMatch(/[\uD800-\uDBFF]$/);
    }
    expect(utf8Parts("", 10)).toEqual([""]);
  });
});

import { describe, expect, it } from "vitest";
import { utf8Parts } from "../../src/gas/cache-parts";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

describe("a text cut into cache parts", () => {
  it("ASCII goes in parts of exactly the limit, the last shorter, and reads back whole", () => {
    const text = "x".repeat(25);
    expect(utf8Parts(text, 10).map((p) => p.length)).toEqual([10, 10, 5]);
    expect(utf8Parts("", 10)).toEqual([""]);
    expect(utf8Parts(text, 10).join("")).toBe(text);
  });

  it("counts UTF-8 bytes, never cutting a character or a surrogate pair", () => {
    const text = `ab${"é".repeat(5)}${"😀".repeat(4)}中文z${"x".repeat(20)}José`;
    const parts = utf8Parts(text, 7);
    expect(parts.join("")).toBe(text);
    for (const part of parts) {
      expect(bytes(part)).toBeLessThanOrEqual(7);
      expect(part).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
  });
});

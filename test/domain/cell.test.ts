import { describe, expect, it } from "vitest";
import { cellText } from "../../src/domain/cell";

describe("a cell's text", () => {
  it("writes whole numbers in plain digits, never grouped nor in exponent notation", () => {
    expect(cellText(4105)).toBe("4105");
    expect(cellText(14155550123)).toBe("14155550123");
    expect(cellText(123456789012345680000)).toBe("123456789012345680000");
    expect(cellText(1e21)).toBe("1000000000000000000000");
    expect(cellText(-42)).toBe("-42");
    expect(cellText(0.5)).toBe("0.5");
  });

  it("trims text, spells booleans as Sheets does, and gives dates in ISO form", () => {
    expect(cellText("  Ann ")).toBe("Ann");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(new Date(Date.UTC(2026, 11, 5)))).toBe("2026-12-05T00:00:00.000Z");
    expect(cellText(new Date(Number.NaN))).toBe("");
    expect(cellText(undefined)).toBe("");
  });
});

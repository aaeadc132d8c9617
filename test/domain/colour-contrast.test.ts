import { describe, expect, it } from "vitest";
import { AA_CONTRAST, CELL_TEXT, contrastRatio, readableFill } from "../../src/domain/colour-contrast";
import { counted } from "../../src/domain/counted";

describe("WCAG contrast of tag fills", () => {
  it("computes WCAG 2's ratio: black on white 21:1, a colour on itself 1:1, order does not matter", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#4285f4", "#4285f4")).toBeCloseTo(1, 5);
    expect(contrastRatio("#ffffff", "#767676")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#767676", "#ffffff")).toBe(contrastRatio("#ffffff", "#767676"));
  });

  it("gives every colour a person can pick a fill the cell's text reads on at AA (4.5:1)", () => {
    const steps = [0, 0x33, 0x66, 0x99, 0xcc, 0xff];
    const hex = (n: number) => n.toString(16).padStart(2, "0");
    let lightened = 0;
    for (const r of steps)
      for (const g of steps)
        for (const b of steps) {
          const colour = `#${hex(r)}${hex(g)}${hex(b)}`;
          const fill = readableFill(colour);
          expect(contrastRatio(fill, CELL_TEXT), `${colour} → ${fill}`).toBeGreaterThanOrEqual(AA_CONTRAST);
          if (fill !== colour) lightened++;
        }
    // Dark colours are lightened (navy, black, dark green…), the rest kept as the person chose them.
    expect(lightened).toBeGreaterThan(50);
    expect(readableFill("#000080")).not.toBe("#000080");
  });

  it("keeps a colour that already reads, exactly as written (the demo's blue, green and yellow)", () => {
    for (const colour of ["#4285F4", "#0F9D58", "#F4B400", "#ffffff"]) expect(readableFill(colour)).toBe(colour);
    // Tabulator's default cell text (#333) on the demo's blue was 3.6:1: why the grid shows Sheets' darker text.
    expect(contrastRatio("#4285f4", "#333333")).toBeLessThan(AA_CONTRAST);
  });

  it("leaves a value that is no #rrggbb colour alone", () => {
    expect(readableFill("blue")).toBe("blue");
  });
});

describe("one plural rule for counts", () => {
  it('says "1 error", "0 errors", "2 role changes", and an irregular plural when given', () => {
    expect(counted(1, "error")).toBe("1 error");
    expect(counted(0, "error")).toBe("0 errors");
    expect(counted(2, "role change")).toBe("2 role changes");
    expect(counted(1, "entry", "entries")).toBe("1 entry");
    expect(counted(3, "entry", "entries")).toBe("3 entries");
  });
});

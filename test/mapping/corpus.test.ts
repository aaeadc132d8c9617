import { describe, expect, it } from "vitest";
import { corpusSources, expectedOf, mapCorpusSource } from "./corpus-cases";

describe("the import corpus", () => {
  it("holds the five shared cases and at least ten of our own", () => {
    expect(corpusSources).toEqual(
      expect.arrayContaining([
        "hr-export.csv",
        "phone-system-export.csv",
        "semicolon-bom.csv",
        "template-exact.csv",
        "vertical-brd.csv",
      ]),
    );
    expect(corpusSources.length).toBeGreaterThanOrEqual(15);
  });

  it.each(corpusSources)("%s maps as its expected.json says", (source) => {
    const { sheet, got } = mapCorpusSource(source);
    expect(got).toEqual(expectedOf(source));
    expect(sheet.problems).toEqual([]);
  });
});

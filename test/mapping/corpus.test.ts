import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { USERS_TAB } from "../../src/domain/tabs";
import { parseCsv } from "../../src/mapping/csv";
import { mappingByHeader } from "../../src/mapping/mapping";
import { proposedMapping, proposeMapping } from "../../src/mapping/proposal";
import { readSourceSheet } from "../../src/mapping/source-sheet";

/** Our copies of the shared corpus plus our own cases: each source beside NAME.expected.json. */
const dir = join(import.meta.dirname, "../fixtures/import");
const sources = readdirSync(dir).filter((f) => !f.endsWith(".json") && !f.endsWith(".md"));

function expectedOf(source: string): { orientation: string; fields: Record<string, string | null> } {
  return JSON.parse(readFileSync(join(dir, source.replace(/\.[^.]+$/, ".expected.json")), "utf8"));
}

describe("the import corpus", () => {
  it("holds the five shared cases and at least ten of our own", () => {
    expect(sources).toEqual(
      expect.arrayContaining([
        "hr-export.csv",
        "phone-system-export.csv",
        "semicolon-bom.csv",
        "template-exact.csv",
        "vertical-brd.csv",
      ]),
    );
    expect(sources.length).toBeGreaterThanOrEqual(15);
  });

  it.each(sources)("%s maps as its expected.json says", (source) => {
    const parsed = parseCsv(readFileSync(join(dir, source), "utf8"));
    if (!parsed.ok) throw new Error(parsed.problem.message);
    const sheet = readSourceSheet(parsed.rows, "auto");
    const got = mappingByHeader(sheet.orientation, proposedMapping(proposeMapping(sheet)));
    const expected = expectedOf(source);
    // Fields the file does not list map to nothing.
    const want = Object.fromEntries(USERS_TAB.columns.map((c) => [c.header, expected.fields[c.header] ?? null]));
    expect(got).toEqual({ orientation: expected.orientation, fields: want });
    expect(sheet.problems).toEqual([]);
  });
});

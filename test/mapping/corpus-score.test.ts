import { describe, expect, it } from "vitest";
import { USERS_TAB } from "../../src/domain/tabs";
import { OWN_KEYS } from "../../src/mapping/mapping";
import { corpusSources, expectedOf, mapCorpusSource } from "./corpus-cases";

/** A wrong column proposed this surely is the failure that costs most: the person trusts it and moves on. */
const SURE = 0.8;

/**
 * The mapping scored field by field over the whole corpus: every Users column a person maps (not the add-in's own
 * Status, RC Id, Synced At, Message) of every case is right when the proposal equals the expected source, a blank
 * included. The figure is printed, so that a change to the rules shows what it gained or lost.
 */
describe("the mapping's score over the import corpus", () => {
  const columns = USERS_TAB.columns.filter((c) => !OWN_KEYS.includes(c.key));
  const misses: string[] = [];
  const sureButWrong: string[] = [];
  let right = 0;
  let total = 0;
  // Right and total per Users column, so that a change shows which field it moved.
  const byField = new Map<string, { right: number; total: number }>();
  for (const source of corpusSources) {
    const { got, proposal, sheet } = mapCorpusSource(source);
    const expected = expectedOf(source);
    if (sheet.orientation !== expected.orientation) misses.push(`${source}: read ${sheet.orientation}`);
    for (const column of columns) {
      total++;
      const field = byField.get(column.header) ?? { right: 0, total: 0 };
      byField.set(column.header, field);
      field.total++;
      const want = expected.fields[column.header] ?? null;
      const have = got.fields[column.header] ?? null;
      if (want === have) {
        right++;
        field.right++;
        continue;
      }
      misses.push(`${source}: ${column.header} ← ${JSON.stringify(have)}, expected ${JSON.stringify(want)}`);
      if (have !== null && proposal[column.key].confidence >= SURE) sureButWrong.push(misses.at(-1) as string);
    }
  }

  it("prints the figure and maps nearly every field right", () => {
    const share = right / total;
    console.log(
      `Import mapping score: ${right} of ${total} fields right (${(share * 100).toFixed(1)}%) over ${corpusSources.length} sources.` +
        `\n  by field: ${[...byField].map(([header, f]) => `${header} ${f.right}/${f.total}`).join(", ")}` +
        (misses.length ? `\n  ${misses.join("\n  ")}` : ""),
    );
    expect(share).toBeGreaterThanOrEqual(0.98);
  });

  it("never maps a wrong column with high confidence", () => {
    expect(sureButWrong).toEqual([]);
  });
});

import type { ImportProblem } from "../mapping/problem";
import type { ColumnValues } from "../mapping/value-mapping";
import { valueChoices } from "../workbook/import-run";
import { chosenSource, ImportInput } from "./import-source";
import { serverFunction } from "./server-function";

export type { ColumnValues, ValueProposal } from "../mapping/value-mapping";

/** How many distinct values of one column the wizard lists; the others keep their proposals. */
export const VALUES_SHOWN = 200;

export interface ImportValueChoices {
  /** Each value column the mapping feeds: its distinct values, counts and proposals (a remembered choice first). */
  columns: (ColumnValues & { more: number })[];
  /** How many values have no proposal: the step says so, and the preview warns of each column. */
  needChoice: number;
  /**
   * Whether the step has something to look at: a value without a proposal, or one proposed from a guess (a plan
   * name, an abbreviation, a typo, a new site). Values all on their lists as written or by a known name skip it.
   */
  review: boolean;
  problems: ImportProblem[];
}

/**
 * Import, the values step (after the columns, before the preview): the distinct values of every mapped column whose
 * values come from a list, with what each is proposed to become. Writes nothing.
 */
export const proposeImportValues = serverFunction(ImportInput, (home, input): ImportValueChoices => {
  const chosen = chosenSource(home, input);
  if ("problems" in chosen) return { columns: [], needChoice: 0, review: true, problems: chosen.problems };
  const columns = valueChoices(home.workbook, chosen.sheet, chosen.mapping, chosen.values, chosen.valueMapping);
  const needChoice = columns.reduce((n, c) => n + c.values.filter((v) => v.target === null).length, 0);
  const review = columns.some((c) => c.values.some((v) => !v.sure));
  return {
    columns: columns.map((c) => ({
      ...c,
      values: c.values.slice(0, VALUES_SHOWN),
      more: Math.max(0, c.values.length - VALUES_SHOWN),
    })),
    needChoice,
    review,
    problems: [],
  };
});

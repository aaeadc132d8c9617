import type { ImportProblem } from "../mapping/problem";
import { applyImport as apply, planImport } from "../workbook/import-run";
import { chosenSource, ImportInput } from "./import-source";
import { serverFunction } from "./server-function";
import { ensureTabAccess } from "./tab-access";
import { reapplyFilter } from "./tag-filter";

export interface ImportResult {
  applied: boolean;
  counts: { added: number; merged: number; unchanged: number };
  problems: ImportProblem[];
}

/**
 * Import, step 3: plans again from the same input (the sheet may have changed since the preview) and writes the
 * rows in blocks, unless the source or the mapping has an error; the mapping is remembered for these headers.
 */
export const applyImport = serverFunction(ImportInput, (home, input): ImportResult => {
  ensureTabAccess(home);
  const chosen = chosenSource(home, input);
  if ("problems" in chosen) return { applied: false, counts: { added: 0, merged: 0, unchanged: 0 }, problems: chosen.problems };
  const planned = planImport(home.workbook, chosen.sheet, chosen.mapping, chosen.values, chosen.valueMapping);
  const applied = apply(home.workbook, planned, new Date().toISOString());
  // Rows added below a filter left on: shown only if they carry its tag.
  if (applied) reapplyFilter(home);
  return { applied, counts: planned.preview.counts, problems: planned.preview.problems };
});

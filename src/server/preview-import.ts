import { type ImportPreview, planImport } from "../workbook/import-run";
import { countsOf, FINDINGS_SHOWN, type FindingGroupView, groupViews } from "./finding-views";
import { chosenSource, ImportInput } from "./import-source";
import { serverFunction } from "./server-function";

export type ImportPreviewView = ImportPreview & {
  truncated: boolean;
  /** The findings alike, grouped (members are indexes into `findings`). */
  groups: FindingGroupView[];
  /** Every finding counted, also those past the ones sent. */
  findingCounts: ReturnType<typeof countsOf>;
};

/** Import, step 2: what the import would add and merge, and the validation of the imported rows. Writes nothing. */
export const previewImport = serverFunction(ImportInput, (home, input): ImportPreviewView => {
  const chosen = chosenSource(home, input);
  if ("problems" in chosen)
    return {
      counts: { added: 0, merged: 0, unchanged: 0 },
      findings: [],
      problems: chosen.problems,
      canApply: false,
      valuesForAll: {},
      newSites: [],
      truncated: false,
      groups: [],
      findingCounts: countsOf([]),
    };
  const { preview } = planImport(home.workbook, chosen.sheet, chosen.mapping, chosen.values, chosen.valueMapping);
  return {
    ...preview,
    findings: preview.findings.slice(0, FINDINGS_SHOWN),
    truncated: preview.findings.length > FINDINGS_SHOWN,
    groups: groupViews(preview.findings),
    findingCounts: countsOf(preview.findings),
  };
});

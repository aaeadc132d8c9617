import { type ImportPreview, planImport } from "../workbook/import-run";
import { chosenSource, ImportInput } from "./import-source";
import { serverFunction } from "./server-function";
import { FINDINGS_SHOWN } from "./validate";

export type ImportPreviewView = ImportPreview & { truncated: boolean };

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
    };
  const { preview } = planImport(home.workbook, chosen.sheet, chosen.mapping, chosen.values, chosen.valueMapping);
  return { ...preview, findings: preview.findings.slice(0, FINDINGS_SHOWN), truncated: preview.findings.length > FINDINGS_SHOWN };
});

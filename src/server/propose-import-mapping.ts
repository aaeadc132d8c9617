import { z } from "zod";
import { USERS_TAB } from "../domain/tabs";
import { mappingByHeader } from "../mapping/mapping";
import type { ImportProblem } from "../mapping/problem";
import type { FieldProposal } from "../mapping/proposal";
import type { Orientation as SheetOrientation } from "../mapping/source-sheet";
import { ONE_VALUE_HEADERS } from "../mapping/values-for-all";
import { mapSource } from "../workbook/import-run";
import { ImportSource, Orientation, sourceTable } from "./import-source";
import { serverFunction } from "./server-function";

/** How many source records the wizard shows beside the mapping. */
const SAMPLE = 5;

export interface ImportMappingProposal {
  orientation: SheetOrientation;
  /** The source's field names, for the wizard's dropdowns. */
  headers: string[];
  records: number;
  /** The first few records, values in header order. */
  sample: string[][];
  /** Every Users column header → the proposal (source field, confidence, reason). */
  proposal: Record<string, FieldProposal>;
  /** Every Users column header → the source field to use: remembered for these headers, else proposed. */
  fields: Record<string, string | null>;
  remembered: boolean;
  problems: ImportProblem[];
  /** The Users columns marked * : new rows are imported only once each has a source. */
  required: string[];
  /** The Users columns that may be given one value for all rows instead of a source field. */
  oneValue: readonly string[];
}

const REQUIRED = USERS_TAB.columns.filter((c) => c.required).map((c) => c.header);

/** Import, step 1: reads a pasted/uploaded CSV or another tab and proposes (or recalls) the mapping. */
export const proposeImportMapping = serverFunction(
  z.object({ source: ImportSource, orientation: Orientation }),
  (home, input): ImportMappingProposal => {
    const read = sourceTable(home, input.source);
    if ("problem" in read)
      return {
        orientation: "horizontal",
        headers: [],
        records: 0,
        sample: [],
        proposal: {},
        fields: {},
        remembered: false,
        problems: [read.problem],
        required: REQUIRED,
        oneValue: ONE_VALUE_HEADERS,
      };
    const mapped = mapSource(read.table, input.orientation, home.workbook);
    const proposal = Object.fromEntries(USERS_TAB.columns.map((c) => [c.header, mapped.proposal[c.key]]));
    return {
      orientation: mapped.sheet.orientation,
      headers: mapped.sheet.headers,
      records: mapped.sheet.records.length,
      sample: mapped.sheet.records.slice(0, SAMPLE).map((r) => r.cells),
      proposal,
      fields: mappingByHeader(mapped.sheet.orientation, mapped.mapping).fields,
      remembered: mapped.remembered,
      problems: mapped.sheet.problems,
      required: REQUIRED,
      oneValue: ONE_VALUE_HEADERS,
    };
  },
);

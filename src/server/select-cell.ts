import { z } from "zod";
import { serverFunction } from "./server-function";

/** Moves the cursor to a cell, as a finding in the sidebar names it. */
export const selectCell = serverFunction(
  z.object({ sheet: z.string().min(1), row: z.number().int().min(1), column: z.number().int().min(1) }),
  (home, input): { selected: boolean } => {
    if (!home.workbook.sheets().some((s) => s.name === input.sheet)) return { selected: false };
    home.selection.select(input.sheet, input.row, input.column);
    return { selected: true };
  },
);

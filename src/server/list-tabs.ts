import { z } from "zod";
import { MAX_SHEET_CELLS, MAX_SOURCE_BYTES, MAX_WORKBOOK_INFLATED_BYTES, MAX_WORKBOOK_STORED_CELLS } from "../mapping/limits";
import { locateTabs } from "../workbook/tab-location";
import { openSpreadsheet } from "./import-source";
import { serverFunction } from "./server-function";

/** What the sidebar checks before it reads a file, so that its refusals and the CLI's are the same. */
export interface SourceLimits {
  /** A CSV or .xlsx file's size. */
  fileBytes: number;
  /** An .xlsx's parts together, inflated. */
  inflatedBytes: number;
  /** A sheet's rectangle from A1 to its farthest value. */
  sheetCells: number;
  /** Cells and rows an .xlsx's sheets store, with the cells their merges and data validations cover. */
  storedCells: number;
}

/** The spreadsheet's tabs that are not the add-in's own (where an import can read from), and the file limits. */
export const listSourceTabs = serverFunction(z.object({}).default({}), (home): { sheets: string[]; limits: SourceLimits } => {
  const ours = new Set(locateTabs(home.workbook).values());
  return {
    sheets: home.workbook
      .sheets()
      .map((s) => s.name)
      .filter((name) => !ours.has(name)),
    limits: {
      fileBytes: MAX_SOURCE_BYTES,
      inflatedBytes: MAX_WORKBOOK_INFLATED_BYTES,
      sheetCells: MAX_SHEET_CELLS,
      storedCells: MAX_WORKBOOK_STORED_CELLS,
    },
  };
});

/** The tabs of another spreadsheet, by its link, or why the person cannot open it. */
export const listSpreadsheetTabs = serverFunction(
  z.object({ link: z.string() }),
  (home, input): { name: string; sheets: string[] } | { problem: string } => {
    const opened = openSpreadsheet(home, input.link);
    if ("refusal" in opened) return { problem: opened.refusal };
    return { name: opened.name, sheets: opened.workbook.sheets().map((s) => s.name) };
  },
);

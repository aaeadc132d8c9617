import { z } from "zod";
import { locateTabs } from "../workbook/tab-location";
import { serverFunction } from "./server-function";

/** The spreadsheet's tabs that are not the add-in's own: where an import can read from. */
export const listSourceTabs = serverFunction(z.object({}).default({}), (home): { sheets: string[] } => {
  const ours = new Set(locateTabs(home.workbook).values());
  return {
    sheets: home.workbook
      .sheets()
      .map((s) => s.name)
      .filter((name) => !ours.has(name)),
  };
});

import { z } from "zod";
import { formatCsv } from "../mapping/csv";
import { EXPORTED_TABS, exportRows } from "../workbook/export-table";
import { serverFunction } from "./server-function";

const TAB_IDS = EXPORTED_TABS.map((t) => t.id) as [string, ...string[]];

/**
 * Export: one editable tab (Users by default) for the sidebar to download, never a secret: as CSV text, or as rows
 * that the sidebar writes into an .xlsx file itself (Apps Script has no xlsx writer; the browser does).
 */
export const exportTab = serverFunction(
  z
    .object({ tab: z.enum(TAB_IDS).default("users"), format: z.enum(["csv", "xlsx"]).default("csv") })
    .default({ tab: "users", format: "csv" }),
  (home, input): { fileName: string; text: string; rows?: string[][] } => {
    const tab = EXPORTED_TABS.find((t) => t.id === input.tab) ?? (EXPORTED_TABS[0] as (typeof EXPORTED_TABS)[number]);
    const base = tab.name.toLowerCase().replace(/\s+/g, "-");
    const rows = exportRows(home.workbook, tab);
    return input.format === "xlsx"
      ? { fileName: `${base}.xlsx`, text: "", rows }
      : { fileName: `${base}.csv`, text: formatCsv(rows) };
  },
);

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
    .object({
      tab: z.enum(TAB_IDS).default("users"),
      format: z.enum(["csv", "xlsx"]).default("csv"),
      /** The tag filter on: Users exports the rows it shows. */
      tag: z.string().min(1).optional(),
    })
    .default({ tab: "users", format: "csv" }),
  (home, input): { fileName: string; sheetName: string; text: string; rows?: string[][]; count: number } => {
    const tab = EXPORTED_TABS.find((t) => t.id === input.tab) ?? (EXPORTED_TABS[0] as (typeof EXPORTED_TABS)[number]);
    const tagged = input.tag && tab.id === "users" ? input.tag : undefined;
    const base = [tab.name, tagged ?? ""]
      .filter(Boolean)
      .join("-")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-");
    const rows = exportRows(home.workbook, tab, { format: input.format, ...(tagged ? { tag: tagged } : {}) });
    const count = rows.length - 1;
    return input.format === "xlsx"
      ? { fileName: `${base}.xlsx`, sheetName: tab.name, text: "", rows, count }
      : { fileName: `${base}.csv`, sheetName: tab.name, text: formatCsv(rows), count };
  },
);

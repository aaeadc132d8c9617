import { z } from "zod";
import { formatCsv } from "../mapping/csv";
import { EXPORTED_TABS, exportRows } from "../workbook/export-table";
import { serverFunction } from "./server-function";

const TAB_IDS = EXPORTED_TABS.map((t) => t.id) as [string, ...string[]];

/** Export: one editable tab (Users by default) as CSV text for the sidebar to download; never a secret. */
export const exportTab = serverFunction(
  z.object({ tab: z.enum(TAB_IDS).default("users") }).default({ tab: "users" }),
  (home, input): { fileName: string; text: string } => {
    const tab = EXPORTED_TABS.find((t) => t.id === input.tab) ?? (EXPORTED_TABS[0] as (typeof EXPORTED_TABS)[number]);
    return { fileName: `${tab.name.toLowerCase().replace(/\s+/g, "-")}.csv`, text: formatCsv(exportRows(home.workbook, tab)) };
  },
);

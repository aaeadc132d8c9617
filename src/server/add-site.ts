import { z } from "zod";
import { blankRecord } from "../domain/records";
import { SITES_TAB } from "../domain/tabs";
import { validateWorkspace } from "../domain/validation/index";
import { encodeRows } from "../workbook/codec";
import { readImage, recordsOf } from "../workbook/table-image";
import { refreshUsersDropdowns } from "../workbook/users-dropdowns";
import { readWorkspace } from "../workbook/workspace-reader";
import { serverFunction } from "./server-function";

export type SiteAdded = { added: true; row: number; message: string } | { added: false; problem: string };

/**
 * A site the Sync list refused as unknown (Users rows name it; neither the Sites tab nor the account has it), added
 * to the Sites tab with what a new site needs: its address. The next sync creates it in the account. What
 * validation finds wrong with the new row is said, and the row stays for the person to fix.
 */
export const addSite = serverFunction(
  z.object({
    name: z.string().trim().min(1).max(64),
    country: z.string().trim().min(2),
    state: z.string().trim().min(1),
    city: z.string().trim().min(1),
    street: z.string().trim().min(1),
    postalCode: z.string().trim().min(1),
  }),
  (home, input): SiteAdded => {
    const image = readImage(home.workbook, SITES_TAB);
    if (!image) return { added: false, problem: "There is no Sites tab: run Set up workspace." };
    const sites = recordsOf(SITES_TAB, image);
    if (sites.some((s) => s.name.toLowerCase() === input.name.toLowerCase()))
      return { added: false, problem: `The Sites tab has ${input.name} already.` };
    const row = sites.reduce((last, s) => Math.max(last, s.row), 1) + 1;
    const record = { ...blankRecord(SITES_TAB), ...input, country: input.country.toUpperCase() };
    home.workbook.write(image.sheet, { row, column: 1, values: encodeRows(image.columns, image.width, [record]) });
    refreshUsersDropdowns(home.workbook);
    const problems = validateWorkspace(readWorkspace(home.workbook).workspace)
      .filter((f) => f.tab === "sites" && f.row === row && f.severity === "error")
      .map((f) => f.message);
    if (problems.length)
      return { added: false, problem: `Added ${input.name} on Sites row ${row}, but fix it there first: ${problems.join(" ")}` };
    return { added: true, row, message: `Added ${input.name} on Sites row ${row}: the next sync creates it in the account.` };
  },
);

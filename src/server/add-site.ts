import { z } from "zod";
import { blankRecord } from "../domain/records";
import { SITES_TAB } from "../domain/tabs";
import { validateWorkspace } from "../domain/validation/index";
import { encodeRows } from "../workbook/codec";
import { readImage, recordsOf } from "../workbook/table-image";
import { refreshUsersDropdowns } from "../workbook/users-dropdowns";
import { readWorkspace } from "../workbook/workspace-reader";
import type { Home } from "./home";
import { serverFunction } from "./server-function";

export type SiteAdded = { added: true; row: number; message: string } | { added: false; problem: string };

/**
 * A site the Sync list refused as unknown (Users rows name it; neither the Sites tab nor the account has it), added
 * to the Sites tab with what a new site needs: its address. A Sites row of that name never synced (an import leaves
 * a new office's name alone there) is completed instead. The next sync creates it in the account. What validation
 * finds wrong with the row is said, and the row stays for the person to fix.
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
    const same = sites.find((s) => s.name.toLowerCase() === input.name.toLowerCase());
    if (same && !(same.name === input.name && !same.rcId && rowErrors(home, same.row).length))
      return { added: false, problem: `The Sites tab has ${input.name} already.` };
    const row = same?.row ?? sites.reduce((last, s) => Math.max(last, s.row), 1) + 1;
    const record = { ...(same ?? blankRecord(SITES_TAB)), ...input, country: input.country.toUpperCase() };
    home.workbook.write(image.sheet, { row, column: 1, values: encodeRows(image.columns, image.width, [record]) });
    refreshUsersDropdowns(home.workbook);
    const problems = rowErrors(home, row);
    if (problems.length)
      return { added: false, problem: `Added ${input.name} on Sites row ${row}, but fix it there first: ${problems.join(" ")}` };
    const done = same ? `Completed ${input.name}'s address` : `Added ${input.name}`;
    return { added: true, row, message: `${done} on Sites row ${row}: the next sync creates it in the account.` };
  },
);

/** What validation finds wrong with a Sites row, as messages. */
function rowErrors(home: Home, row: number): string[] {
  return validateWorkspace(readWorkspace(home.workbook).workspace)
    .filter((f) => f.tab === "sites" && f.row === row && f.severity === "error")
    .map((f) => f.message);
}

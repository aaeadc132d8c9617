import type { Finding } from "../domain/finding";
import { MAIN_SITE, type Workspace } from "../domain/workspace";

/** Sites tab rows with an error, by row: such a site is never created. */
export function siteErrors(findings: readonly Finding[]): Map<number, string[]> {
  const byRow = new Map<number, string[]>();
  for (const f of findings)
    if (f.tab === "sites" && f.severity === "error") byRow.set(f.row, [...(byRow.get(f.row) ?? []), f.message]);
  return byRow;
}

/** The account has it (Main Site always): it syncs without being created. */
export function inAccount(workspace: Workspace, name: string): boolean {
  return name === MAIN_SITE || workspace.account.sites.some((s) => s.name === name);
}

/**
 * Why a site cannot be synced, or null: one rule for the plan (which blocks the site's rows with it) and the Sync
 * panel's list (which shows the site disabled, with it). A site the account lacks is created from its Sites row,
 * unless there is no row, its RC Id says it is gone from the account, or the row fails validation (`errors`).
 */
export function siteRefusal(workspace: Workspace, name: string, errors: ReadonlyMap<number, string[]>): string | null {
  if (inAccount(workspace, name)) return null;
  const site = workspace.sites.find((s) => s.name === name);
  if (!site) return `Site ${name} is neither on the Sites tab nor in the account.`;
  if (site.rcId)
    return `Site ${name} (RC Id ${site.rcId}) is gone from the account: refresh, then clear its RC Id to create it again.`;
  const problems = errors.get(site.row);
  return problems ? `Site ${name} cannot be created until row ${site.row} of Sites is fixed: ${problems.join(" ")}` : null;
}

import { z } from "zod";
import { validateWorkspace } from "../domain/validation/index";
import { carriesTag } from "../domain/validation/references";
import { MAIN_SITE } from "../domain/workspace";
import { inAccount, siteErrors, siteRefusal } from "../sync/site-refusal";
import { readWorkspace } from "../workbook/workspace-reader";
import { serverFunction } from "./server-function";

export interface SiteChoice {
  name: string;
  /** Where the site is known from: a row of the Sites tab (maybe not in the account yet), the account, or both. */
  from: "sheet" | "account" | "both";
  users: number;
  /** Why the site cannot be synced (validation says it does not exist, or its Sites row fails): offered disabled. */
  refusal?: string;
  /** Only Users rows name it: neither the Sites tab nor the account has it, so it can be added to Sites (addSite). */
  unknown?: boolean;
  /**
   * Its Sites row (never synced) fails validation, as an import leaves a new office (the name alone): its address
   * can be given in place (addSite completes the row).
   */
  incomplete?: boolean;
}

export interface RoleChoice {
  name: string;
  kind: string;
  status: string;
  synced: boolean;
  /** Users rows that have this role. */
  users: number;
}

export interface TagChoice {
  row: number;
  key: string;
  value: string;
  color: string;
  users: number;
}

export interface WorkspaceChoices {
  sites: SiteChoice[];
  roles: RoleChoice[];
  tags: TagChoice[];
  accountRefreshedAt: string;
}

/** The sites, roles and tags the sidebar offers, from the workspace and the account tabs, read once. */
export const workspaceChoices = serverFunction(z.object({}).default({}), (home): WorkspaceChoices => {
  const { workspace } = readWorkspace(home.workbook);
  const count = (test: (u: (typeof workspace.users)[number]) => boolean) => workspace.users.filter(test).length;
  const sheetSites = new Set(workspace.sites.map((s) => s.name).filter(Boolean));
  const accountSites = new Set([MAIN_SITE, ...workspace.account.sites.map((s) => s.name).filter(Boolean)]);
  const names = [...new Set([...accountSites, ...sheetSites, ...workspace.users.map((u) => u.site).filter(Boolean)])];
  // The plan's own rule; validation runs only when a Sites row waits to be created (the account's sites need none).
  const errors = names.some((n) => sheetSites.has(n) && !inAccount(workspace, n))
    ? siteErrors(validateWorkspace(workspace))
    : new Map<number, string[]>();
  return {
    sites: names.map((name) => {
      const refusal = siteRefusal(workspace, name, errors);
      const row = workspace.sites.find((s) => s.name === name);
      const incomplete = Boolean(refusal && row && !row.rcId && errors.has(row.row));
      return {
        name,
        from: sheetSites.has(name) && accountSites.has(name) ? "both" : accountSites.has(name) ? "account" : "sheet",
        users: count((u) => u.site === name),
        ...(refusal ? { refusal } : {}),
        ...(!sheetSites.has(name) && !accountSites.has(name) ? { unknown: true } : {}),
        ...(incomplete ? { incomplete } : {}),
      };
    }),
    roles: workspace.roles
      .filter((r) => r.name)
      .map((r) => ({
        name: r.name,
        kind: r.kind,
        status: r.status,
        synced: Boolean(r.rcId),
        users: count((u) => u.role === r.name),
      })),
    tags: workspace.tags.map((t) => ({
      row: t.row,
      key: t.key,
      value: t.value,
      color: t.color,
      users: count((u) => carriesTag(u.tags, `${t.key}:${t.value}`)),
    })),
    accountRefreshedAt: workspace.settings.accountRefreshedAt,
  };
});

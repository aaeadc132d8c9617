import { byPlace, type Finding } from "../finding";
import type { Workspace } from "../workspace";
import { capacityFindings } from "./capacity";
import { fieldFindings, locationFieldRules, roleFieldRules, siteFieldRules, tagFieldRules, userFieldRules } from "./field-rules";
import { referenceFindings } from "./references";
import { tabRuleFindings } from "./tab-rules";
import { uniquenessFindings } from "./uniqueness";
import { userRowFindings } from "./user-rows";

/** Every validation rule of DOMAIN.md over a whole workspace, in sheet order. Pure: no I/O, no clock. */
export function validateWorkspace(workspace: Workspace): Finding[] {
  const siteCountry = new Map<string, string>();
  for (const site of [...workspace.account.sites, ...workspace.sites])
    if (site.country) siteCountry.set(site.name, site.country.toUpperCase());
  const context = {
    settings: workspace.settings,
    siteCountry,
    accountUsers: new Map(workspace.account.users.map((u) => [u.rcId, u])),
  };
  const findings: Finding[] = [];
  for (const user of workspace.users) {
    findings.push(...fieldFindings("users", user, userFieldRules));
    findings.push(...userRowFindings(user, context));
  }
  for (const site of workspace.sites) findings.push(...fieldFindings("sites", site, siteFieldRules));
  for (const role of workspace.roles.filter((r) => r.kind !== "Predefined" || !r.rcId))
    findings.push(...fieldFindings("roles", role, roleFieldRules));
  for (const tag of workspace.tags) findings.push(...fieldFindings("tags", tag, tagFieldRules));
  for (const location of workspace.locations) findings.push(...fieldFindings("locations", location, locationFieldRules));
  findings.push(
    ...uniquenessFindings(workspace),
    ...referenceFindings(workspace),
    ...tabRuleFindings(workspace),
    ...capacityFindings(workspace),
  );
  return findings.sort(byPlace);
}

import { type Finding, findingsOf } from "../finding";
import type { Workspace } from "../workspace";
import { MAIN_SITE } from "../workspace";

/**
 * Site, Role and Tags of each Users row name things that exist. A site is looked for in the account too, so until the
 * account has been read a site not on the Sites tab is not called unknown (capacity's note says the account checks
 * wait for a refresh): a customer's offices are often sites the account already has.
 */
export function referenceFindings(workspace: Workspace): Finding[] {
  const accountRead = Boolean(workspace.settings.accountRefreshedAt);
  const sites = new Set([MAIN_SITE, ...workspace.sites.map((s) => s.name), ...workspace.account.sites.map((s) => s.name)]);
  const roles = new Set(workspace.roles.map((r) => r.name));
  const tags = new Set(workspace.tags.map((t) => `${t.key}:${t.value}`));
  const findings: Finding[] = [];
  for (const user of workspace.users) {
    const at = findingsOf("users", user.row);
    if (user.site && !sites.has(user.site) && accountRead)
      findings.push(
        at(
          "Site",
          "users.site.exists",
          `Site "${user.site}" is not on the Sites tab nor in the account.${caseHint(user.site, sites)}`,
        ),
      );
    if (user.role && !roles.has(user.role))
      findings.push(at("Role", "users.role.exists", `Role "${user.role}" is not on the Roles tab.${caseHint(user.role, roles)}`));
    for (const tag of userTags(user.tags)) {
      if (!tag.includes(":")) findings.push(at("Tags", "users.tags.form", `Tag "${tag}" is not a Key:Value pair.`));
      else if (!tags.has(tag))
        findings.push(
          at("Tags", "users.tags.exists", `Tag "${tag}" is not on the Tags tab (tags are case-sensitive).${caseHint(tag, tags)}`),
        );
    }
  }
  return findings;
}

/** The tags of a Users row's Tags cell: `;`-separated Key:Value pairs. */
export function userTags(cell: string): string[] {
  return cell
    .split(";")
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => t.replace(/\s*:\s*/, ":"));
}

/** Whether a Users row's Tags cell carries `tag` (Key:Value): the one rule of every tag filter and tag scope. */
export function carriesTag(cell: string, tag: string): boolean {
  return userTags(cell).includes(tag);
}

function caseHint(value: string, known: ReadonlySet<string>): string {
  const lower = value.toLowerCase();
  const near = [...known].find((k) => k.toLowerCase() === lower);
  return near ? ` Did you mean "${near}"?` : "";
}

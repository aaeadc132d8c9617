import { type Finding, findingsOf } from "../finding";
import { nearValue } from "../near-value";
import type { Workspace } from "../workspace";
import { MAIN_SITE } from "../workspace";

/**
 * Site, Role and Tags of each Users row name things that exist. A site is looked for in the account too, so until the
 * account has been read a site not on the Sites tab is not called unknown (capacity's note says the account checks
 * wait for a refresh): a customer's offices are often sites the account already has. Each finding names the value
 * it is about (rows alike group together) and, when the value differs from a known one only in capitals or spacing,
 * offers it.
 */
export function referenceFindings(workspace: Workspace): Finding[] {
  const accountRead = Boolean(workspace.settings.accountRefreshedAt);
  const sites = new Set([MAIN_SITE, ...workspace.sites.map((s) => s.name), ...workspace.account.sites.map((s) => s.name)]);
  const roles = new Set(workspace.roles.map((r) => r.name));
  const tags = new Set(workspace.tags.map((t) => `${t.key}:${t.value}`));
  const findings: Finding[] = [];
  // Each distinct Tags cell read once: a sheet's rows repeat a few cells ("Dept:Sales"), and splitting every row's
  // cell anew made five arrays a row.
  const cellTags = new Map<string, string[]>();
  for (const user of workspace.users) {
    const at = findingsOf("users", user.row);
    if (user.site && !sites.has(user.site) && accountRead) {
      const near = nearValue(user.site, sites);
      const message = `Site "${user.site}" is not on the Sites tab nor in the account.${hint(near)}`;
      findings.push(about(at("Site", "users.site.exists", message), user.site, near));
    }
    if (user.role && !roles.has(user.role)) {
      const near = nearValue(user.role, roles);
      findings.push(
        about(at("Role", "users.role.exists", `Role "${user.role}" is not on the Roles tab.${hint(near)}`), user.role, near),
      );
    }
    let rowTags = cellTags.get(user.tags);
    if (!rowTags) {
      rowTags = userTags(user.tags);
      cellTags.set(user.tags, rowTags);
    }
    for (const tag of rowTags) {
      if (!tag.includes(":"))
        findings.push(about(at("Tags", "users.tags.form", `Tag "${tag}" is not a Key:Value pair.`), tag, null));
      else if (!tags.has(tag)) {
        const near = nearValue(tag, tags);
        const message = `Tag "${tag}" is not on the Tags tab (tags are case-sensitive).${hint(near)}`;
        // The fix is the whole Tags cell, with this one tag spelt as the Tags tab spells it.
        const cell = near
          ? userTags(user.tags)
              .map((t) => (t === tag ? near : t))
              .join("; ")
          : null;
        findings.push(about(at("Tags", "users.tags.exists", message), tag, cell));
      }
    }
  }
  return findings;
}

function about(finding: Finding, value: string, fixed: string | null): Finding {
  return fixed === null ? { ...finding, value } : { ...finding, value, fix: { column: finding.column, value: fixed } };
}

function hint(near: string | null): string {
  return near ? ` Did you mean "${near}"?` : "";
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

import { type Finding, findingsOf } from "../finding";
import type { Workspace } from "../workspace";

/** At most this many tags in a workspace (the product's limit). */
export const MAX_TAGS = 20;

/** Rules across the rows of the Sites, Roles, Tags and Locations tabs. */
export function tabRuleFindings(workspace: Workspace): Finding[] {
  return [...siteFindings(workspace), ...roleFindings(workspace), ...tagFindings(workspace), ...locationFindings(workspace)];
}

function siteFindings(workspace: Workspace): Finding[] {
  const findings: Finding[] = [];
  const accountByName = new Map(workspace.account.sites.map((s) => [s.name.toLowerCase(), s]));
  for (const [site, first] of repeats(workspace.sites, (s) => s.name.toLowerCase()))
    findings.push(
      findingsOf("sites", site.row)(
        "Name",
        "sites.unique.name",
        `Site "${site.name}" is also on row ${first.row}: names are unique.`,
      ),
    );
  for (const site of workspace.sites) {
    const existing = accountByName.get(site.name.toLowerCase());
    if (existing && existing.rcId !== site.rcId)
      findings.push(
        findingsOf("sites", site.row)(
          "Name",
          "sites.account",
          `The account already has a site named "${existing.name}" (RC Id ${existing.rcId}): the sync will use it rather than create one.`,
          "warning",
        ),
      );
  }
  return findings;
}

function roleFindings(workspace: Workspace): Finding[] {
  const findings: Finding[] = [];
  const predefined = new Set(workspace.roles.filter((r) => r.kind === "Predefined").map((r) => r.name));
  for (const [role, first] of repeats(workspace.roles, (r) => r.name.toLowerCase()))
    findings.push(
      findingsOf("roles", role.row)(
        "Role Name",
        "roles.unique",
        `Role "${role.name}" is also on row ${first.row}: names are unique.`,
      ),
    );
  for (const role of workspace.roles) {
    const at = findingsOf("roles", role.row);
    if (role.kind === "Predefined" && !role.rcId)
      findings.push(
        at("Kind", "roles.predefined", "Predefined roles come from the account: set Kind to Custom, or refresh the account."),
      );
    // A role the account already has (it has an RC Id) is its own base: its Permissions edit what it holds now.
    if (role.kind === "Custom" && !role.basedOn && !role.rcId)
      findings.push(
        at("Based On", "roles.basedOn.required", "A custom role is based on a predefined role: name one in Based On."),
      );
    else if (role.kind === "Custom" && role.basedOn && !predefined.has(role.basedOn))
      findings.push(at("Based On", "roles.basedOn.exists", `Based On "${role.basedOn}" is not a predefined role on this tab.`));
  }
  return findings;
}

function tagFindings(workspace: Workspace): Finding[] {
  const findings: Finding[] = [];
  for (const [tag, first] of repeats(workspace.tags, (t) => `${t.key}:${t.value}`))
    findings.push(findingsOf("tags", tag.row)("Key", "tags.unique", `Tag ${tag.key}:${tag.value} is also on row ${first.row}.`));
  for (const tag of workspace.tags.slice(MAX_TAGS))
    findings.push(
      findingsOf("tags", tag.row)("Key", "tags.limit", `A workspace has at most ${MAX_TAGS} tags: remove this one or another.`),
    );
  return findings;
}

function locationFindings(workspace: Workspace): Finding[] {
  const findings: Finding[] = [];
  const emails = new Set(workspace.users.map((u) => u.email.toLowerCase()));
  for (const [location, first] of repeats(workspace.locations, (l) => l.email.toLowerCase()))
    findings.push(
      findingsOf("locations", location.row)(
        "Email",
        "locations.unique",
        `Email ${location.email} has a location on row ${first.row} already.`,
      ),
    );
  for (const location of workspace.locations)
    if (location.email && !emails.has(location.email.toLowerCase()))
      findings.push(
        findingsOf("locations", location.row)(
          "Email",
          "locations.user",
          `No user on the Users tab has the email ${location.email}.`,
          "warning",
        ),
      );
  return findings;
}

/** Each row whose key an earlier row already has, with that earlier row. Blank keys are not compared. */
function repeats<T>(rows: readonly T[], key: (row: T) => string): [T, T][] {
  const seen = new Map<string, T>();
  const found: [T, T][] = [];
  for (const row of rows) {
    const k = key(row);
    if (!k || k === ":") continue;
    const first = seen.get(k);
    if (first) found.push([row, first]);
    else seen.set(k, row);
  }
  return found;
}

import type { Finding } from "../finding";
import { personName } from "../row-names";
import type { Workspace } from "../workspace";

type Named = Parameters<typeof personName>[0];

/**
 * One holder of a value: a Users or Sites row, or the account's user or site. Where it is ("Users row 12, Ann Lee",
 * "account user Ann Lee (RC Id 123)") is written only for a holder a finding names (`whereOf`): most values are held
 * once, and naming 10,000 rows costs more than all the comparing. A row tells itself from the others by identity.
 */
type Holder = { rcId: string } & (
  | { kind: "users"; row: number; person: Named }
  | { kind: "sites"; row: number; name: string }
  | { kind: "account user"; person: Named }
  | { kind: "account site"; name: string }
);

/**
 * Email and Ext are unique across the workspace's users and sites and the account's users and sites. A synced
 * row may match the account record that is itself (same RC Id).
 */
export function uniquenessFindings(workspace: Workspace): Finding[] {
  const emails = new Map<string, Holder[]>();
  const exts = new Map<string, Holder[]>();
  const add = (map: Map<string, Holder[]>, value: string, holder: Holder) => {
    if (!value) return;
    const list = map.get(value);
    if (list) list.push(holder);
    else map.set(value, [holder]);
  };
  const users = workspace.users.map((user) => {
    const holder: Holder = { kind: "users", row: user.row, person: user, rcId: user.rcId };
    const email = user.email.toLowerCase();
    add(emails, email, holder);
    add(exts, user.ext, holder);
    return { user, email, holder };
  });
  const sites = workspace.sites.map((site) => {
    const holder: Holder = { kind: "sites", row: site.row, name: site.name, rcId: site.rcId };
    add(exts, site.ext, holder);
    return { site, holder };
  });
  for (const user of workspace.account.users) {
    const holder: Holder = { kind: "account user", person: user, rcId: user.rcId };
    add(emails, user.email.toLowerCase(), holder);
    add(exts, user.ext, holder);
  }
  for (const site of workspace.account.sites) add(exts, site.ext, { kind: "account site", name: site.name, rcId: site.rcId });

  const findings: Finding[] = [];
  for (const { user, email, holder } of users) {
    const emailClash = user.email ? clash(emails.get(email), holder) : [];
    if (emailClash.length) findings.push(duplicate("users", user.row, "Email", user.email, emailClash));
    const extClash = user.ext ? clash(exts.get(user.ext), holder) : [];
    if (extClash.length) findings.push(duplicate("users", user.row, "Ext", user.ext, extClash));
  }
  for (const { site, holder } of sites) {
    const extClash = site.ext ? clash(exts.get(site.ext), holder) : [];
    if (extClash.length) findings.push(duplicate("sites", site.row, "Ext", site.ext, extClash));
  }
  return findings;
}

/** The other holders of a row's value, but the account's record of the row itself (same RC Id). */
function clash(holders: Holder[] | undefined, self: Holder): Holder[] {
  // Most values are held once, by the row itself: nothing to compare.
  if (!holders || holders.length < 2) return [];
  return holders.filter((h) => h !== self && !(self.rcId && h.rcId === self.rcId));
}

/** One finding per row that shares a value; rows sharing the same value group together (the finding names it). */
function duplicate(tab: "users" | "sites", row: number, column: string, value: string, others: Holder[]): Finding {
  const more = others.length > 3 ? ` and ${others.length - 3} more` : "";
  return {
    tab,
    row,
    column,
    severity: "error",
    rule: `${tab}.unique.${column.toLowerCase()}`,
    message: `${column} ${value} is also used by ${others.slice(0, 3).map(whereOf).join("; ")}${more}: each must be unique.`,
    value,
  };
}

function whereOf(holder: Holder): string {
  switch (holder.kind) {
    case "users":
      return `Users row ${holder.row}, ${personName(holder.person)}`;
    case "sites":
      return `Sites row ${holder.row}, ${holder.name}`;
    case "account user":
      return `account user ${personName(holder.person)} (RC Id ${holder.rcId})`;
    case "account site":
      return `account site ${holder.name} (RC Id ${holder.rcId})`;
  }
}

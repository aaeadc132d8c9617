import type { Finding } from "../finding";
import type { Workspace } from "../workspace";

interface Holder {
  /** Where it is, as a person reads it: "row 12", "account user Ann Lee (RC Id 123)". */
  where: string;
  rcId: string;
}

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
  for (const user of workspace.users) {
    add(emails, user.email.toLowerCase(), { where: `Users row ${user.row}`, rcId: user.rcId });
    add(exts, user.ext, { where: `Users row ${user.row}`, rcId: user.rcId });
  }
  for (const site of workspace.sites)
    add(exts, site.ext, { where: `site ${site.name} (Sites row ${site.row})`, rcId: site.rcId });
  for (const user of workspace.account.users) {
    const where = `account user ${[user.firstName, user.lastName].join(" ").trim() || user.email} (RC Id ${user.rcId})`;
    add(emails, user.email.toLowerCase(), { where, rcId: user.rcId });
    add(exts, user.ext, { where, rcId: user.rcId });
  }
  for (const site of workspace.account.sites)
    add(exts, site.ext, { where: `account site ${site.name} (RC Id ${site.rcId})`, rcId: site.rcId });

  const findings: Finding[] = [];
  for (const user of workspace.users) {
    const self = `Users row ${user.row}`;
    // Most values are held once, by the row itself: nothing to compare.
    const clash = (holders: Holder[] | undefined) =>
      !holders || holders.length < 2 ? [] : holders.filter((h) => h.where !== self && !(user.rcId && h.rcId === user.rcId));
    const emailClash = clash(emails.get(user.email.toLowerCase()));
    if (user.email && emailClash.length) findings.push(duplicate("users", user.row, "Email", `Email ${user.email}`, emailClash));
    const extClash = clash(exts.get(user.ext));
    if (user.ext && extClash.length) findings.push(duplicate("users", user.row, "Ext", `Ext ${user.ext}`, extClash));
  }
  for (const site of workspace.sites) {
    const self = `site ${site.name} (Sites row ${site.row})`;
    const extClash = (exts.get(site.ext) ?? []).filter((h) => h.where !== self && !(site.rcId && h.rcId === site.rcId));
    if (site.ext && extClash.length) findings.push(duplicate("sites", site.row, "Ext", `Ext ${site.ext}`, extClash));
  }
  return findings;
}

function duplicate(tab: "users" | "sites", row: number, column: string, what: string, others: Holder[]): Finding {
  const more = others.length > 3 ? ` and ${others.length - 3} more` : "";
  return {
    tab,
    row,
    column,
    severity: "error",
    rule: `${tab}.unique.${column.toLowerCase()}`,
    message: `${what} is also used by ${others
      .slice(0, 3)
      .map((o) => o.where)
      .join(", ")}${more}: each must be unique.`,
  };
}

import { counted } from "../domain/counted";
import type { UserRecord } from "../domain/records";
import { carriesTag } from "../domain/validation/references";

/** What one sync covers: one or more sites (the unit a person syncs), narrowed to chosen rows or a tag. */
export interface SyncScope {
  sites: string[];
  /**
   * The chosen rows, by their users' emails (lower case; unique, as validation holds them): row numbers would shift
   * as rows are deleted or inserted during a run, and a later chunk would reach rows nobody chose.
   */
  emails?: string[];
  /** A Key:Value tag the rows must carry. */
  tag?: string;
}

export function inScope(user: UserRecord, scope: SyncScope): boolean {
  if (!scope.sites.includes(user.site)) return false;
  if (scope.emails && !scope.emails.includes(emailKey(user.email))) return false;
  if (scope.tag && !carriesTag(user.tags, scope.tag)) return false;
  return true;
}

/** The chosen users of these rows, as a scope names them. */
export function chosenEmails(users: readonly UserRecord[], rows: readonly number[]): string[] {
  return users.filter((u) => rows.includes(u.row) && u.email.trim()).map((u) => emailKey(u.email));
}

export function describeScope(scope: SyncScope): string {
  const chosen = scope.emails ? `, ${counted(scope.emails.length, "chosen row")}` : "";
  const tag = scope.tag ? `, tag ${scope.tag}` : "";
  return `${scope.sites.length ? scope.sites.join(", ") : "no site (the account's roles)"}${chosen}${tag}`;
}

function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

import { counted } from "../src/domain/counted";
import type { RunReport } from "../src/server/sync-functions";

/**
 * The run's counts: failures "so far" while it runs or was stopped, said plainly once it finished ("none failed").
 * Role changes follow when there were any: roles created, updated, deleted and users given another role.
 */
export function runWords(report: RunReport): string {
  const failed = report.done ? (report.failed ? `${report.failed} failed` : "none failed") : `${report.failed} failed so far`;
  const users = `${report.created} created, ${report.updated} updated, ${report.deleted} deleted, ${failed}`;
  const { created, updated, deleted } = report.roles;
  if (created + updated + deleted + report.roleChanged === 0) return users;
  const changed = `${counted(report.roleChanged, "user")} given another role`;
  return `${users}; roles ${created} created, ${updated} updated, ${deleted} deleted; ${changed}`;
}

/**
 * The users whose results a run could not write because a person deleted their rows or changed their email while it
 * ran: the first few named, all of them in the Sync Log.
 */
export function leftAloneWords(users: readonly string[]): string {
  const named = users.slice(0, 3).join(", ") + (users.length > 3 ? ", …" : "");
  return `${counted(users.length, "result")} not written: ${users.length === 1 ? "its row" : "their rows"} went or changed email while the sync ran (${named}). The Sync Log names them all.`;
}

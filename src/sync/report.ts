import { counted } from "../domain/counted";
import type { ChunkReport } from "./runner";

/** A chunk's counts added into the run's (done, remaining, blocked and stop are the latest chunk's business). */
export function addReport(total: ChunkReport, chunk: ChunkReport): void {
  for (const key of ["created", "updated", "deleted", "failed", "roleChanged"] as const) total[key] += chunk[key];
  for (const key of ["created", "updated", "deleted"] as const) total.roles[key] += chunk.roles[key];
}

/** The run's counts in words: users first, then what changed in roles (nothing said when no role changed). */
export function describeReport(report: ChunkReport): string {
  const users = `${report.created} created, ${report.updated} updated, ${report.deleted} deleted, ${report.failed} failed, ${report.blocked} blocked.`;
  const roles = describeRoleChanges(report);
  return roles ? `${users} ${roles}` : users;
}

export function describeRoleChanges(report: Pick<ChunkReport, "roles" | "roleChanged">): string {
  const { created, updated, deleted } = report.roles;
  if (created + updated + deleted + report.roleChanged === 0) return "";
  const changed = `${counted(report.roleChanged, "user")} given another role`;
  return `Roles: ${created} created, ${updated} updated, ${deleted} deleted; ${changed}.`;
}

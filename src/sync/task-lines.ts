import { assignLines, lineDemands } from "../domain/lines";
import type { UnassignedLineRecord, UserRecord } from "../domain/records";
import type { Workspace } from "../domain/workspace";
import type { UserCreate } from "./plan";

/** The unassigned line that fits `user` first, among the lines `free` allows: the plan's own rule for one row. */
export function nextLine(
  workspace: Workspace,
  user: UserRecord,
  free: (line: UnassignedLineRecord) => boolean,
): UnassignedLineRecord | undefined {
  return assignLines(lineDemands({ ...workspace, users: [user] }), workspace.account.lines.filter(free)).lines.get(user.row);
}

/**
 * Lines a bulk task of a chunk cut short may still be claiming, by their rows' emails (lower case): each line still
 * reads unassigned, and the plan may have given it to another row (a row added above, a sort). The task's row keeps
 * its line; another row on it takes the next free line that fits (when none is free it keeps it). `inUse` (line ids)
 * holds the lines the plan gives out, and gains those taken here. The run and the plan shown both do this.
 */
export function keepTasksLines(
  creates: UserCreate[],
  workspace: Workspace,
  held: ReadonlyMap<string, UnassignedLineRecord>,
  inUse: Set<string>,
): void {
  if (held.size === 0) return;
  const heldIds = new Set([...held.values()].map((l) => l.rcId));
  for (const create of creates) {
    const own = held.get(create.email.toLowerCase());
    if (!own) continue;
    // The line the plan gave this row is free again for the others.
    if (create.line) inUse.delete(create.line.rcId);
    create.line = own;
  }
  for (const line of heldIds) inUse.add(line);
  for (const create of creates) {
    if (!create.line || !heldIds.has(create.line.rcId) || held.has(create.email.toLowerCase())) continue;
    const user = workspace.users.find((u) => u.row === create.row);
    const other = user && nextLine(workspace, user, (l) => !inUse.has(l.rcId));
    if (other) {
      create.line = other;
      inUse.add(other.rcId);
    }
  }
}

import { assignLines, lineDemands } from "../domain/lines";
import type { SyncLedgerRecord, UnassignedLineRecord } from "../domain/records";
import { UNASSIGNED_LINES_TAB } from "../domain/tabs";
import { validateWorkspace } from "../domain/validation/index";
import type { Workspace } from "../domain/workspace";
import { locateTabs } from "../workbook/tab-location";
import { replaceRows } from "../workbook/table-replace";
import { adoptions } from "./adoption";
import { claimMarkOf } from "./bulk-claims";
import { planSync, type SyncPlan } from "./plan";
import { ledgerEntries, loadForSync, type SyncHome } from "./runner";
import type { SyncScope } from "./scope";

/**
 * Plan without sending: refreshes the account tabs, plans the scope, and writes into Unassigned Lines which row each
 * line is planned for, so the person sees exactly what a sync would do.
 */
export async function previewSync(home: SyncHome, scope: SyncScope): Promise<SyncPlan> {
  const now = new Date(home.clock.now()).toISOString();
  const { workspace, state, ledger } = await loadForSync(home, now);
  // Users a chunk cut short made are shown on their rows, as the next sync will write them, not as clashes.
  const adopted = adoptions(workspace, ledger);
  for (const a of adopted) {
    const user = workspace.users.find((u) => u.row === a.row);
    if (user) user.rcId = a.rcId;
  }
  const plan = planSync({
    workspace,
    findings: validateWorkspace(workspace),
    ledger: ledgerEntries(ledger),
    scope,
    adopted: adopted.filter((a) => a.from !== "onRow"),
  });
  keepTasksLines(plan, workspace, linesOfTasks(ledger, workspace.account.lines));
  const plannedFor = new Map(plan.creates.filter((c) => c.line).map((c) => [c.line?.rcId, c.email]));
  const sheet = locateTabs(home.workbook).get("unassignedLines");
  if (sheet)
    replaceRows(
      home.workbook,
      sheet,
      UNASSIGNED_LINES_TAB,
      state.lines.map((l) => ({ ...l, plannedFor: plannedFor.get(l.rcId) ?? "" })),
    );
  return plan;
}

/**
 * The lines that bulk tasks of a chunk cut short may still be claiming, by their rows' emails: still unassigned as
 * read, named by intents that carry a task's id. The run follows such a task before it plans and keeps its line for
 * its row (the row waits, or is adopted on it); the preview does the same without asking RingCentral: each line is
 * planned for its own row only, never another's.
 */
function linesOfTasks(
  ledger: readonly SyncLedgerRecord[],
  lines: readonly UnassignedLineRecord[],
): Map<string, UnassignedLineRecord> {
  const byId = new Map(lines.map((l) => [l.rcId, l]));
  const held = new Map<string, UnassignedLineRecord>();
  for (const entry of ledger) {
    const line = byId.get(entry.line);
    if (line && entry.state === "Creating" && claimMarkOf(entry.values)?.task) held.set(entry.email.toLowerCase(), line);
  }
  return held;
}

/**
 * As the run does: a row whose claim a task may be making keeps that line, and a row planned onto another's such
 * line takes the next free line that fits it (when none is free it keeps its line, as in the run). The run shows the
 * first "waiting" while the task runs; the plan shows it on its line, where the task puts it.
 */
function keepTasksLines(plan: SyncPlan, workspace: Workspace, held: ReadonlyMap<string, UnassignedLineRecord>): void {
  if (held.size === 0) return;
  const heldLines = new Set(held.values());
  for (const create of plan.creates) create.line = held.get(create.email.toLowerCase()) ?? create.line;
  const inUse = new Set(plan.creates.flatMap((c) => (c.line ? [c.line] : [])));
  for (const create of plan.creates) {
    if (!create.line || !heldLines.has(create.line) || held.get(create.email.toLowerCase()) === create.line) continue;
    const user = workspace.users.find((u) => u.row === create.row);
    const pool = workspace.account.lines.filter((l) => !inUse.has(l) && !heldLines.has(l));
    const other = user ? assignLines(lineDemands({ ...workspace, users: [user] }), pool).lines.get(user.row) : undefined;
    if (other) {
      create.line = other;
      inUse.add(other);
    }
  }
}

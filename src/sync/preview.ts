import type { SyncLedgerRecord, UnassignedLineRecord } from "../domain/records";
import { UNASSIGNED_LINES_TAB } from "../domain/tabs";
import { validateWorkspace } from "../domain/validation/index";
import { locateTabs } from "../workbook/tab-location";
import { replaceRows } from "../workbook/table-replace";
import { adoptions } from "./adoption";
import { claimMarkOf } from "./bulk-claims";
import { planSync, type SyncPlan } from "./plan";
import { ledgerEntries, loadForSync, type SyncHome } from "./runner";
import type { SyncScope } from "./scope";
import { keepTasksLines } from "./task-lines";

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
  const inUse = new Set(plan.creates.flatMap((c) => (c.line ? [c.line.rcId] : [])));
  keepTasksLines(plan.creates, workspace, linesOfTasks(ledger, workspace.account.lines), inUse);
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
 * read, named by intents that carry a task's id. The run follows such tasks first and keeps the lines of those still
 * running; the plan shown, without asking RingCentral, keeps them all (the run shows such a row "waiting" while its
 * task runs; the plan shows it on its line, where the task puts it).
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

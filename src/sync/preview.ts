import { UNASSIGNED_LINES_TAB } from "../domain/tabs";
import { validateWorkspace } from "../domain/validation/index";
import { locateTabs } from "../workbook/tab-location";
import { replaceRows } from "../workbook/table-replace";
import { adoptions } from "./adoption";
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

import { UNASSIGNED_LINES_TAB } from "../domain/tabs";
import { validateWorkspace } from "../domain/validation/index";
import { locateTabs } from "../workbook/tab-location";
import { replaceRows } from "../workbook/table-replace";
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
  const plan = planSync({ workspace, findings: validateWorkspace(workspace), ledger: ledgerEntries(ledger), scope });
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

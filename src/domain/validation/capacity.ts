import type { Finding } from "../finding";
import { assignLines, describeShortfall, lineDemands } from "../lines";
import type { Workspace } from "../workspace";

/**
 * The lines that not-yet-synced rows need against the account's unassigned extensions: one finding per shortfall,
 * and one per specific line that cannot be had. Until the account has been refreshed there is nothing to count.
 */
export function capacityFindings(workspace: Workspace): Finding[] {
  if (!workspace.settings.accountRefreshedAt)
    return [
      {
        tab: "users",
        row: 0,
        column: "",
        severity: "info",
        rule: "account.notRefreshed",
        message:
          "The account has not been read yet: sites, line capacity and uniqueness against the account are checked once it is (Sync panel › Refresh account, or connect).",
      },
    ];
  const assignment = assignLines(lineDemands(workspace), workspace.account.lines);
  const shortfalls: Finding[] = assignment.shortfalls.map((shortfall) => ({
    tab: "users",
    row: shortfall.rows[0] ?? 0,
    column: "",
    severity: "error",
    rule: "lines.capacity",
    message: `${describeShortfall(shortfall)} Rows without a line: ${listRows(shortfall.rows)}.`,
    rows: shortfall.rows,
  }));
  const refusals: Finding[] = assignment.refusals.map((refusal) => ({
    tab: "users",
    row: refusal.row,
    column: "",
    severity: "error",
    rule: "lines.specific",
    message: `${refusal.reason} (Locations tab, Unassigned Ext)`,
  }));
  return [...shortfalls, ...refusals];
}

function listRows(rows: readonly number[]): string {
  const shown = rows.slice(0, 10).join(", ");
  return rows.length > 10 ? `${shown} and ${rows.length - 10} more` : shown;
}

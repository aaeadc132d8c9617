import type { SyncLedgerRecord } from "../domain/records";
import type { Workspace } from "../domain/workspace";

/** A user a sync made whose row does not show it yet: the row takes its RC Id instead of a second user. */
export interface Adoption {
  row: number;
  email: string;
  rcId: string;
  /** The line's number, for Temp #. */
  phone: string;
  /**
   * `intent`: a create noted in the ledger and cut short (the account has its user, same Ext and Email); `ledger`:
   * recorded as made by a chunk cut short before it wrote the row. `onRow`: the row holds it already, the ledger not.
   */
  from: "intent" | "ledger" | "onRow";
}

/**
 * What chunks cut short left: every user the ledger says a sync of this document made (an intent whose user the
 * account has, or a record with its RC Id) that no row holds yet goes to the one row of its email without an RC Id.
 * Pure: the next chunk writes these rows, a preview shows them as what the next sync will do.
 */
export function adoptions(workspace: Workspace, ledger: readonly Omit<SyncLedgerRecord, "row">[]): Adoption[] {
  const rowsOf = (email: string) => workspace.users.filter((u) => u.email.trim().toLowerCase() === email);
  const onSheet = new Set(workspace.users.map((u) => u.rcId).filter(Boolean));
  const byExt = new Map(workspace.account.users.map((u) => [u.ext, u]));
  const byId = new Map(workspace.account.users.map((u) => [u.rcId, u]));
  const found: Adoption[] = [];
  for (const entry of ledger) {
    const account = entry.state === "Creating" ? byExt.get(entry.ext) : byId.get(entry.rcId);
    if (!account || account.email.toLowerCase() !== entry.email || (entry.state !== "Creating" && onSheet.has(entry.rcId)))
      continue;
    const rows = rowsOf(entry.email);
    const holding = rows.find((u) => u.rcId === account.rcId);
    const free = rows.filter((u) => !u.rcId);
    if (holding && entry.state === "Creating") found.push(adoption(holding.row, account, "onRow"));
    else if (!holding && free.length === 1)
      found.push(adoption((free[0] as { row: number }).row, account, entry.state === "Creating" ? "intent" : "ledger"));
  }
  return found;
}

function adoption(row: number, account: { email: string; rcId: string; phone: string }, from: Adoption["from"]): Adoption {
  return { row, email: account.email.toLowerCase(), rcId: account.rcId, phone: account.phone, from };
}

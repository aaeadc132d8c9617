import type { SyncLedgerRecord } from "../domain/records";
import type { AccountState } from "../domain/workspace";

/**
 * The account as one chunk of a run left it for the next: what it read (or was handed), plus what it changed itself.
 * Reading the account costs six calls and the transfer of every extension; a 1,000-user run of twenty chunks would
 * pay that twenty times for an account only the run is changing. It is kept only under what proves it current.
 */
export interface KeptAccount {
  /** The ledger as the chunk wrote it last: a ledger that reads otherwise now was written by another sync since. */
  ledger: string;
  /** When the account was read from RingCentral: what the run's chunks changed since is in `state`, no one else's. */
  readAt: number;
  state: AccountState;
  /** The account's secret questions by their text (lower case), once a chunk has read them. */
  questions: [string, string][] | null;
}

/** Where a home keeps the account between chunks: the document's cache in Apps Script, the process in the CLI. */
export interface KeptAccountStore {
  load(): KeptAccount | null;
  save(kept: KeptAccount): void;
  clear(): void;
}

/**
 * How long a run goes on from one read of the account before it reads it again: changes made in the account by
 * others meanwhile (drift) are seen at the latest this much later, and after the run's last chunk.
 */
export const KEPT_ACCOUNT_MS = 10 * 60_000;

/** The kept account, if it may stand in for a read: same ledger as the last chunk wrote, and recent. */
export function usableKept(kept: KeptAccount | null, ledger: readonly SyncLedgerRecord[], now: number): KeptAccount | null {
  if (!kept || ledger.some((entry) => entry.state === "Creating")) return null;
  if (!(now - kept.readAt >= 0 && now - kept.readAt < KEPT_ACCOUNT_MS)) return null;
  return kept.ledger === ledgerPrint(ledger) ? kept : null;
}

/**
 * A short print of the ledger's entries (rows left out: the same entries read back have the same print). FNV-1a:
 * a check that nobody else synced in between, not a defence against someone forging a ledger.
 */
export function ledgerPrint(ledger: readonly Omit<SyncLedgerRecord, "row">[]): string {
  const text = ledger
    .map((e) => [e.rcId, e.email, e.ext, e.site, e.line, e.state, e.values, e.at].map(String).join("\u0001"))
    .join("\u0002");
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${ledger.length}:${(hash >>> 0).toString(16)}`;
}

/** The store of a home that runs every chunk of a run in one process (the CLI). Copies: a chunk changes what it takes. */
export function keptInProcess(): KeptAccountStore {
  let kept: KeptAccount | null = null;
  return {
    load: () => (kept ? structuredClone(kept) : null),
    save: (next) => {
      kept = structuredClone(next);
    },
    clear: () => {
      kept = null;
    },
  };
}

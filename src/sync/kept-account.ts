import type { RoleRecord, SiteRecord, SyncLedgerRecord } from "../domain/records";
import type { AccountState } from "../domain/workspace";

/**
 * The account as one chunk of a run left it for the next: what it read (or was handed), plus what it changed itself.
 * Reading the account costs six calls and the transfer of every extension; a 1,000-user run of twenty chunks would
 * pay that twenty times for an account only the run is changing. It is kept only under what proves it current.
 */
export interface KeptAccount {
  /** The document's record of syncs (`SyncRecord`) as the chunk left it: one that prints otherwise was changed since. */
  print: string;
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

/**
 * What a sync writes in the document besides the Users rows: the ledger of users it made, and the RC Ids (and
 * statuses) of the sites and roles. Another sync between two chunks changes at least one of them.
 */
export interface SyncRecord {
  ledger: readonly Omit<SyncLedgerRecord, "row">[];
  sites: readonly Pick<SiteRecord, "name" | "rcId">[];
  roles: readonly Pick<RoleRecord, "name" | "rcId" | "status">[];
}

/** The kept account, if it may stand in for a read: the document's record as the last chunk left it, and recent. */
export function usableKept(kept: KeptAccount | null, record: SyncRecord, now: number): KeptAccount | null {
  if (!kept || record.ledger.some((entry) => entry.state === "Creating")) return null;
  if (!(now - kept.readAt >= 0 && now - kept.readAt < KEPT_ACCOUNT_MS)) return null;
  return kept.print === syncRecordPrint(record) ? kept : null;
}

/**
 * A short print of the record (rows left out: the same entries read back elsewhere print the same). FNV-1a: a check
 * that nobody else synced in between, not a defence against someone forging a ledger.
 */
export function syncRecordPrint(record: SyncRecord): string {
  const text = [
    ...record.ledger.map((e) => [e.rcId, e.email, e.ext, e.site, e.line, e.state, e.values, e.at]),
    ...record.sites.map((s) => ["site", s.name, s.rcId]),
    ...record.roles.map((r) => ["role", r.name, r.rcId, r.status]),
  ]
    .map((fields) => fields.map(String).join("\u0001"))
    .join("\u0002");
  // Math.imul taken once: a global looked up a million times is slow where globals are not plain objects (a vm context).
  const imul = Math.imul;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${record.ledger.length}:${(hash >>> 0).toString(16)}`;
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

import type { UserRecord } from "../domain/records";
import { carriesTag } from "../domain/validation/references";

/** What one sync covers: one or more sites (the unit a person syncs), narrowed to chosen rows or a tag. */
export interface SyncScope {
  sites: string[];
  /**
   * Sheet rows chosen in the sheet; all rows of the sites when absent. A chunk that removes rows answers them
   * renumbered (`ChunkReport.rows`), for the next chunk to name the same users.
   */
  rows?: number[];
  /** A Key:Value tag the rows must carry. */
  tag?: string;
}

export function inScope(user: UserRecord, scope: SyncScope): boolean {
  if (!scope.sites.includes(user.site)) return false;
  if (scope.rows && !scope.rows.includes(user.row)) return false;
  if (scope.tag && !carriesTag(user.tags, scope.tag)) return false;
  return true;
}

export function describeScope(scope: SyncScope): string {
  const rows = scope.rows ? `, rows ${scope.rows.join(", ")}` : "";
  const tag = scope.tag ? `, tag ${scope.tag}` : "";
  return `${scope.sites.join(", ")}${rows}${tag}`;
}

/** Rows as they stand once the `removed` rows have left the sheet (those below move up); removed ones are gone. */
export function rowsAfterRemoval(rows: readonly number[], removed: readonly number[]): number[] {
  const gone = new Set(removed);
  return rows.filter((row) => !gone.has(row)).map((row) => row - removed.filter((r) => r < row).length);
}

import type { ChunkReport, SyncPlan } from "../src/server/sync-functions";

/** How far a run is, in the plan's steps: what the progress bar shows. */
export interface RunProgress {
  done: number;
  total: number;
}

/**
 * The steps of a plan as progress counts them, in users as the run's words count them: each user created, updated
 * or deleted, each synced row's new credentials, and each claimed user's secret question (a call of its own after
 * the claim: on a large site those calls are most of the run's time). Sites and roles, a handful of calls at the
 * start, are not counted.
 */
export function planSteps(plan: SyncPlan): number {
  return plan.creates.length + plan.updates.length + plan.deletes.length + plan.credentials.length + plan.claims.questions;
}

/** The run after one more chunk: its steps added, the total grown if the chunk found more left than planned. */
export function progressAfter(run: RunProgress, planned: number, report: ChunkReport): RunProgress {
  const done = run.done + report.created + report.updated + report.deleted + report.failed + report.credentials;
  return { done, total: Math.max(planned, done + report.remaining) };
}

/** The bar's percent: 100 only once the run is done. */
export function percentOf(run: RunProgress, finished: boolean): number {
  if (finished) return 100;
  return run.total > 0 ? Math.min(99, Math.round((run.done / run.total) * 100)) : 0;
}

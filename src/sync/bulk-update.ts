import type ExtensionBulkUpdateTaskResource from "@rc-ex/core/definitions/ExtensionBulkUpdateTaskResource";
import type ExtensionUpdateRequest from "@rc-ex/core/definitions/ExtensionUpdateRequest";
import type { RingCentralClient } from "../ringcentral/client";
import type { Clock } from "../ringcentral/clock";

/** The platform takes at most this many records in one extension-bulk-update task. */
export const BULK_UPDATE_RECORDS = 500;
/** The first look at a task, doubled after each look that finds it running, up to the longest wait. */
const FIRST_LOOK_MS = 50;
const LONGEST_LOOK_MS = 5_000;
/** A task still running after this long is reported as not answered; the rows sync again next time. */
const GIVE_UP_MS = 600_000;

/** One extension's outcome in a task: done, or the platform's reason. */
export type RecordOutcome = { ok: true } | { ok: false; message: string };

/**
 * Updates up to 500 extensions in one Heavy call, then follows the task (Light calls, waits growing) until it is
 * Completed or Failed: each extension's outcome by its id. A record the task result does not mention failed with it.
 */
export async function updateInBulk(
  home: { client: RingCentralClient; clock: Clock },
  records: readonly (ExtensionUpdateRequest & { id: string })[],
): Promise<Map<string, RecordOutcome>> {
  let task = await home.client.call<ExtensionBulkUpdateTaskResource>("bulkUpdateExtensions", { body: { records } });
  const started = home.clock.now();
  for (let wait = FIRST_LOOK_MS; task.status === "Accepted" || task.status === "InProgress"; ) {
    if (home.clock.now() - started > GIVE_UP_MS) return allFailed(records, "The bulk update task did not finish in time.");
    await home.clock.sleep(wait);
    wait = Math.min(wait * 2, LONGEST_LOOK_MS);
    task = await home.client.call<ExtensionBulkUpdateTaskResource>("readBulkUpdateTask", { path: { taskId: String(task.id) } });
  }
  const outcomes = new Map<string, RecordOutcome>();
  for (const item of task.result?.affectedItems?.result ?? []) {
    if (!item.extensionId) continue;
    const reason = item.errors?.map((e) => e.message).join(" ") || "Refused by RingCentral.";
    outcomes.set(String(item.extensionId), item.status === "Success" ? { ok: true } : { ok: false, message: reason });
  }
  const whole = task.result?.errors?.map((e) => e.message).join(" ");
  const missing = `The bulk update task ${task.status === "Failed" ? "failed" : "ended"} without a result for this user${whole ? `: ${whole}` : "."}`;
  for (const record of records) if (!outcomes.has(record.id)) outcomes.set(record.id, { ok: false, message: missing });
  return outcomes;
}

function allFailed(records: readonly { id: string }[], message: string): Map<string, RecordOutcome> {
  return new Map(records.map((r) => [r.id, { ok: false, message }]));
}

import type ExtensionBulkUpdateTaskResource from "@rc-ex/core/definitions/ExtensionBulkUpdateTaskResource";
import { z } from "zod";
import type { BulkTaskRecord, ExtensionRecord } from "../account/model";
import { json, notFound, type Reply, refuse } from "../http/reply";
import type { Platform } from "../platform";
import type { AuthorizedRequest } from "./context";
import { applyUpdate } from "./extension-changes";
import { extensionUpdate } from "./extension-schemas";
import { accountUri, parseJson } from "./request-parsing";

const maxRecords = 500;
/**
 * Platform time a task takes: a fixed start plus a share per record (divided by the time scale like every other
 * duration). An assumption, not a measured figure (API.md has none): 2 s + 20 ms a record, so 500 records take 12 s,
 * about what RingCentral's Admin Portal shows for a bulk job of that size.
 */
const TASK_START_MS = 2_000;
const RECORD_MS = 20;
/** How long a task held by the "stuck" fault stays InProgress beyond its own time (platform time). */
export const STUCK_MS = 3_600_000;

/**
 * Whether this platform lets extension-bulk-update assign an unassigned extension (a "claim"): `accepted` (the spec's
 * reading: `transition.sendWelcomeEmail` is sent "within extension status changing from Unassigned to
 * NotActivated/Disabled"), `records` (each claim record fails on its own, the task goes on), or `whole` (a request with
 * any claim record is refused as a whole, 400). The live platform's answer is unknown (API.md open question 6), so
 * the sandbox plays each, set by `PUT /__sandbox/bulk-update` or `startSandbox({ bulkClaims })`.
 */
export type BulkClaims = "accepted" | "records" | "whole";
export const BULK_CLAIMS = ["accepted", "records", "whole"] as const;

/** The bulk update's switches: how claims are taken, and how many of the next tasks stick InProgress (a fault). */
export interface BulkUpdateSwitches {
  claims: BulkClaims;
  stuckTasks: number;
}

const bulkRecord = extensionUpdate.extend({ id: z.string().min(1) });
const bulkBody = z.object({ records: z.array(z.unknown()).min(1) });
const REFUSED_CLAIM = "Unassigned extension cannot be assigned by bulk update";

/**
 * POST /extension-bulk-update: ≤500 records, answered at once with an Accepted task; the changes land when the task
 * completes, each record judged by the same rules as PUT /extension/{id}: a record on an Unassigned extension claims
 * it (Unassigned → NotActivated or Enabled, a number needed, the default role given), unless the switch refuses claims.
 * A task whose every record failed ends Failed (the spec names the state, not when; this is the sandbox's choice).
 */
export function startBulkUpdate(request: AuthorizedRequest): Reply {
  const body = parseJson(request.body, bulkBody);
  if (!body.ok) return body.reply;
  const { records } = body.value;
  if (records.length > maxRecords) return refuse(400, "CMN-106", `Batch request limited to ${maxRecords} entries`, "records");
  const { platform } = request;
  if (platform.bulkUpdate.claims === "whole" && records.some((r) => isClaim(platform, r)))
    return refuse(400, "CMN-101", REFUSED_CLAIM, "records");
  const now = platform.clock.now();
  let duration = platform.clock.millis((TASK_START_MS + RECORD_MS * records.length) / 1000);
  if (platform.bulkUpdate.stuckTasks > 0) {
    platform.bulkUpdate.stuckTasks--;
    duration += platform.clock.millis(STUCK_MS / 1000);
  }
  const task: BulkTaskRecord = {
    id: `bulk-${platform.account.newId()}`,
    creationTime: new Date(now).toISOString(),
    completesAt: now + duration,
    results: [],
    pending: records,
  };
  platform.account.bulkTasks.set(task.id, task);
  setTimeout(() => completeIfDue(platform, task), duration).unref();
  return json({ ...taskResource(request, task), status: "Accepted" });
}

export function readBulkUpdateTask(request: AuthorizedRequest): Reply {
  const task = request.platform.account.bulkTasks.get(request.params.taskId ?? "");
  if (!task) return notFound("taskId", request.params.taskId);
  completeIfDue(request.platform, task);
  return json(taskResource(request, task));
}

function taskResource(request: AuthorizedRequest, task: BulkTaskRecord): ExtensionBulkUpdateTaskResource {
  const done = task.pending === undefined;
  const failed = done && task.results.length > 0 && task.results.every((r) => r.status === "Fail");
  const resource: ExtensionBulkUpdateTaskResource = {
    uri: `${accountUri(request)}/extension-bulk-update/tasks/${task.id}`,
    id: task.id,
    status: failed ? "Failed" : done ? "Completed" : "InProgress",
    creationTime: task.creationTime,
    lastModifiedTime: done ? new Date(task.completesAt).toISOString() : task.creationTime,
  };
  if (done)
    resource.result = {
      affectedItems: { result: task.results },
      ...(failed ? { errors: [{ errorCode: "CMN-101", message: "No extension of the task was updated" }] } : {}),
    };
  return resource;
}

function completeIfDue(platform: Platform, task: BulkTaskRecord): void {
  if (task.pending === undefined || platform.clock.now() < task.completesAt) return;
  task.results = task.pending.map((record) => applyRecord(platform, record));
  delete task.pending;
}

function isClaim(platform: Platform, raw: unknown): boolean {
  const id = typeof raw === "object" && raw !== null && "id" in raw ? Number((raw as { id: unknown }).id) : Number.NaN;
  return platform.account.extensions.get(id)?.status === "Unassigned";
}

function applyRecord(platform: Platform, raw: unknown): BulkTaskRecord["results"][number] {
  const parsed = bulkRecord.safeParse(raw);
  const rawId = typeof raw === "object" && raw !== null && "id" in raw ? String((raw as { id: unknown }).id) : "";
  if (!parsed.success) return fail(rawId, "CMN-101", `Record is invalid: ${parsed.error.issues[0]?.message ?? ""}`);
  const { account } = platform;
  const before = account.extensions.get(Number(parsed.data.id));
  if (!before) return fail(parsed.data.id, "CMN-102", `Extension [${parsed.data.id}] is not found`);
  const claim = before.status === "Unassigned";
  if (claim && platform.bulkUpdate.claims !== "accepted") return fail(parsed.data.id, "CMN-101", REFUSED_CLAIM);
  const change = applyUpdate(account, before, parsed.data);
  if (!change.ok) return fail(parsed.data.id, change.broken.errorCode, change.broken.message);
  const extension = change.extension as ExtensionRecord;
  // A claimed line becomes a user with the account's default role, as PUT /extension/{id} gives it.
  if (claim && extension.roleIds.length === 0) extension.roleIds = [account.defaultRoleId];
  account.putExtension(extension);
  return { extensionId: parsed.data.id, status: "Success" };
}

function fail(extensionId: string, errorCode: string, message: string): BulkTaskRecord["results"][number] {
  return { extensionId, status: "Fail", errors: [{ errorCode, message }] };
}

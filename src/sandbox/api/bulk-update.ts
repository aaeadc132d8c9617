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
/** Platform seconds a task takes (divided by the time scale like every other duration). */
const taskSeconds = 3;

const bulkRecord = extensionUpdate.extend({ id: z.string().min(1) });
const bulkBody = z.object({ records: z.array(z.unknown()).min(1) });

/**
 * POST /extension-bulk-update: ≤500 records, answered at once with an Accepted task; the changes land when the task
 * completes, each record judged by the same rules as PUT /extension/{id}.
 *
 * Decision (API.md open question 6: its status enum has no Unassigned, its type enum no Limited): the sandbox does
 * NOT let a bulk update assign an unassigned extension; such a record fails with CMN-101 on `id`. Use PUT per line.
 */
export function startBulkUpdate(request: AuthorizedRequest): Reply {
  const body = parseJson(request.body, bulkBody);
  if (!body.ok) return body.reply;
  if (body.value.records.length > maxRecords)
    return refuse(400, "CMN-106", `Batch request limited to ${maxRecords} entries`, "records");
  const { platform } = request;
  const now = platform.clock.now();
  const task: BulkTaskRecord = {
    id: `bulk-${platform.account.newId()}`,
    creationTime: new Date(now).toISOString(),
    completesAt: now + platform.clock.millis(taskSeconds),
    results: [],
    pending: body.value.records,
  };
  platform.account.bulkTasks.set(task.id, task);
  setTimeout(() => completeIfDue(platform, task), platform.clock.millis(taskSeconds)).unref();
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
  const resource: ExtensionBulkUpdateTaskResource = {
    uri: `${accountUri(request)}/extension-bulk-update/tasks/${task.id}`,
    id: task.id,
    status: done ? "Completed" : "InProgress",
    creationTime: task.creationTime,
    lastModifiedTime: done ? new Date(task.completesAt).toISOString() : task.creationTime,
  };
  if (done) resource.result = { affectedItems: { result: task.results } };
  return resource;
}

function completeIfDue(platform: Platform, task: BulkTaskRecord): void {
  if (task.pending === undefined || platform.clock.now() < task.completesAt) return;
  task.results = task.pending.map((record) => applyRecord(platform, record));
  delete task.pending;
}

function applyRecord(platform: Platform, raw: unknown): BulkTaskRecord["results"][number] {
  const parsed = bulkRecord.safeParse(raw);
  const rawId = typeof raw === "object" && raw !== null && "id" in raw ? String((raw as { id: unknown }).id) : "";
  if (!parsed.success) return fail(rawId, "CMN-101", `Record is invalid: ${parsed.error.issues[0]?.message ?? ""}`);
  const { account } = platform;
  const before = account.extensions.get(Number(parsed.data.id));
  if (!before) return fail(parsed.data.id, "CMN-102", `Extension [${parsed.data.id}] is not found`);
  if (before.status === "Unassigned") return fail(parsed.data.id, "CMN-101", "Bulk update cannot assign an unassigned extension");
  const change = applyUpdate(account, before, parsed.data);
  if (!change.ok) return fail(parsed.data.id, change.broken.errorCode, change.broken.message);
  account.putExtension(change.extension as ExtensionRecord);
  return { extensionId: parsed.data.id, status: "Success" };
}

function fail(extensionId: string, errorCode: string, message: string): BulkTaskRecord["results"][number] {
  return { extensionId, status: "Fail", errors: [{ errorCode, message }] };
}

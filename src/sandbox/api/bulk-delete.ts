import type BulkDeleteUsersResponseRecords from "@rc-ex/core/definitions/BulkDeleteUsersResponseRecords";
import { z } from "zod";
import { json, type Reply } from "../http/reply";
import type { AuthorizedRequest } from "./context";
import { releaseExtension } from "./extensions";
import { parseJson } from "./request-parsing";

const body = z.object({
  keepAssetsInInventory: z.boolean().default(true),
  records: z
    .array(z.object({ id: z.string().min(1) }))
    .min(1)
    .max(50),
});

/**
 * DELETE /restapi/v2/accounts/~/extensions: 1–50 User or Limited extensions, a result per item.
 *
 * Decision (API.md open question 5): with `keepAssetsInInventory` true (the default) each line comes back as an
 * unassigned extension with the same number, exactly like v1 `savePhoneLines=true`, so the product's "line goes back
 * to the pool" holds on both paths; with false the numbers leave the account.
 */
export function bulkDeleteExtensions(request: AuthorizedRequest): Reply {
  const parsed = parseJson(request.body, body);
  if (!parsed.ok) return parsed.reply;
  const { account } = request.platform;
  const records = parsed.value.records.map((record): BulkDeleteUsersResponseRecords => {
    const extension = account.extensions.get(Number(record.id));
    if (!extension) return failed(record.id, "CMN-102", `Extension [${record.id}] is not found`);
    if (extension.type !== "User" && extension.type !== "Limited") {
      return failed(record.id, "CMN-403", "Only User and Limited extensions can be deleted with this call");
    }
    if (extension.id === request.session.ownerId) return failed(record.id, "CMN-403", "An extension cannot delete itself");
    releaseExtension(request, extension.id, parsed.value.keepAssetsInInventory ? "line" : "nothing");
    return { id: record.id, bulkItemSuccessful: true };
  });
  return json({ records });
}

function failed(id: string, errorCode: string, message: string): BulkDeleteUsersResponseRecords {
  return { id, bulkItemSuccessful: false, bulkItemErrors: [{ errorCode, message }] };
}

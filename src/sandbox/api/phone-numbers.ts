import type { PhoneNumberRecord } from "../account/model";
import { invalidParameter, json, type Reply } from "../http/reply";
import type { AuthorizedRequest } from "./context";
import { pageOf } from "./paging";
import { accountUri, extensionIdParam, queryList } from "./request-parsing";
import { companyPhoneNumber, userPhoneNumber } from "./views";

const statuses = new Set(["Enabled", "Disabled", "Frozen", "NotActivated", "Unassigned"]);

/** GET /phone-number: `extensionStatus` and `usageType` filters; each number on an extension names it. */
export function listAccountPhoneNumbers(request: AuthorizedRequest): Reply {
  const { account } = request.platform;
  const extensionStatus = queryList(request, "extensionStatus");
  const bad = extensionStatus.find((s) => !statuses.has(s));
  if (bad) return invalidParameter("extensionStatus", undefined, bad);
  const usage = new Set(queryList(request, "usageType"));
  const wanted = new Set(extensionStatus);
  const matching = [...account.phoneNumbers.values()].filter((p) => {
    if (usage.size > 0 && !usage.has(p.usageType)) return false;
    if (wanted.size === 0) return true;
    const extension = p.extensionId !== undefined ? account.extensions.get(p.extensionId) : undefined;
    return extension !== undefined && wanted.has(extension.status);
  });
  const base = accountUri(request);
  const page = pageOf(request, `/restapi/v1.0/account/${account.id}/phone-number`, matching, (p) =>
    companyPhoneNumber(account, base, p),
  );
  return page.ok ? json(page.value) : page.reply;
}

export function listExtensionPhoneNumbers(request: AuthorizedRequest): Reply {
  const id = extensionIdParam(request);
  if (!id.ok) return id.reply;
  const { account } = request.platform;
  const usage = new Set(queryList(request, "usageType"));
  const numbers: PhoneNumberRecord[] = account.phoneNumbersOf(id.value).filter((p) => usage.size === 0 || usage.has(p.usageType));
  const base = accountUri(request);
  const page = pageOf(request, `/restapi/v1.0/account/${account.id}/extension/${id.value}/phone-number`, numbers, (p) =>
    userPhoneNumber(account, base, p),
  );
  return page.ok ? json(page.value) : page.reply;
}

import type { ExtensionRecord, ExtensionStatus } from "../account/model";
import { holdsLine } from "../account/rules";
import { unassignedExtension } from "../account/seed";
import { invalidParameter, json, noContent, type Reply, refuse } from "../http/reply";
import type { AuthorizedRequest } from "./context";
import { applyCreation, applyUpdate, type Change } from "./extension-changes";
import { extensionCreation, extensionUpdate } from "./extension-schemas";
import { pageOf } from "./paging";
import { accountUri, extensionIdParam, parseJson, queryFlag, queryList } from "./request-parsing";
import { extensionInfo, extensionListItem } from "./views";

const statuses = new Set<string>(["Enabled", "Disabled", "Frozen", "NotActivated", "Unassigned"]);
const knownTypes = new Set<string>([
  "User",
  "Department",
  "Announcement",
  "Voicemail",
  "DigitalUser",
  "VirtualUser",
  "FaxUser",
  "PagingOnly",
  "SharedLinesGroup",
  "DelegatedLinesGroup",
  "GroupCallPickup",
  "IvrMenu",
  "ApplicationExtension",
  "ProxyAdmin",
  "RoomConnector",
  "ParkLocation",
  "Limited",
  "Bot",
  "Site",
  "Room",
  "FlexibleUser",
  "TieLine",
  "Unknown",
]);

/** GET /extension: filters by type[], status[], extensionNumber, email[]; all statuses when none is given. */
export function listExtensions(request: AuthorizedRequest): Reply {
  const { account } = request.platform;
  const types = queryList(request, "type");
  const wanted = queryList(request, "status");
  const badType = types.find((t) => !knownTypes.has(t));
  if (badType) return invalidParameter("type", undefined, badType);
  const badStatus = wanted.find((s) => !statuses.has(s));
  if (badStatus) return invalidParameter("status", undefined, badStatus);
  const number = request.query.get("extensionNumber");
  const emails = queryList(request, "email");
  let candidates: Iterable<ExtensionRecord> = account.extensions.values();
  // Exact lookups go through the indexes rather than a scan.
  if (number) {
    const owner = account.numberOwner(number);
    candidates = owner?.kind === "extension" ? [account.extensions.get(owner.id) as ExtensionRecord] : [];
  } else if (emails.length > 0) {
    candidates = emails.flatMap((e) => {
      const id = account.extensionByEmail(e);
      return id === undefined ? [] : [account.extensions.get(id) as ExtensionRecord];
    });
  }
  const typeSet = new Set(types);
  const statusSet = new Set<ExtensionStatus>(wanted as ExtensionStatus[]);
  const matching = [...candidates].filter(
    (e) => (typeSet.size === 0 || typeSet.has(e.type)) && (statusSet.size === 0 || statusSet.has(e.status)),
  );
  const base = accountUri(request);
  const page = pageOf(request, `/restapi/v1.0/account/${account.id}/extension`, matching, (e) =>
    extensionListItem(account, base, e),
  );
  return page.ok ? json(page.value) : page.reply;
}

export function readExtension(request: AuthorizedRequest): Reply {
  const id = extensionIdParam(request);
  if (!id.ok) return id.reply;
  const { account } = request.platform;
  return json(extensionInfo(account, accountUri(request), account.extensions.get(id.value) as ExtensionRecord));
}

export function createExtension(request: AuthorizedRequest): Reply {
  const body = parseJson(request.body, extensionCreation);
  if (!body.ok) return body.reply;
  const { account } = request.platform;
  const change = applyCreation(account, account.newId(), body.value, new Date().toISOString());
  return saveChange(request, change, true);
}

/** PUT /extension/{id}: also how an unassigned extension becomes a user (same id, same number). */
export function updateExtension(request: AuthorizedRequest): Reply {
  const id = extensionIdParam(request);
  if (!id.ok) return id.reply;
  const body = parseJson(request.body, extensionUpdate);
  if (!body.ok) return body.reply;
  const { account } = request.platform;
  const before = account.extensions.get(id.value) as ExtensionRecord;
  return saveChange(request, applyUpdate(account, before, body.value), before.status === "Unassigned");
}

function saveChange(request: AuthorizedRequest, change: Change, isNewUser: boolean): Reply {
  if (!change.ok) return refuse(400, change.broken.errorCode, change.broken.message, change.broken.parameterName);
  const { account } = request.platform;
  const extension = change.extension;
  // A new user gets the account's default role, as the platform auto-assigns it.
  if (isNewUser && extension.roleIds.length === 0 && extension.type !== "Announcement" && extension.type !== "Voicemail") {
    extension.roleIds = [account.defaultRoleId];
  }
  account.putExtension(extension);
  return json(extensionInfo(account, accountUri(request), extension));
}

/**
 * DELETE /extension/{id}. `savePhoneLines=true` on a User, VirtualUser or Limited extension turns each of its lines
 * into a NEW unassigned extension holding the same number (spec: "create unassigned extensions for each digital
 * line"). Otherwise the line goes with the extension, and the numbers stay as company numbers unless
 * `savePhoneNumbers=false`. An unassigned extension's number always leaves the account (CROISSANT's warning).
 */
export function deleteExtension(request: AuthorizedRequest): Reply {
  const id = extensionIdParam(request);
  if (!id.ok) return id.reply;
  if (id.value === request.session.ownerId) return refuse(403, "CMN-403", "An extension cannot delete itself");
  const savePhoneLines = queryFlag(request, "savePhoneLines") ?? false;
  const savePhoneNumbers = queryFlag(request, "savePhoneNumbers") ?? true;
  releaseExtension(request, id.value, savePhoneLines ? "line" : savePhoneNumbers ? "company-number" : "nothing");
  return noContent();
}

/** What happens to an extension's lines when it is deleted (shared with the v2 bulk delete). */
export function releaseExtension(
  request: AuthorizedRequest,
  extensionId: number,
  keep: "line" | "company-number" | "nothing",
): void {
  const { account } = request.platform;
  const extension = account.extensions.get(extensionId);
  if (!extension) return;
  const wasUnassigned = extension.status === "Unassigned";
  for (const phone of account.phoneNumbersOf(extensionId)) {
    if (wasUnassigned || keep === "nothing") {
      account.removePhoneNumber(phone.id);
    } else if (keep === "line" && holdsLine(extension.type) && phone.usageType === "DirectNumber") {
      const lineId = account.newId();
      account.putExtension(unassignedExtension(lineId, extension.type, extension.siteId, new Date().toISOString()));
      account.putPhoneNumber({ ...phone, extensionId: lineId });
    } else {
      const { extensionId: _, ...rest } = phone;
      account.putPhoneNumber({ ...rest, usageType: "AdditionalCompanyNumber" });
    }
  }
  account.removeExtension(extensionId);
}

import { z } from "zod";
import { mainSiteId, type SiteRecord } from "../account/model";
import { checkExtensionNumber } from "../account/rules";
import { invalidParameter, json, noContent, notFound, type Reply, refuse } from "../http/reply";
import type { AuthorizedRequest } from "./context";
import { pageOf } from "./paging";
import { accountUri, parseJson } from "./request-parsing";
import { siteInfo } from "./views";

const address = z.object({
  country: z.string().optional(),
  state: z.string().optional(),
  city: z.string().optional(),
  street: z.string().optional(),
  zip: z.string().optional(),
});

const siteFields = {
  extensionNumber: z.string().optional(),
  callerIdName: z
    .string()
    .max(15)
    .regex(/^[A-Za-z0-9, ]*$/)
    .optional(),
  email: z.string().max(254).optional(),
  businessAddress: address.optional(),
  siteAccess: z.enum(["Limited", "Unlimited"]).optional(),
};
/** `CreateSiteRequest`: the spec marks nothing required; the sandbox needs a name to show. */
const siteCreation = z.object({ name: z.string().min(1).max(64), code: z.string().max(32).optional(), ...siteFields });
const siteUpdate = z.object({ name: z.string().min(1).max(64).optional(), ...siteFields });
const bulkAssign = z.object({
  addedExtensionIds: z.array(z.string()).optional(),
  removedExtensionIds: z.array(z.string()).optional(),
});

export function listSites(request: AuthorizedRequest): Reply {
  const { account } = request.platform;
  const base = accountUri(request);
  const page = pageOf(
    request,
    `/restapi/v1.0/account/${account.id}/sites`,
    [...account.sites.values()],
    (s) => siteInfo(base, s),
    1000,
  );
  return page.ok ? json(page.value) : page.reply;
}

export function readSite(request: AuthorizedRequest): Reply {
  const site = findSite(request);
  return "status" in site ? site : json(siteInfo(accountUri(request), site));
}

export function createSite(request: AuthorizedRequest): Reply {
  const body = parseJson(request.body, siteCreation);
  if (!body.ok) return body.reply;
  const { account } = request.platform;
  const id = String(account.newId());
  const site: SiteRecord = { id, name: body.value.name, businessAddress: body.value.businessAddress ?? {} };
  const refused = applySiteFields(request, site, body.value);
  if (refused) return refused;
  if (body.value.code !== undefined) site.code = body.value.code;
  account.putSite(site);
  return json(siteInfo(accountUri(request), site));
}

/** The main site is the account itself: it cannot be edited or deleted here. */
export function updateSite(request: AuthorizedRequest): Reply {
  const found = findSite(request);
  if ("status" in found) return found;
  if (found.id === mainSiteId) return refuse(403, "CMN-101", "The main site cannot be edited here", "siteId", mainSiteId);
  const body = parseJson(request.body, siteUpdate);
  if (!body.ok) return body.reply;
  const site: SiteRecord = structuredClone(found);
  if (body.value.name !== undefined) site.name = body.value.name;
  const refused = applySiteFields(request, site, body.value);
  if (refused) return refused;
  request.platform.account.putSite(site);
  return json(siteInfo(accountUri(request), site));
}

/** A site with members cannot be deleted (they would have nowhere to be). */
export function deleteSite(request: AuthorizedRequest): Reply {
  const found = findSite(request);
  if ("status" in found) return found;
  if (found.id === mainSiteId) return refuse(403, "CMN-101", "The main site cannot be deleted", "siteId", mainSiteId);
  const { account } = request.platform;
  for (const extension of account.extensions.values()) {
    if (extension.siteId === found.id)
      return refuse(400, "CMN-101", "A site that has extensions cannot be deleted", "siteId", found.id);
  }
  account.removeSite(found.id);
  return noContent();
}

export function listSiteMembers(request: AuthorizedRequest): Reply {
  const found = findSite(request);
  if ("status" in found) return found;
  const { account } = request.platform;
  const base = accountUri(request);
  const members = [...account.extensions.values()].filter((e) => e.siteId === found.id && e.status !== "Unassigned");
  const page = pageOf(request, `/restapi/v1.0/account/${account.id}/sites/${found.id}/members`, members, (e) => ({
    id: e.id,
    uri: `${base}/extension/${e.id}`,
    extensionNumber: e.extensionNumber,
    type: e.type,
    name: [e.contact.firstName, e.contact.lastName].filter(Boolean).join(" "),
  }));
  return page.ok ? json(page.value) : page.reply;
}

/** POST /sites/{id}/bulk-assign: added extensions move here; removed ones go back to the main site. */
export function assignSiteMembers(request: AuthorizedRequest): Reply {
  const found = findSite(request);
  if ("status" in found) return found;
  const body = parseJson(request.body, bulkAssign);
  if (!body.ok) return body.reply;
  const { account } = request.platform;
  const moves = [
    ...(body.value.addedExtensionIds ?? []).map((id) => [id, found.id] as const),
    ...(body.value.removedExtensionIds ?? []).map((id) => [id, mainSiteId] as const),
  ];
  const unknown = moves.find(([id]) => !account.extensions.has(Number(id)));
  if (unknown) return invalidParameter("addedExtensionIds", `Extension [${unknown[0]}] is not found`, unknown[0]);
  for (const [id, siteId] of moves) {
    const extension = account.extensions.get(Number(id));
    if (extension) account.putExtension({ ...extension, siteId });
  }
  return noContent();
}

function findSite(request: AuthorizedRequest): SiteRecord | Reply {
  const siteId = request.params.siteId ?? "";
  return request.platform.account.sites.get(siteId) ?? notFound("siteId", siteId);
}

function applySiteFields(request: AuthorizedRequest, site: SiteRecord, body: z.infer<typeof siteUpdate>): Reply | undefined {
  const { account } = request.platform;
  if (body.extensionNumber !== undefined) {
    const rule = checkExtensionNumber(account, body.extensionNumber, site.id);
    if (rule) return refuse(400, rule.errorCode, rule.message, rule.parameterName);
    site.extensionNumber = body.extensionNumber;
  }
  if (body.businessAddress) site.businessAddress = { ...site.businessAddress, ...body.businessAddress };
  if (body.callerIdName !== undefined) site.callerIdName = body.callerIdName;
  if (body.email !== undefined) site.email = body.email;
  if (body.siteAccess !== undefined) site.siteAccess = body.siteAccess;
  return undefined;
}

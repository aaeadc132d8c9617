import { z } from "zod";
import { permissionDictionary } from "../account/catalog";
import type { RoleRecord } from "../account/model";
import { invalidParameter, json, noContent, notFound, type Reply, refuse } from "../http/reply";
import type { AuthorizedRequest } from "./context";
import { pageOf } from "./paging";
import { accountUri, extensionIdParam, parseJson, queryFlag } from "./request-parsing";
import { roleResource } from "./views";

const knownPermissions = new Set(permissionDictionary.map((p) => p.id));
const scopes = [
  "Account",
  "AllExtensions",
  "Federation",
  "Group",
  "NonUserExtensions",
  "RoleBased",
  "Self",
  "UserExtensions",
] as const;

/** `RoleResource` as a request: a display name without `< > / "`, permissions by id. */
const roleBody = z.object({
  displayName: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[^<>/"]*$/),
  description: z.string().max(2000).optional(),
  siteCompatible: z.boolean().optional(),
  scope: z.enum(scopes).optional(),
  permissions: z.array(z.object({ id: z.string() })).optional(),
});
const idList = z.object({ records: z.array(z.object({ id: z.string() })) });
const bulkAssign = z.object({
  addedExtensionIds: z.array(z.string()).optional(),
  removedExtensionIds: z.array(z.string()).optional(),
  siteRestricted: z.boolean().optional(),
  siteCompatible: z.boolean().optional(),
});

export function listRoles(request: AuthorizedRequest): Reply {
  const { account } = request.platform;
  const custom = queryFlag(request, "custom");
  const roles = [...account.roles.values()].filter((r) => custom === undefined || r.custom === custom);
  const base = accountUri(request);
  const page = pageOf(request, `/restapi/v1.0/account/${account.id}/user-role`, roles, (r) => roleResource(base, r));
  return page.ok ? json(page.value) : page.reply;
}

/** GET /dictionary/user-role: the platform's standard roles (the predefined ones). */
export function listStandardRoles(request: AuthorizedRequest): Reply {
  const { account } = request.platform;
  const roles = [...account.roles.values()].filter((r) => !r.custom);
  const base = accountUri(request);
  const page = pageOf(request, "/restapi/v1.0/dictionary/user-role", roles, (r) => roleResource(base, r));
  return page.ok ? json(page.value) : page.reply;
}

export function readRole(request: AuthorizedRequest): Reply {
  const role = findRole(request);
  return "status" in role ? role : json(roleResource(accountUri(request), role));
}

export function createRole(request: AuthorizedRequest): Reply {
  const body = parseJson(request.body, roleBody);
  if (!body.ok) return body.reply;
  const { account } = request.platform;
  const role: RoleRecord = {
    id: String(account.newId()),
    displayName: "",
    description: "",
    custom: true,
    siteCompatible: false,
    scope: "Account",
    permissions: [],
    lastUpdated: "",
  };
  const refused = applyRole(request, role, body.value);
  if (refused) return refused;
  account.roles.set(role.id, role);
  return json(roleResource(accountUri(request), role), 201);
}

/** Predefined roles are the platform's: they cannot be edited or deleted. */
export function updateRole(request: AuthorizedRequest): Reply {
  const found = findRole(request);
  if ("status" in found) return found;
  if (!found.custom) return refuse(403, "CMN-101", "A predefined role cannot be changed", "roleId", found.id);
  const body = parseJson(request.body, roleBody);
  if (!body.ok) return body.reply;
  const role = structuredClone(found);
  const refused = applyRole(request, role, body.value);
  if (refused) return refused;
  request.platform.account.roles.set(role.id, role);
  return json(roleResource(accountUri(request), role));
}

/** A role still assigned to someone, or the default role, cannot be deleted; `validateOnly` only checks. */
export function deleteRole(request: AuthorizedRequest): Reply {
  const found = findRole(request);
  if ("status" in found) return found;
  const { account } = request.platform;
  if (!found.custom) return refuse(403, "CMN-101", "A predefined role cannot be deleted", "roleId", found.id);
  if (account.defaultRoleId === found.id) return refuse(400, "CMN-101", "The default role cannot be deleted", "roleId", found.id);
  for (const extension of account.extensions.values()) {
    if (extension.roleIds.includes(found.id))
      return refuse(400, "CMN-101", "The role is assigned to extensions and cannot be deleted", "roleId", found.id);
  }
  if (queryFlag(request, "validateOnly") !== true) account.roles.delete(found.id);
  return noContent();
}

export function readDefaultRole(request: AuthorizedRequest): Reply {
  const { account } = request.platform;
  return json(defaultRole(request, account.roles.get(account.defaultRoleId) as RoleRecord));
}

export function updateDefaultRole(request: AuthorizedRequest): Reply {
  const body = parseJson(request.body, z.object({ id: z.string() }));
  if (!body.ok) return body.reply;
  const { account } = request.platform;
  const role = account.roles.get(body.value.id);
  if (!role) return invalidParameter("id", `Role [${body.value.id}] is not found`, body.value.id);
  account.defaultRoleId = role.id;
  return json(defaultRole(request, role));
}

export function readAssignedRoles(request: AuthorizedRequest): Reply {
  const id = extensionIdParam(request);
  if (!id.ok) return id.reply;
  return json(assignedRoles(request, id.value));
}

/** PUT /extension/{id}/assigned-role replaces the whole list (API.md §8 leaves it open; replacing is what CROISSANT relies on). */
export function updateAssignedRoles(request: AuthorizedRequest): Reply {
  const id = extensionIdParam(request);
  if (!id.ok) return id.reply;
  const body = parseJson(request.body, idList);
  if (!body.ok) return body.reply;
  const { account } = request.platform;
  const unknown = body.value.records.find((r) => !account.roles.has(r.id));
  if (unknown) return invalidParameter("records.id", `Role [${unknown.id}] is not found`, unknown.id);
  const extension = account.extensions.get(id.value);
  if (extension) account.putExtension({ ...extension, roleIds: [...new Set(body.value.records.map((r) => r.id))] });
  return json(assignedRoles(request, id.value));
}

export function assignDefaultRole(request: AuthorizedRequest): Reply {
  const id = extensionIdParam(request);
  if (!id.ok) return id.reply;
  const { account } = request.platform;
  const extension = account.extensions.get(id.value);
  if (extension) account.putExtension({ ...extension, roleIds: [account.defaultRoleId] });
  return json(assignedRoles(request, id.value));
}

/** POST /user-role/{roleId}/bulk-assign: added extensions get this role as their only role; removed ones the default. */
export function bulkAssignRole(request: AuthorizedRequest): Reply {
  const found = findRole(request);
  if ("status" in found) return found;
  const body = parseJson(request.body, bulkAssign);
  if (!body.ok) return body.reply;
  const { account } = request.platform;
  const added = body.value.addedExtensionIds ?? [];
  const removed = body.value.removedExtensionIds ?? [];
  const unknown = [...added, ...removed].find((id) => !account.extensions.has(Number(id)));
  if (unknown) return invalidParameter("addedExtensionIds", `Extension [${unknown}] is not found`, unknown);
  for (const id of added) {
    const extension = account.extensions.get(Number(id));
    if (extension) account.putExtension({ ...extension, roleIds: [found.id] });
  }
  for (const id of removed) {
    const extension = account.extensions.get(Number(id));
    if (extension?.roleIds.includes(found.id)) account.putExtension({ ...extension, roleIds: [account.defaultRoleId] });
  }
  return noContent();
}

/** GET /assigned-role: every extension with roles, in one paged list. */
export function listAllAssignedRoles(request: AuthorizedRequest): Reply {
  const { account } = request.platform;
  const base = accountUri(request);
  const holders = [...account.extensions.values()].filter((e) => e.roleIds.length > 0);
  const page = pageOf(request, `/restapi/v1.0/account/${account.id}/assigned-role`, holders, (e) => ({
    uri: `${base}/extension/${e.id}/assigned-role`,
    extensionId: String(e.id),
    roles: e.roleIds.map((id) => assignedRole(request, id)),
  }));
  return page.ok ? json(page.value) : page.reply;
}

function assignedRoles(request: AuthorizedRequest, extensionId: number) {
  const extension = request.platform.account.extensions.get(extensionId);
  return {
    uri: `${accountUri(request)}/extension/${extensionId}/assigned-role`,
    records: (extension?.roleIds ?? []).map((id) => assignedRole(request, id)),
  };
}

function assignedRole(request: AuthorizedRequest, roleId: string) {
  const role = request.platform.account.roles.get(roleId);
  return {
    uri: `${accountUri(request)}/user-role/${roleId}`,
    id: roleId,
    displayName: role?.displayName ?? "",
    autoAssigned: false,
    siteCompatible: role?.siteCompatible ?? false,
    siteRestricted: false,
  };
}

function defaultRole(request: AuthorizedRequest, role: RoleRecord) {
  return {
    uri: `${accountUri(request)}/user-role/${role.id}`,
    id: role.id,
    displayName: role.displayName,
    siteCompatible: role.siteCompatible,
  };
}

function findRole(request: AuthorizedRequest): RoleRecord | Reply {
  const roleId = request.params.roleId ?? "";
  return request.platform.account.roles.get(roleId) ?? notFound("roleId", roleId);
}

function applyRole(request: AuthorizedRequest, role: RoleRecord, body: z.infer<typeof roleBody>): Reply | undefined {
  const { account } = request.platform;
  const duplicate = [...account.roles.values()].find(
    (r) => r.id !== role.id && r.displayName.toLowerCase() === body.displayName.toLowerCase(),
  );
  if (duplicate) return invalidParameter("displayName", `A role named [${body.displayName}] already exists`, body.displayName);
  const unknown = (body.permissions ?? []).find((p) => !knownPermissions.has(p.id));
  if (unknown) return invalidParameter("permissions.id", `Permission [${unknown.id}] is not found`, unknown.id);
  role.displayName = body.displayName;
  role.description = body.description ?? role.description;
  role.siteCompatible = body.siteCompatible ?? role.siteCompatible;
  role.scope = body.scope ?? role.scope;
  if (body.permissions) role.permissions = [...new Set(body.permissions.map((p) => p.id))];
  role.lastUpdated = new Date().toISOString();
  return undefined;
}

import { readAccountInfo } from "./api/account-info";
import { bulkDeleteExtensions } from "./api/bulk-delete";
import { readBulkUpdateTask, startBulkUpdate } from "./api/bulk-update";
import type { ApiRequest, AuthorizedRequest, Handler } from "./api/context";
import { updateCredentials } from "./api/credentials";
import { listPermissions, listSecretQuestions } from "./api/dictionaries";
import { createExtension, deleteExtension, listExtensions, readExtension, updateExtension } from "./api/extensions";
import { listAccountPhoneNumbers, listExtensionPhoneNumbers } from "./api/phone-numbers";
import {
  assignDefaultRole,
  bulkAssignRole,
  createRole,
  deleteRole,
  listAllAssignedRoles,
  listRoles,
  listStandardRoles,
  readAssignedRoles,
  readDefaultRole,
  readRole,
  updateAssignedRoles,
  updateDefaultRole,
  updateRole,
} from "./api/roles";
import { assignSiteMembers, createSite, deleteSite, listSiteMembers, listSites, readSite, updateSite } from "./api/sites";
import { Router } from "./http/router";
import type { AppPermission } from "./oauth/apps";
import { showSignIn, signIn } from "./oauth/authorize-page";
import { issueToken, revokeToken } from "./oauth/token-endpoint";
import type { UsageGroup } from "./rate-limiter";

/**
 * Every operation the sandbox serves, in ONE table: path, usage group (`x-throttling-group`) and app permission
 * (`x-app-permission`) as the spec gives them for the operation id. Two are undocumented and chosen here:
 * credentials → Medium + EditExtensions (it edits an extension, like PUT /extension), secret questions → Light and no
 * permission (a dictionary, like the others).
 */
export type Operation =
  | { id: string; method: string; path: string; group: UsageGroup; auth: "client"; handle: Handler<ApiRequest> }
  | {
      id: string;
      method: string;
      path: string;
      group: UsageGroup;
      auth: "bearer";
      permission?: AppPermission;
      handle: Handler<AuthorizedRequest>;
    };

const v1 = "/restapi/v1.0/account/:accountId";

const bearer = (
  id: string,
  method: string,
  path: string,
  group: UsageGroup,
  permission: AppPermission | undefined,
  handle: Handler<AuthorizedRequest>,
): Operation =>
  permission
    ? { id, method, path, group, auth: "bearer", permission, handle }
    : { id, method, path, group, auth: "bearer", handle };

export const operations: readonly Operation[] = [
  { id: "getToken", method: "POST", path: "/restapi/oauth/token", group: "Auth", auth: "client", handle: issueToken },
  { id: "revokeToken", method: "POST", path: "/restapi/oauth/revoke", group: "Auth", auth: "client", handle: revokeToken },
  { id: "authorize", method: "GET", path: "/restapi/oauth/authorize", group: "Auth", auth: "client", handle: showSignIn },
  { id: "authorize2", method: "POST", path: "/restapi/oauth/authorize", group: "Auth", auth: "client", handle: signIn },

  bearer("readAccountInfo", "GET", v1, "Light", "ReadAccounts", readAccountInfo),
  bearer("listExtensions", "GET", `${v1}/extension`, "Medium", "ReadAccounts", listExtensions),
  bearer("createExtension", "POST", `${v1}/extension`, "Medium", "EditAccounts", createExtension),
  bearer("readExtension", "GET", `${v1}/extension/:extensionId`, "Light", "ReadAccounts", readExtension),
  bearer("updateExtension", "PUT", `${v1}/extension/:extensionId`, "Medium", "EditExtensions", updateExtension),
  bearer("deleteExtension", "DELETE", `${v1}/extension/:extensionId`, "Medium", "EditAccounts", deleteExtension),
  bearer(
    "listExtensionPhoneNumbers",
    "GET",
    `${v1}/extension/:extensionId/phone-number`,
    "Light",
    "ReadAccounts",
    listExtensionPhoneNumbers,
  ),
  bearer("updateCredentials", "PUT", `${v1}/extension/:extensionId/credentials`, "Medium", "EditExtensions", updateCredentials),
  bearer("listAccountPhoneNumbers", "GET", `${v1}/phone-number`, "Heavy", "ReadAccounts", listAccountPhoneNumbers),

  bearer("listSites", "GET", `${v1}/sites`, "Light", "ReadAccounts", listSites),
  bearer("createSite", "POST", `${v1}/sites`, "Medium", "EditAccounts", createSite),
  bearer("readSite", "GET", `${v1}/sites/:siteId`, "Light", "ReadAccounts", readSite),
  bearer("updateSite", "PUT", `${v1}/sites/:siteId`, "Light", "EditExtensions", updateSite),
  bearer("deleteSite", "DELETE", `${v1}/sites/:siteId`, "Light", "EditAccounts", deleteSite),
  bearer("listSiteMembers", "GET", `${v1}/sites/:siteId/members`, "Medium", "ReadAccounts", listSiteMembers),
  bearer("assignMultipleSites", "POST", `${v1}/sites/:siteId/bulk-assign`, "Medium", "EditExtensions", assignSiteMembers),

  // `user-role/default` before `user-role/:roleId`: the router takes the first match.
  bearer("readDefaultRole", "GET", `${v1}/user-role/default`, "Light", "RoleManagement", readDefaultRole),
  bearer("updateDefaultUserRole", "PUT", `${v1}/user-role/default`, "Medium", "RoleManagement", updateDefaultRole),
  bearer("listUserRoles", "GET", `${v1}/user-role`, "Medium", "ReadAccounts", listRoles),
  bearer("createCustomRole", "POST", `${v1}/user-role`, "Medium", "RoleManagement", createRole),
  bearer("readUserRole", "GET", `${v1}/user-role/:roleId`, "Light", "ReadAccounts", readRole),
  bearer("updateUserRole", "PUT", `${v1}/user-role/:roleId`, "Medium", "RoleManagement", updateRole),
  bearer("deleteCustomRole", "DELETE", `${v1}/user-role/:roleId`, "Medium", "RoleManagement", deleteRole),
  bearer("assignMultipleUserRoles", "POST", `${v1}/user-role/:roleId/bulk-assign`, "Heavy", "RoleManagement", bulkAssignRole),
  bearer(
    "listUserAssignedRoles",
    "GET",
    `${v1}/extension/:extensionId/assigned-role`,
    "Light",
    "ReadAccounts",
    readAssignedRoles,
  ),
  bearer(
    "updateUserAssignedRoles",
    "PUT",
    `${v1}/extension/:extensionId/assigned-role`,
    "Medium",
    "RoleManagement",
    updateAssignedRoles,
  ),
  bearer(
    "assignDefaultRole",
    "PUT",
    `${v1}/extension/:extensionId/assigned-role/default`,
    "Medium",
    "RoleManagement",
    assignDefaultRole,
  ),
  bearer("listAssignedRoles", "GET", `${v1}/assigned-role`, "Medium", "ReadAccounts", listAllAssignedRoles),

  bearer("listStandardUserRole", "GET", "/restapi/v1.0/dictionary/user-role", "Light", undefined, listStandardRoles),
  bearer("listPermissions", "GET", "/restapi/v1.0/dictionary/permission", "Light", undefined, listPermissions),
  bearer("listSecretQuestions", "GET", "/restapi/v1.0/dictionary/secret-question", "Light", undefined, listSecretQuestions),

  bearer("extensionBulkUpdate", "POST", `${v1}/extension-bulk-update`, "Heavy", "EditExtensions", startBulkUpdate),
  bearer(
    "getExtensionBulkUpdateTask",
    "GET",
    `${v1}/extension-bulk-update/tasks/:taskId`,
    "Light",
    "EditExtensions",
    readBulkUpdateTask,
  ),
  bearer(
    "bulkDeleteUsersV2",
    "DELETE",
    "/restapi/v2/accounts/:accountId/extensions",
    "Heavy",
    "EditAccounts",
    bulkDeleteExtensions,
  ),
];

export function operationRouter(): Router<Operation> {
  const router = new Router<Operation>();
  for (const operation of operations) router.add(operation.method, operation.path, operation);
  return router;
}

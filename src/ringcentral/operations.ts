import type { UsageGroup } from "./usage-group";

/**
 * Every platform call the product makes: method, path template, usage group (the spec's x-throttling-group) and
 * whether repeating it is safe. One table, so that a finding on a real account changes one line.
 */
export interface Operation {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  group: UsageGroup;
  /** Safe to send again after a 5xx or a lost response; a create is not. */
  idempotent: boolean;
}

const V1 = "/restapi/v1.0/account/~";
const op = (method: Operation["method"], path: string, group: UsageGroup): Operation => ({
  method,
  path,
  group,
  idempotent: method !== "POST",
});

export const OPERATIONS = {
  readAccount: op("GET", V1, "light"),
  listExtensions: op("GET", `${V1}/extension`, "medium"),
  readExtension: op("GET", `${V1}/extension/{extensionId}`, "light"),
  createExtension: op("POST", `${V1}/extension`, "medium"),
  updateExtension: op("PUT", `${V1}/extension/{extensionId}`, "medium"),
  deleteExtension: op("DELETE", `${V1}/extension/{extensionId}`, "medium"),
  updateCredentials: op("PUT", `${V1}/extension/{extensionId}/credentials`, "medium"),
  listExtensionPhoneNumbers: op("GET", `${V1}/extension/{extensionId}/phone-number`, "light"),
  listAccountPhoneNumbers: op("GET", `${V1}/phone-number`, "heavy"),
  listSites: op("GET", `${V1}/sites`, "light"),
  createSite: op("POST", `${V1}/sites`, "medium"),
  readSite: op("GET", `${V1}/sites/{siteId}`, "light"),
  updateSite: op("PUT", `${V1}/sites/{siteId}`, "light"),
  deleteSite: op("DELETE", `${V1}/sites/{siteId}`, "light"),
  listSiteMembers: op("GET", `${V1}/sites/{siteId}/members`, "medium"),
  assignSiteMembers: op("POST", `${V1}/sites/{siteId}/bulk-assign`, "medium"),
  listUserRoles: op("GET", `${V1}/user-role`, "medium"),
  createCustomRole: op("POST", `${V1}/user-role`, "medium"),
  readUserRole: op("GET", `${V1}/user-role/{roleId}`, "light"),
  updateUserRole: op("PUT", `${V1}/user-role/{roleId}`, "medium"),
  deleteCustomRole: op("DELETE", `${V1}/user-role/{roleId}`, "medium"),
  readDefaultRole: op("GET", `${V1}/user-role/default`, "light"),
  updateDefaultRole: op("PUT", `${V1}/user-role/default`, "medium"),
  listAssignedRoles: op("GET", `${V1}/extension/{extensionId}/assigned-role`, "light"),
  updateAssignedRoles: op("PUT", `${V1}/extension/{extensionId}/assigned-role`, "medium"),
  assignDefaultRole: op("PUT", `${V1}/extension/{extensionId}/assigned-role/default`, "medium"),
  bulkAssignRole: op("POST", `${V1}/user-role/{roleId}/bulk-assign`, "heavy"),
  listAccountAssignedRoles: op("GET", `${V1}/assigned-role`, "medium"),
  listStandardRoles: op("GET", "/restapi/v1.0/dictionary/user-role", "light"),
  listPermissions: op("GET", "/restapi/v1.0/dictionary/permission", "light"),
  listSecretQuestions: op("GET", "/restapi/v1.0/dictionary/secret-question", "light"),
  bulkUpdateExtensions: op("POST", `${V1}/extension-bulk-update`, "heavy"),
  readBulkUpdateTask: op("GET", `${V1}/extension-bulk-update/tasks/{taskId}`, "light"),
  bulkDeleteUsers: op("DELETE", "/restapi/v2/accounts/~/extensions", "heavy"),
} satisfies Record<string, Operation>;

export type OperationName = keyof typeof OPERATIONS;

/** The path with its `{parameters}` filled in, each one URL-encoded. */
export function fillPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`The path ${template} needs ${name}.`);
    return encodeURIComponent(String(value));
  });
}

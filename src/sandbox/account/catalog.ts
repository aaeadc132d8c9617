import type { RoleRecord } from "./model";

/**
 * What the platform defines for every account: the permission dictionary, the predefined roles and the secret
 * questions. Names follow RingCentral's; the role ids are the sandbox's own.
 */
export interface PermissionEntry {
  id: string;
  displayName: string;
  category: string;
  siteCompatible: "Compatible" | "Incompatible" | "Independent";
}

const permissionNames: readonly [string, string, PermissionEntry["siteCompatible"]][] = [
  ["ReadCompanyInfo", "Company", "Compatible"],
  ["EditCompanyInfo", "Company", "Incompatible"],
  ["ReadExtensions", "Users", "Compatible"],
  ["AddRemoveUsers", "Users", "Compatible"],
  ["EditUserInfo", "Users", "Compatible"],
  ["EditUserCredentials", "Users", "Compatible"],
  ["EditExtensionInfo", "Users", "Compatible"],
  ["Users", "Users", "Compatible"],
  ["ReadUserRoles", "Roles", "Independent"],
  ["EditUserRoles", "Roles", "Incompatible"],
  ["ReadAssignedRoles", "Roles", "Compatible"],
  ["EditAssignedRoles", "Roles", "Compatible"],
  ["Roles", "Roles", "Incompatible"],
  ["ReadCompanyPhoneNumbers", "Phone System", "Compatible"],
  ["EditCompanyPhoneNumbers", "Phone System", "Compatible"],
  ["ReadUserPhoneNumbers", "Phone System", "Compatible"],
  ["ReadUserDevices", "Phone System", "Compatible"],
  ["Sites", "Phone System", "Incompatible"],
  ["ReadBilling", "Billing", "Incompatible"],
  ["EditBilling", "Billing", "Incompatible"],
  ["ReadCallLog", "Call Log", "Compatible"],
  ["ReadMessages", "Messages", "Independent"],
  ["Meetings", "Meetings", "Independent"],
  ["InternationalCalling", "Calling", "Independent"],
  ["Voicemail", "Messages", "Independent"],
  ["SelfEditInfo", "Self", "Independent"],
];

export const permissionDictionary: readonly PermissionEntry[] = permissionNames.map(([id, category, siteCompatible]) => ({
  id,
  displayName: id.replace(/([a-z])([A-Z])/g, "$1 $2"),
  category,
  siteCompatible,
}));

const allPermissions = permissionDictionary.map((p) => p.id);
const selfPermissions = ["ReadCallLog", "ReadMessages", "Meetings", "Voicemail", "SelfEditInfo"];

const predefined: readonly [string, string, string[]][] = [
  ["1", "Super Admin", allPermissions],
  ["2", "Company Administrator", allPermissions.filter((p) => p !== "EditBilling")],
  [
    "3",
    "Phone System Administrator",
    [
      "ReadCompanyInfo",
      "ReadExtensions",
      "ReadCompanyPhoneNumbers",
      "EditCompanyPhoneNumbers",
      "ReadUserPhoneNumbers",
      "ReadUserDevices",
      "Sites",
      ...selfPermissions,
    ],
  ],
  [
    "4",
    "User Administrator",
    ["ReadExtensions", "AddRemoveUsers", "EditUserInfo", "EditUserCredentials", "ReadAssignedRoles", "Users", ...selfPermissions],
  ],
  ["5", "Billing Administrator", ["ReadCompanyInfo", "ReadBilling", "EditBilling", ...selfPermissions]],
  ["6", "Standard", selfPermissions],
  ["7", "Standard - International", [...selfPermissions, "InternationalCalling"]],
  ["8", "Department Manager", ["ReadExtensions", "ReadCallLog", ...selfPermissions]],
];

export const superAdminRoleId = "1";
export const standardRoleId = "6";

export function predefinedRoles(lastUpdated: string): RoleRecord[] {
  return predefined.map(([id, displayName, permissions]) => ({
    id,
    displayName,
    description: `${displayName} (predefined)`,
    custom: false,
    siteCompatible: id !== "5",
    scope: id === "6" || id === "7" ? "Self" : "Account",
    permissions,
    lastUpdated,
  }));
}

export const secretQuestions: readonly { id: string; questionText: string }[] = [
  { id: "1", questionText: "What was the name of your first pet?" },
  { id: "2", questionText: "What is the name of the street you grew up on?" },
  { id: "3", questionText: "What was the make of your first car?" },
  { id: "4", questionText: "What is your favourite book?" },
  { id: "5", questionText: "In what city were you born?" },
  { id: "6", questionText: "What was the name of your first school?" },
];

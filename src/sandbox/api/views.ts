import type CompanyPhoneNumberInfo from "@rc-ex/core/definitions/CompanyPhoneNumberInfo";
import type GetExtensionInfoResponse from "@rc-ex/core/definitions/GetExtensionInfoResponse";
import type GetExtensionListInfoResponse from "@rc-ex/core/definitions/GetExtensionListInfoResponse";
import type RoleResource from "@rc-ex/core/definitions/RoleResource";
import type Roles from "@rc-ex/core/definitions/Roles";
import type SiteInfo from "@rc-ex/core/definitions/SiteInfo";
import type UserPhoneNumberInfo from "@rc-ex/core/definitions/UserPhoneNumberInfo";
import type { Account, ExtensionRecord, PhoneNumberRecord, RoleRecord, SiteRecord } from "../account/model";

/**
 * How records look on the wire, typed by the generated definitions of the spec. The list record omits what the
 * spec's list model lacks (notably `setupWizardState`); credentials are never rendered.
 */
export function extensionListItem(account: Account, base: string, extension: ExtensionRecord): GetExtensionListInfoResponse {
  const item: GetExtensionListInfoResponse = {
    id: extension.id,
    uri: `${base}/extension/${extension.id}`,
    type: extension.type,
    status: extension.status,
    contact: { ...extension.contact },
    hidden: extension.hidden ?? false,
    site: siteReference(account, base, extension.siteId),
    roles: extension.roleIds.map((id) => assignedRole(account, base, id, extension)),
    permissions: {
      admin: { enabled: extension.roleIds.some((id) => isAdminRole(account.roles.get(id))) },
      internationalCalling: { enabled: false },
    },
    creationTime: extension.creationTime,
  };
  if (extension.extensionNumber !== undefined) item.extensionNumber = extension.extensionNumber;
  const name = displayName(extension);
  if (name) item.name = name;
  return item;
}

export function extensionInfo(account: Account, base: string, extension: ExtensionRecord): GetExtensionInfoResponse {
  const { status, type, ...rest } = extensionListItem(account, base, extension);
  const info: GetExtensionInfoResponse = {
    ...rest,
    ...(status ? { status } : {}),
    ...(type === "Unknown" ? {} : { type }),
    account: { id: String(account.id), uri: base },
    setupWizardState: extension.setupWizardState,
    regionalSettings: regionalSettings(account.sites.get(extension.siteId)?.businessAddress.country),
  };
  return info;
}

function displayName(extension: ExtensionRecord): string {
  return [extension.contact.firstName, extension.contact.lastName].filter(Boolean).join(" ");
}

function siteReference(account: Account, base: string, siteId: string): { id: string; uri: string; name: string; code?: string } {
  const site = account.sites.get(siteId);
  return { id: siteId, uri: `${base}/sites/${siteId}`, name: site?.name ?? "", ...(site?.code ? { code: site.code } : {}) };
}

function assignedRole(account: Account, base: string, roleId: string, extension: ExtensionRecord): Roles {
  const role = account.roles.get(roleId);
  return {
    id: roleId,
    uri: `${base}/user-role/${roleId}`,
    displayName: role?.displayName ?? "",
    autoAssigned: false,
    siteCompatible: role?.siteCompatible ?? true,
    siteRestricted: extension.siteId !== "main-site" && (role?.siteCompatible ?? false),
  };
}

function isAdminRole(role: RoleRecord | undefined): boolean {
  return role?.permissions.includes("AddRemoveUsers") ?? false;
}

const regional: Record<string, { country: [string, string, string]; timezone: [string, string]; language: [string, string] }> = {
  US: { country: ["1", "US", "United States"], timezone: ["58", "America/Los_Angeles"], language: ["1033", "en-US"] },
  CA: { country: ["39", "CA", "Canada"], timezone: ["61", "America/Toronto"], language: ["4105", "en-CA"] },
  GB: { country: ["224", "GB", "United Kingdom"], timezone: ["68", "Europe/London"], language: ["2057", "en-GB"] },
};

function regionalSettings(country: string | undefined): GetExtensionInfoResponse["regionalSettings"] {
  const r = regional[country ?? "US"] ?? (regional.US as (typeof regional)[string]);
  return {
    homeCountry: { id: r.country[0], isoCode: r.country[1], name: r.country[2] },
    timezone: { id: r.timezone[0], name: r.timezone[1] },
    language: { id: r.language[0], localeCode: r.language[1] },
    greetingLanguage: { id: r.language[0], localeCode: r.language[1] },
    formattingLocale: { id: r.language[0], localeCode: r.language[1] },
    timeFormat: "12h",
  };
}

export function siteInfo(base: string, site: SiteRecord): SiteInfo {
  const info: SiteInfo = {
    id: site.id,
    uri: `${base}/sites/${site.id}`,
    name: site.name,
    businessAddress: { ...site.businessAddress },
  };
  if (site.extensionNumber !== undefined) info.extensionNumber = site.extensionNumber;
  if (site.callerIdName !== undefined) info.callerIdName = site.callerIdName;
  if (site.email !== undefined) info.email = site.email;
  if (site.siteAccess !== undefined) info.siteAccess = site.siteAccess;
  if (site.code !== undefined) info.code = site.code;
  return info;
}

export function roleResource(base: string, role: RoleRecord): RoleResource {
  return {
    id: role.id,
    uri: `${base}/user-role/${role.id}`,
    displayName: role.displayName,
    description: role.description,
    custom: role.custom,
    siteCompatible: role.siteCompatible,
    scope: role.scope,
    hidden: false,
    lastUpdated: role.lastUpdated,
    permissions: role.permissions.map((id) => ({
      id,
      uri: `${base.replace(/\/account\/\d+$/, "")}/dictionary/permission/${id}`,
    })),
  };
}

export function companyPhoneNumber(account: Account, base: string, phone: PhoneNumberRecord): CompanyPhoneNumberInfo {
  const info: CompanyPhoneNumberInfo = {
    uri: `${base}/phone-number/${phone.id}`,
    id: phone.id,
    phoneNumber: phone.phoneNumber,
    usageType: phone.usageType,
    type: "VoiceFax",
    paymentType: "Local",
    status: "Normal",
    primary: phone.usageType === "MainCompanyNumber",
  };
  if (phone.location) info.location = phone.location;
  const extension = phone.extensionId !== undefined ? account.extensions.get(phone.extensionId) : undefined;
  if (extension) {
    info.extension = { id: extension.id, uri: `${base}/extension/${extension.id}`, name: displayName(extension) };
    if (extension.extensionNumber) info.extension.extensionNumber = extension.extensionNumber;
  }
  return info;
}

export function userPhoneNumber(account: Account, base: string, phone: PhoneNumberRecord): UserPhoneNumberInfo {
  const { extension, ...rest } = companyPhoneNumber(account, base, phone);
  const info: UserPhoneNumberInfo = {
    ...rest,
    uri: `${base}/extension/${phone.extensionId}/phone-number/${phone.id}`,
    features: ["CallerId", "SmsSender"],
  };
  if (extension)
    info.extension = {
      id: extension.id,
      uri: extension.uri,
      ...(extension.extensionNumber ? { extensionNumber: extension.extensionNumber } : {}),
    };
  if (phone.usageType !== "DirectNumber") delete info.features;
  return info;
}

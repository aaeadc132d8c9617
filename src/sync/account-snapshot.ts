import type CompanyPhoneNumberInfo from "@rc-ex/core/definitions/CompanyPhoneNumberInfo";
import type GetExtensionListInfoResponse from "@rc-ex/core/definitions/GetExtensionListInfoResponse";
import type RoleResource from "@rc-ex/core/definitions/RoleResource";
import type SiteInfo from "@rc-ex/core/definitions/SiteInfo";
import { parseE164 } from "../domain/phone";
import type { UnassignedLineRecord } from "../domain/records";
import { type AccountState, MAIN_SITE } from "../domain/workspace";
import type { RingCentralClient } from "../ringcentral/client";
import { LINE_OF_API_TYPE, productType } from "./api-mapping";

/**
 * Reads the account with the fewest calls: one paged extension list, one paged phone-number list, the sites and the
 * roles (a page of up to 1000 each).
 */
export async function fetchAccountState(client: RingCentralClient): Promise<AccountState> {
  const extensions = await client.listAll<GetExtensionListInfoResponse>("listExtensions", { query: { perPage: 1000 } });
  const numbers = await client.listAll<CompanyPhoneNumberInfo>("listAccountPhoneNumbers", { query: { perPage: 1000 } });
  const sites = await client.listAll<SiteInfo>("listSites");
  const roles = await client.listAll<RoleResource>("listUserRoles", { query: { perPage: 1000 } });
  return accountState({ extensions, numbers, sites, roles });
}

/** The account's secret questions, as the Secret Question column offers them (a Light call, on refresh only). */
export async function fetchSecretQuestions(client: RingCentralClient): Promise<string[]> {
  const list = await client.listAll<{ id: string; questionText?: string }>("listSecretQuestions");
  return list.map((q) => (q.questionText ?? "").trim()).filter(Boolean);
}

export function accountState(raw: {
  extensions: GetExtensionListInfoResponse[];
  numbers: CompanyPhoneNumberInfo[];
  sites: SiteInfo[];
  roles: RoleResource[];
}): AccountState {
  const phoneOf = new Map<string, string>();
  for (const number of raw.numbers)
    if (number.extension?.id && number.phoneNumber && (number.usageType ?? "DirectNumber") === "DirectNumber")
      phoneOf.set(String(number.extension.id), number.phoneNumber);
  const siteName = new Map(raw.sites.map((s) => [String(s.id), siteLabel(s)]));
  const users: AccountState["users"] = [];
  const lines: AccountState["lines"] = [];
  for (const extension of raw.extensions) {
    const id = String(extension.id);
    const phone = phoneOf.get(id) ?? "";
    if (extension.status === "Unassigned") {
      const lineType = LINE_OF_API_TYPE[extension.type ?? ""];
      if (lineType) lines.push(lineOf(id, lineType, phone));
    } else users.push(userOf(extension, phone, siteName));
  }
  return {
    users,
    lines,
    sites: raw.sites.map((s) => ({
      rcId: String(s.id),
      name: siteLabel(s),
      ext: s.extensionNumber ?? "",
      country: s.businessAddress?.country ?? "",
    })),
    roles: raw.roles.map((r) => ({
      rcId: String(r.id),
      name: r.displayName ?? "",
      custom: Boolean(r.custom),
      description: r.description ?? "",
      permissions: (r.permissions ?? []).map((p) => String(p.id)),
    })),
  };
}

/** The main site is "Main Site" in the workspace, whatever the company calls it. */
function siteLabel(site: SiteInfo): string {
  return String(site.id) === "main-site" ? MAIN_SITE : (site.name ?? String(site.id));
}

function userOf(
  extension: GetExtensionListInfoResponse,
  phone: string,
  siteName: Map<string, string>,
): AccountState["users"][number] {
  const contact = extension.contact ?? {};
  return {
    rcId: String(extension.id),
    ext: extension.extensionNumber ?? "",
    userType: productType(extension.type ?? ""),
    firstName: contact.firstName ?? "",
    lastName: contact.lastName ?? "",
    email: contact.email ?? "",
    site: extension.site?.id ? (siteName.get(String(extension.site.id)) ?? extension.site.name ?? "") : MAIN_SITE,
    status: extension.status ?? "",
    phone,
    dept: contact.department ?? "",
    role: extension.roles?.find((r) => !r.autoAssigned)?.displayName ?? extension.roles?.[0]?.displayName ?? "",
  };
}

function lineOf(id: string, lineType: UnassignedLineRecord["lineType"], phone: string): AccountState["lines"][number] {
  const parsed = phone ? parseE164(phone) : null;
  return { rcId: id, lineType, phone, country: parsed?.country ?? "", areaCode: parsed?.areaCode ?? "", plannedFor: "" };
}

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
  const siteLines = new SiteLineAreas();
  for (const extension of raw.extensions) {
    const id = String(extension.id);
    const phone = phoneOf.get(id) ?? "";
    if (extension.status === "Unassigned") {
      const lineType = LINE_OF_API_TYPE[extension.type ?? ""];
      if (!lineType) continue;
      const line = lineOf(id, lineType, phone);
      lines.push(line);
      siteLines.add(String(extension.site?.id ?? MAIN_SITE_ID), line.areaCode);
    } else users.push(userOf(extension, phone, siteName));
  }
  return {
    users,
    lines,
    sites: raw.sites.map((site) => {
      const id = String(site.id);
      const own = phoneOf.get(id);
      return siteOf(site, (own ? parseE164(own)?.areaCode : undefined) || siteLines.mostCommon(id));
    }),
    roles: raw.roles.map(roleOf),
  };
}

/** The main site's id in the API: an extension the list shows without a site belongs to it. */
const MAIN_SITE_ID = "main-site";

/** Area codes of the unassigned lines each site keeps, counted: where a site's numbers come from. */
class SiteLineAreas {
  private readonly counts = new Map<string, Map<string, number>>();

  add(siteId: string, areaCode: string): void {
    if (!areaCode) return;
    const counts = this.counts.get(siteId) ?? new Map<string, number>();
    counts.set(areaCode, (counts.get(areaCode) ?? 0) + 1);
    this.counts.set(siteId, counts);
  }

  mostCommon(siteId: string): string {
    const counts = [...(this.counts.get(siteId) ?? [])];
    return counts.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? "";
  }
}

/** A site as the account tabs hold it; `areaCode` is its own area (its number's, or its lines'), '' when unknown. */
export function siteOf(site: SiteInfo, areaCode = ""): AccountState["sites"][number] {
  return {
    rcId: String(site.id),
    name: siteLabel(site),
    ext: site.extensionNumber ?? "",
    country: site.businessAddress?.country ?? "",
    areaCode,
  };
}

export function roleOf(role: RoleResource): AccountState["roles"][number] {
  return {
    rcId: String(role.id),
    name: role.displayName ?? "",
    custom: Boolean(role.custom),
    description: role.description ?? "",
    permissions: (role.permissions ?? []).map((p) => String(p.id)),
  };
}

/** The main site is "Main Site" in the workspace, whatever the company calls it. */
function siteLabel(site: SiteInfo): string {
  return String(site.id) === MAIN_SITE_ID ? MAIN_SITE : (site.name ?? String(site.id));
}

/** What a user reads as, from the list or from a single extension's answer (the same fields). */
export function userOf(
  extension: Pick<GetExtensionListInfoResponse, "id" | "extensionNumber" | "type" | "contact" | "status" | "site" | "roles">,
  phone: string,
  siteName: ReadonlyMap<string, string>,
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

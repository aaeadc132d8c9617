import type GetAccountInfoResponse from "@rc-ex/core/definitions/GetAccountInfoResponse";
import { json, type Reply } from "../http/reply";
import type { AuthorizedRequest } from "./context";
import { accountUri } from "./request-parsing";

export function readAccountInfo(request: AuthorizedRequest): Reply {
  const { account, ownerId } = request.platform;
  const owner = account.extensions.get(ownerId);
  const body: GetAccountInfoResponse = {
    id: account.id,
    uri: accountUri(request),
    mainNumber: account.mainNumber,
    status: "Confirmed",
    setupWizardState: "Completed",
    federated: false,
    operator: {
      id: ownerId,
      uri: `${accountUri(request)}/extension/${ownerId}`,
      extensionNumber: owner?.extensionNumber ?? "101",
    },
    serviceInfo: {
      uri: `${accountUri(request)}/service-info`,
      brand: {
        id: "1210",
        name: "RingCentral",
        homeCountry: { id: "1", uri: `${request.baseUrl}/restapi/v1.0/dictionary/country/1` },
      },
      servicePlan: { id: "sandbox", name: "RingEX Ultra (sandbox)", edition: "Enterprise", freemiumProductType: "Freyja" },
      billingPlan: { id: "sandbox", name: "Monthly", durationUnit: "Month", duration: 1, type: "Regular" },
    },
    regionalSettings: {
      homeCountry: { id: "1", isoCode: "US", name: "United States" },
      timezone: { id: "58", name: "America/Los_Angeles" },
      language: { id: "1033", localeCode: "en-US" },
      greetingLanguage: { id: "1033", localeCode: "en-US" },
      formattingLocale: { id: "1033", localeCode: "en-US" },
      currency: { id: 1, code: "USD", name: "US Dollar", symbol: "$" },
      timeFormat: "12h",
    },
    limits: {
      freeSoftPhoneLinesPerExtension: 1,
      meetingSize: 100,
      maxMonitoredExtensionsPerUser: 100,
      maxExtensionNumberLength: 8,
      siteCodeLength: 0,
      shortExtensionNumberLength: 3,
    },
  };
  return json(body);
}

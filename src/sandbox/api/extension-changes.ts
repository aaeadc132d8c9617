import type { Account, ExtensionRecord } from "../account/model";
import {
  checkEmail,
  checkExtensionNumber,
  checkPassword,
  checkPin,
  checkSso,
  checkStatusChange,
  type RuleBreak,
} from "../account/rules";
import type { ExtensionCreation, ExtensionUpdate } from "./extension-schemas";

/**
 * Applying a PUT or POST body to an extension: the changed record, or the first platform rule it breaks. Nothing is
 * saved here; the caller saves the record only when no rule broke.
 */
export type Change = { ok: true; extension: ExtensionRecord } | { ok: false; broken: RuleBreak };

const broken = (rule: RuleBreak): Change => ({ ok: false, broken: rule });

export function applyUpdate(account: Account, before: ExtensionRecord, body: ExtensionUpdate): Change {
  const after: ExtensionRecord = structuredClone(before);
  if (body.password !== undefined) {
    const sso = checkSso(account, before.type);
    if (sso) return broken(sso);
  }
  if (body.type !== undefined && body.type !== before.type) {
    return broken({ errorCode: "CMN-101", message: "Extension type cannot be changed", parameterName: "type" });
  }
  if (before.status === "Unassigned") {
    // Leaving Unassigned is what turns a line into a user: it needs a number, and lands NotActivated unless asked.
    if (body.extensionNumber === undefined) {
      return broken({
        errorCode: "CMN-101",
        message: "Extension number is required to assign an unassigned extension",
        parameterName: "extensionNumber",
      });
    }
    after.status = body.status ?? "NotActivated";
    if (after.status !== "Enabled" && after.status !== "NotActivated") {
      return broken({
        errorCode: "CMN-101",
        message: "An unassigned extension can only become Enabled or NotActivated",
        parameterName: "status",
      });
    }
  } else if (body.status !== undefined) after.status = body.status;
  const fields = applyFields(account, after, body);
  if (fields) return broken(fields);
  const status = checkStatusChange(account, before, after);
  return status ? broken(status) : { ok: true, extension: after };
}

export function applyCreation(account: Account, id: number, body: ExtensionCreation, creationTime: string): Change {
  if (body.password !== undefined) {
    const sso = checkSso(account, body.type);
    if (sso) return broken(sso);
  }
  const userLike =
    body.type === "User" ||
    body.type === "VirtualUser" ||
    body.type === "Limited" ||
    body.type === "DigitalUser" ||
    body.type === "FlexibleUser";
  const status = body.status ?? (userLike ? "NotActivated" : "Enabled");
  const draft: ExtensionRecord = {
    id,
    type: body.type,
    status: "NotActivated",
    contact: {},
    siteId: "main-site",
    setupWizardState: "NotStarted",
    roleIds: [],
    creationTime,
  };
  // The spec: "If not specified, the password is auto-generated", so an Enabled user needs none in the body.
  if (status === "Enabled" && userLike && body.password === undefined && !account.sso)
    draft.password = `Auto#${id.toString(36)}x9`;
  const fields = applyFields(account, draft, {
    ...body,
    extensionNumber: body.extensionNumber ?? account.nextFreeExtensionNumber(),
    status: undefined,
  });
  if (fields) return broken(fields);
  const after = { ...draft, status };
  const statusRule = checkStatusChange(account, draft, after);
  return statusRule ? broken(statusRule) : { ok: true, extension: after };
}

function applyFields(account: Account, after: ExtensionRecord, body: ExtensionUpdate): RuleBreak | undefined {
  if (body.extensionNumber !== undefined) {
    const rule = checkExtensionNumber(account, body.extensionNumber, after.id);
    if (rule) return rule;
    after.extensionNumber = body.extensionNumber;
  }
  if (body.contact) {
    if (body.contact.email !== undefined) {
      const rule = checkEmail(account, body.contact.email, after.id);
      if (rule) return rule;
    }
    after.contact = { ...after.contact, ...withoutUndefined(body.contact) };
  }
  if (body.site) {
    if (!account.sites.has(body.site.id))
      return { errorCode: "CMN-102", message: `Site [${body.site.id}] is not found`, parameterName: "site.id" };
    after.siteId = body.site.id;
  }
  if (body.setupWizardState !== undefined) after.setupWizardState = body.setupWizardState;
  if (body.hidden !== undefined) after.hidden = body.hidden;
  if (body.ivrPin !== undefined) {
    const rule = checkPin(body.ivrPin, after.extensionNumber);
    if (rule) return rule;
    after.ivrPin = body.ivrPin;
  }
  if (body.password !== undefined) {
    const numbers = account.phoneNumbersOf(after.id).map((p) => p.phoneNumber);
    const rule = checkPassword(body.password, after, numbers);
    if (rule) return rule;
    after.password = body.password;
  }
  return undefined;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

import type CreateSiteRequest from "@rc-ex/core/definitions/CreateSiteRequest";
import type ExtensionCreationRequest from "@rc-ex/core/definitions/ExtensionCreationRequest";
import type ExtensionUpdateRequest from "@rc-ex/core/definitions/ExtensionUpdateRequest";
import type { SiteRecord, UserRecord } from "../domain/records";
import type { Settings } from "../domain/settings";
import { effectiveWizard, USER_TYPE_RULES, type UserType } from "../domain/user-type";
import { API_TYPE, WIZARD_TO_API } from "./api-mapping";
import type { SyncedField } from "./ledger";

/**
 * Request bodies from rows: pure, so each can be checked against the spec and read in a test. Credentials go in the
 * same call as the user (one call per user); a password is never sent when the account uses SSO (EXT-413).
 */

/** Names as the platform keeps them: first and last for users, one name for the other types. */
function contactOf(user: UserRecord) {
  const apiType = API_TYPE[user.userType as UserType];
  const personal = apiType === "User" || apiType === "VirtualUser";
  return {
    firstName: personal ? user.firstName : `${user.firstName} ${user.lastName}`.trim(),
    ...(personal ? { lastName: user.lastName } : {}),
    email: user.email,
    ...(user.dept ? { department: user.dept } : {}),
  };
}

function credentialsOf(user: UserRecord, settings: Settings) {
  const type = user.userType as UserType;
  const rule = USER_TYPE_RULES[type];
  const sendPassword = user.password && (!settings.sso || rule.password === "always");
  return {
    ...(user.pin && rule.pin !== "never" ? { ivrPin: user.pin } : {}),
    ...(sendPassword ? { password: user.password } : {}),
  };
}

function stateOf(user: UserRecord) {
  return WIZARD_TO_API[effectiveWizard(user.userType as UserType, user.setupWizard)];
}

/** Turning an unassigned extension into the row's user (User, Virtual User, Limited Extension). */
export function claimBody(user: UserRecord, siteId: string, settings: Settings): ExtensionUpdateRequest {
  return {
    extensionNumber: user.ext,
    contact: contactOf(user),
    site: { id: siteId },
    ...stateOf(user),
    ...credentialsOf(user, settings),
    transition: { sendWelcomeEmail: settings.welcomeEmails },
  } as ExtensionUpdateRequest;
}

/** A new extension for the types not made from a line (Message Only, Announcement Only). */
export function createBody(user: UserRecord, siteId: string, settings: Settings): ExtensionCreationRequest {
  return {
    type: API_TYPE[user.userType as UserType],
    extensionNumber: user.ext,
    contact: contactOf(user),
    site: { id: siteId },
    ...stateOf(user),
    ...credentialsOf(user, settings),
  } as ExtensionCreationRequest;
}

/** Only what changed, so an unchanged field is never rewritten over a value set elsewhere. */
export function updateBody(user: UserRecord, fields: readonly SyncedField[], siteId: string): ExtensionUpdateRequest {
  const body: ExtensionUpdateRequest = {};
  if (fields.includes("name") || fields.includes("email") || fields.includes("dept")) body.contact = contactOf(user);
  if (fields.includes("ext")) body.extensionNumber = user.ext;
  if (fields.includes("site")) body.site = { id: siteId };
  return body;
}

/**
 * The user's secret question needs its own call after the user is made: the platform takes it only from a user who
 * signs in (Setup Wizard Completed) on an account without SSO.
 */
export function needsSecretCall(user: UserRecord, settings: Settings): boolean {
  const type = user.userType as UserType;
  return Boolean(user.secretQuestion && !settings.sso && effectiveWizard(type, user.setupWizard) === "Completed");
}

/** The secret question and answer, which only the credentials call takes. */
export function secretBody(user: UserRecord, questionId: string) {
  return { secretQuestion: { id: questionId, answer: user.secretAnswer } };
}

export function siteBody(site: SiteRecord): CreateSiteRequest {
  return {
    name: site.name,
    ...(site.ext ? { extensionNumber: site.ext } : {}),
    ...(site.callerIdName ? { callerIdName: site.callerIdName } : {}),
    ...(site.email ? { email: site.email } : {}),
    businessAddress: {
      country: site.country,
      state: site.state,
      city: site.city,
      street: [site.street, site.street2].filter(Boolean).join(", "),
      zip: site.postalCode,
    },
  };
}

/** A custom role: the base role's permissions, plus the ids the row adds, minus those it takes away (`-Id`). */
export function rolePermissions(base: readonly string[], tokens: readonly string[]): { id: string }[] {
  const ids = new Set(base);
  for (const token of tokens) {
    if (token.startsWith("-")) ids.delete(token.slice(1));
    else ids.add(token.replace(/^\+/, ""));
  }
  return [...ids].map((id) => ({ id }));
}

import type { Account, ExtensionRecord, ExtensionStatus, ExtensionType } from "./model";

/**
 * The platform's rules for extensions, as values: each check answers the broken rule or nothing. The API layer turns
 * a broken rule into a 400.
 *
 * Decision (the sources give no code for duplicates or for PIN/password policy): every rule here answers `CMN-101`
 * and the client must act on `parameterName` (`extensionNumber`, `contact.email`, `ivrPin`, `password`, `status`),
 * never on the message. SSO is the one exception with a known code, `EXT-413`.
 */
export interface RuleBreak {
  errorCode: string;
  message: string;
  parameterName: string;
}

const invalid = (parameterName: string, message: string): RuleBreak => ({ errorCode: "CMN-101", message, parameterName });

export function checkExtensionNumber(account: Account, extensionNumber: string, selfId?: number | string): RuleBreak | undefined {
  if (!/^\d{1,8}$/.test(extensionNumber)) return invalid("extensionNumber", "Extension number must be 1 to 8 digits");
  const owner = account.numberOwner(extensionNumber);
  if (owner && owner.id !== selfId) {
    return invalid(
      "extensionNumber",
      `Extension number [${extensionNumber}] is already used by another ${owner.kind === "site" ? "site" : "extension"}`,
    );
  }
  return undefined;
}

export function checkEmail(account: Account, email: string, selfId?: number): RuleBreak | undefined {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) return invalid("contact.email", "Email is not valid");
  const owner = account.extensionByEmail(email);
  if (owner !== undefined && owner !== selfId)
    return invalid("contact.email", `Email [${email}] is already used by another extension`);
  return undefined;
}

/** PIN: 6–10 digits, no three sequential or repeating digits, not the extension number. */
export function checkPin(pin: string, extensionNumber: string | undefined): RuleBreak | undefined {
  if (!/^\d{6,10}$/.test(pin)) return invalid("ivrPin", "PIN must be 6 to 10 digits");
  if (hasRun(pin, 3)) return invalid("ivrPin", "PIN must not contain three sequential or repeating digits");
  if (extensionNumber !== undefined && pin === extensionNumber) return invalid("ivrPin", "PIN must not be the extension number");
  return undefined;
}

/**
 * Password (RingCentral KB): 8–32 characters; a letter and a digit; a special character (! @ # $ % ^ & * .) or an
 * uppercase letter; no runs of three repeating or four sequential characters; not the user's name (3+ letters) or
 * phone number.
 */
export function checkPassword(
  password: string,
  extension: ExtensionRecord,
  phoneNumbers: readonly string[],
): RuleBreak | undefined {
  if (password.length < 8 || password.length > 32) return invalid("password", "Password must be 8 to 32 characters");
  if (!/[a-z]/i.test(password) || !/\d/.test(password)) return invalid("password", "Password must contain a letter and a digit");
  if (!/[!@#$%^&*.]/.test(password) && !/[A-Z]/.test(password)) {
    return invalid("password", "Password must contain a special character or an uppercase letter");
  }
  if (hasRepeat(password, 3) || hasSequence(password.toLowerCase(), 4)) {
    return invalid("password", "Password must not contain repeating or sequential characters");
  }
  const lower = password.toLowerCase();
  const names = [extension.contact.firstName, extension.contact.lastName].flatMap((n) => (n ?? "").toLowerCase().split(/\s+/));
  if (names.some((name) => name.length >= 3 && lower.includes(name)))
    return invalid("password", "Password must not contain the user's name");
  const digits = password.replace(/\D/g, "");
  if (phoneNumbers.some((p) => digits.length >= 7 && p.replace(/\D/g, "").includes(digits))) {
    return invalid("password", "Password must not contain the phone number");
  }
  return undefined;
}

/**
 * With the account's SSO on, the platform refuses a password, except on a Limited extension: a common-area phone
 * does not sign in through the identity provider, and the product always sets its password (DOMAIN.md).
 */
export function checkSso(account: Account, type: string | undefined): RuleBreak | undefined {
  return account.sso && type !== "Limited"
    ? { errorCode: "EXT-413", message: "Credentials changing is not allowed", parameterName: "password" }
    : undefined;
}

/**
 * Status transitions: Enabled cannot go back to NotActivated; Unassigned cannot be set (only left); becoming Enabled
 * needs the credentials the type signs in with (a password, unless SSO is on; a PIN for Message Only).
 */
export function checkStatusChange(account: Account, before: ExtensionRecord, after: ExtensionRecord): RuleBreak | undefined {
  if (after.status === before.status) return undefined;
  if (after.status === "Unassigned") return invalid("status", "An extension cannot be made Unassigned");
  if (before.status === "Enabled" && after.status === "NotActivated") {
    return invalid("status", "An enabled extension cannot be set to NotActivated");
  }
  if (after.status === "Enabled") {
    const missing = missingCredential(account, after);
    if (missing) return invalid(missing, `Extension cannot be enabled without [${missing}]`);
  }
  return undefined;
}

function missingCredential(account: Account, extension: ExtensionRecord): string | undefined {
  if (needsPassword(extension.type) && !account.sso && !extension.password) return "password";
  if (extension.type === "Voicemail" && !extension.ivrPin) return "ivrPin";
  return undefined;
}

function needsPassword(type: ExtensionType): boolean {
  return type === "User" || type === "VirtualUser" || type === "Limited" || type === "DigitalUser" || type === "FlexibleUser";
}

/** Types whose line can come back as an unassigned extension. */
export function holdsLine(type: ExtensionType): boolean {
  return type === "User" || type === "VirtualUser" || type === "Limited";
}

export const updatableStatuses: readonly ExtensionStatus[] = ["Enabled", "Disabled", "Frozen", "NotActivated"];

function hasRepeat(text: string, length: number): boolean {
  for (let i = 0; i + length <= text.length; i++) {
    if ([...text.slice(i, i + length)].every((c) => c === text[i])) return true;
  }
  return false;
}

function hasSequence(text: string, length: number): boolean {
  for (let i = 0; i + length <= text.length; i++) {
    let up = true;
    let down = true;
    for (let j = 1; j < length; j++) {
      const step = text.charCodeAt(i + j) - text.charCodeAt(i + j - 1);
      if (step !== 1) up = false;
      if (step !== -1) down = false;
    }
    if ((up || down) && /^[a-z0-9]+$/.test(text.slice(i, i + length))) return true;
  }
  return false;
}

function hasRun(text: string, length: number): boolean {
  return hasRepeat(text, length) || hasSequence(text, length);
}

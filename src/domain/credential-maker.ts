/**
 * Temporary PINs and passwords that meet the platform's rules (validation/credentials.ts), for rows whose customer gave
 * none: a Message Only's PIN, a Limited Extension's password, a Completed user's. Drawn from the home's randomness,
 * a secure source in each home; the person hands them over and users change them at first login.
 */
import { parseE164 } from "./phone";
import type { UserRecord } from "./records";
import { effectiveWizard, isRequired, isUserType, USER_TYPE_RULES } from "./user-type";
import { passwordProblems, pinProblems } from "./validation/credentials";

/** A secure source of random numbers, given by the home (crypto in Node, Utilities.getUuid in Apps Script). */
export interface Randomness {
  /** A uniformly random integer from 0 to `below` - 1. */
  below(below: number): number;
}

export type Credential = "pin" | "password";

const PIN_DIGITS = 6;
const PASSWORD_LENGTH = 12;
// Letters and digits people do not misread when a PIN or password is read out or typed from a printout (no l/1, O/0).
const LOWER = "abcdefghijkmnpqrstuvwxyz";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";
const SPECIAL = "!@#$%&*";
// The rules refuse few draws (a run of three, the extension); this many tries make a refusal of all practically nil.
const TRIES = 200;

/** The credentials a row must have and lacks (required by its type, wizard state and SSO), none once synced. */
export function credentialsToMake(user: UserRecord, sso: boolean): Credential[] {
  if (user.rcId || !isUserType(user.userType)) return [];
  const rule = USER_TYPE_RULES[user.userType];
  const wizard = effectiveWizard(user.userType, user.setupWizard);
  const needs = (credential: Credential) =>
    !user[credential] && isRequired(credential === "pin" ? rule.pin : rule.password, wizard, sso);
  return (["pin", "password"] as const).filter(needs);
}

/** A credential for the row that passes every rule of the platform for it. */
export function makeCredential(credential: Credential, user: UserRecord, random: Randomness): string {
  const phone = parseE164(user.phone);
  for (let i = 0; i < TRIES; i++) {
    const made = credential === "pin" ? drawPin(random) : drawPassword(random);
    const problems =
      credential === "pin" ? pinProblems(made, { ext: user.ext, phone }) : passwordProblems(made, { ...user, phone });
    if (problems.length === 0) return made;
  }
  throw new Error(`No ${credential === "pin" ? "PIN" : "password"} passing the platform's rules was drawn.`);
}

function drawPin(random: Randomness): string {
  return Array.from({ length: PIN_DIGITS }, () => String(random.below(10))).join("");
}

/** One of each class the rules ask for, the rest from all of them, shuffled. */
function drawPassword(random: Randomness): string {
  const pick = (set: string) => set[random.below(set.length)] as string;
  const all = LOWER + UPPER + DIGITS + SPECIAL;
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SPECIAL)];
  while (chars.length < PASSWORD_LENGTH) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join("");
}

import { type Finding, findingsOf } from "../finding";
import { type PhoneNumber, parseE164, suggestE164 } from "../phone";
import type { AccountUserRecord, UserRecord } from "../records";
import type { Settings } from "../settings";
import {
  effectiveWizard,
  isRequired,
  isUserType,
  type Requirement,
  USER_TYPE_RULES,
  type UserType,
  type WizardState,
} from "../user-type";
import { passwordProblems, pinProblems } from "./credentials";

export interface UserRowContext {
  settings: Settings;
  /** The country of each site by name, for reading national phone numbers. */
  siteCountry: ReadonlyMap<string, string>;
  accountUsers: ReadonlyMap<string, AccountUserRecord>;
}

/** The rules of one Users row that need only that row (and the account's record of it). */
export function userRowFindings(user: UserRecord, context: UserRowContext): Finding[] {
  const at = findingsOf("users", user.row);
  const findings: Finding[] = [];
  const country = context.siteCountry.get(user.site) ?? context.settings.defaultCountry;
  const phone = user.phone ? checkPhone(user.phone, country, findings, at) : null;
  if (!isUserType(user.userType)) return findings;
  const wizard = effectiveWizard(user.userType, user.setupWizard);
  findings.push(...wizardFindings(user, user.userType, at));
  const credentials = { type: user.userType, wizard, sso: context.settings.sso, phone, synced: Boolean(user.rcId) };
  findings.push(...credentialFindings(user, credentials, at));
  findings.push(...questionFindings(user.secretQuestion, context.settings.secretQuestions, at));
  const synced = user.rcId ? context.accountUsers.get(user.rcId) : undefined;
  if (synced) findings.push(...transitionFindings(user, wizard, synced, at));
  return findings;
}

type At = ReturnType<typeof findingsOf>;

function checkPhone(text: string, country: string, findings: Finding[], at: At): PhoneNumber | null {
  const phone = parseE164(text);
  if (phone) return phone;
  const suggestion = suggestE164(text, country);
  const hint = suggestion ? ` Did you mean ${suggestion}?` : "";
  const finding = at("Phone #", "users.phone", `Phone # is not a valid E.164 number (+ country code, then the number).${hint}`);
  // Each row's own number: findings of this rule group by the rule, and each offers its own fix.
  findings.push(suggestion ? { ...finding, fix: { column: "Phone #", value: suggestion } } : finding);
  return null;
}

function wizardFindings(user: UserRecord, type: UserType, at: At): Finding[] {
  const forced = USER_TYPE_RULES[type].forcedWizard;
  if (!forced || user.setupWizard === "" || user.setupWizard === forced) return [];
  return [at("Setup Wizard", "users.wizard.forced", `A ${type} is always ${forced}: it will sync as ${forced}.`, "warning")];
}

interface CredentialContext {
  type: UserType;
  wizard: WizardState;
  sso: boolean;
  phone: PhoneNumber | null;
  /** The row has an RC Id: the account holds its credentials, and the sheet no longer does (cleared after sync). */
  synced: boolean;
}

function credentialFindings(user: UserRecord, context: CredentialContext, at: At): Finding[] {
  const rule = USER_TYPE_RULES[context.type];
  const findings: Finding[] = [];
  requirementFindings(findings, "PIN", user.pin, rule.pin, context, at);
  requirementFindings(findings, "Password", user.password, rule.password, context, at);
  requirementFindings(findings, "Secret Question", user.secretQuestion, rule.secret, context, at);
  requirementFindings(findings, "Secret Answer", user.secretAnswer, rule.secret, context, at);
  if (user.pin && rule.pin !== "never")
    for (const problem of pinProblems(user.pin, { ext: user.ext, phone: context.phone }))
      findings.push(at("PIN", "users.pin.rules", problem));
  if (user.password && context.sso && rule.password !== "always")
    findings.push(at("Password", "users.password.sso", "The account uses SSO, which refuses passwords: clear the Password."));
  else if (user.password)
    for (const problem of passwordProblems(user.password, {
      firstName: user.firstName,
      lastName: user.lastName,
      phone: context.phone,
    }))
      findings.push(at("Password", "users.password.rules", problem));
  // A synced row keeps its question after the sync cleared the answer (the account holds it): that pair is whole.
  const answerHeldByAccount = context.synced && user.secretQuestion && !user.secretAnswer;
  if (Boolean(user.secretQuestion) !== Boolean(user.secretAnswer) && !answerHeldByAccount)
    findings.push(
      at(
        user.secretQuestion ? "Secret Answer" : "Secret Question",
        "users.secret.pair",
        "Secret Question and Secret Answer go together: give both or neither.",
      ),
    );
  return findings;
}

/** The Secret Question is one of the account's (the list a refresh read); before a refresh, any text is taken. */
function questionFindings(question: string, known: readonly string[], at: At): Finding[] {
  if (!question || known.length === 0) return [];
  const wanted = question.trim().toLowerCase();
  if (known.some((q) => q.toLowerCase() === wanted)) return [];
  return [
    at(
      "Secret Question",
      "users.secret.question",
      `"${question}" is not one of the account's secret questions: choose one from the dropdown (${known.length} listed after the last refresh).`,
    ),
  ];
}

/** Adds to `findings` (run for four columns of every row: no arrays made to be spread). */
function requirementFindings(
  findings: Finding[],
  column: string,
  value: string,
  requirement: Requirement,
  context: CredentialContext,
  at: At,
): void {
  if (requirement === "never" && value)
    findings.push(at(column, "users.credentials.never", `A ${context.type} never has a ${column}: clear it.`));
  else if (!value && !context.synced && isRequired(requirement, context.wizard, context.sso))
    findings.push(
      at(column, "users.credentials.required", `${column} is required for ${requirementReason(requirement, context)}.`),
    );
}

function requirementReason(requirement: Requirement, context: CredentialContext): string {
  const a = `a ${context.type}`;
  if (requirement === "always") return `${a}, whatever the Setup Wizard and SSO say`;
  if (requirement === "completed" && context.sso) return `${a} whose Setup Wizard is Completed, even with SSO`;
  return `${a} whose Setup Wizard is Completed`;
}

/** Once synced, Enabled never goes back to Not Activated, and Not Activated is not made Enabled by this tool. */
function transitionFindings(user: UserRecord, wizard: WizardState, synced: AccountUserRecord, at: At): Finding[] {
  const findings: Finding[] = [];
  if (synced.userType && synced.userType !== user.userType)
    findings.push(
      at(
        "User Type",
        "users.type.synced",
        `This user was synced as ${synced.userType}; the type cannot change after a sync. Delete and recreate it instead.`,
      ),
    );
  if (synced.status === "Enabled" && wizard === "Not Started")
    findings.push(
      at(
        "Setup Wizard",
        "users.status.enabled",
        "This user was synced Enabled and cannot go back to Not Activated: set Setup Wizard to Completed.",
      ),
    );
  if (synced.status === "NotActivated" && wizard === "Completed")
    findings.push(
      at(
        "Setup Wizard",
        "users.status.notActivated",
        "This user was synced Not Activated and this tool cannot make it Enabled (the user activates from the welcome email): set Setup Wizard back to Not Started.",
      ),
    );
  return findings;
}

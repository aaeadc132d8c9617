/**
 * The five user types and what each demands. One table, so that a rule learnt on a real account changes one line.
 */

export const USER_TYPES = ["User", "Virtual User", "Limited Extension", "Message Only", "Announcement Only"] as const;
export type UserType = (typeof USER_TYPES)[number];

export const WIZARD_STATES = ["Not Started", "Completed"] as const;
export type WizardState = (typeof WIZARD_STATES)[number];

/** The kinds of unassigned extension (purchased line) the account holds. */
export const LINE_TYPES = ["User", "Virtual User", "Limited"] as const;
export type LineType = (typeof LINE_TYPES)[number];

/**
 * When a credential is required: always; never (given is an error); when the wizard is Completed; when Completed
 * and the account does not use SSO; or optional (checked when given, never demanded).
 */
export type Requirement = "always" | "never" | "completed" | "completedWithoutSso" | "optional";

export interface UserTypeRule {
  /** The unassigned extension type it is created from, or null when it is created new. */
  line: LineType | null;
  /** A wizard state the type always has, whatever the row says. */
  forcedWizard: WizardState | null;
  pin: Requirement;
  password: Requirement;
  secret: Requirement;
}

export const USER_TYPE_RULES: Record<UserType, UserTypeRule> = {
  User: { line: "User", forcedWizard: null, pin: "completed", password: "completedWithoutSso", secret: "completedWithoutSso" },
  "Virtual User": {
    line: "Virtual User",
    forcedWizard: null,
    pin: "completed",
    password: "completedWithoutSso",
    secret: "completedWithoutSso",
  },
  "Limited Extension": { line: "Limited", forcedWizard: "Completed", pin: "never", password: "always", secret: "optional" },
  "Message Only": {
    line: null,
    forcedWizard: null,
    pin: "always",
    password: "completedWithoutSso",
    secret: "completedWithoutSso",
  },
  "Announcement Only": {
    line: null,
    forcedWizard: null,
    pin: "optional",
    password: "completedWithoutSso",
    secret: "completedWithoutSso",
  },
};

export function isUserType(value: string): value is UserType {
  return (USER_TYPES as readonly string[]).includes(value);
}

export function isWizardState(value: string): value is WizardState {
  return (WIZARD_STATES as readonly string[]).includes(value);
}

/**
 * What the Setup Wizard cell of a row should be changed to so that the sheet shows what the sync uses: the type's
 * forced state (Completed for a Limited Extension) where the cell says otherwise; null when it needs no change.
 */
export function wizardCorrection(type: string, written: string): WizardState | null {
  if (!isUserType(type)) return null;
  const forced = USER_TYPE_RULES[type].forcedWizard;
  return forced && written !== forced ? forced : null;
}

/** The wizard state a row will be synced with: the type's forced state, the row's own, or Not Started when blank. */
export function effectiveWizard(type: UserType, written: string): WizardState {
  const forced = USER_TYPE_RULES[type].forcedWizard;
  if (forced) return forced;
  return isWizardState(written) ? written : "Not Started";
}

export function isRequired(requirement: Requirement, wizard: WizardState, sso: boolean): boolean {
  switch (requirement) {
    case "always":
      return true;
    case "completed":
      return wizard === "Completed";
    case "completedWithoutSso":
      return wizard === "Completed" && !sso;
    default:
      return false;
  }
}

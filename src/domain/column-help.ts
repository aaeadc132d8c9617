import { USERS_TAB } from "./tabs";
import { type Requirement, USER_TYPE_RULES, USER_TYPES, WIZARD_STATES } from "./user-type";
import { USER_STATUSES } from "./validation/field-rules";

type UsersKey = (typeof USERS_TAB.columns)[number]["key"];

/** What the help says about one Users column: its meaning, which types require it and when, the values it takes. */
export interface ColumnHelp {
  key: UsersKey;
  header: string;
  /** Required on every row (marked * in the template and the import). */
  required: boolean;
  meaning: string;
  /** Per user type, when it is required ("always", "when Setup Wizard is Completed", …), for the credentials. */
  requiredBy: { userType: string; when: string }[];
  allowed: string;
}

const MEANING: Record<UsersKey, [meaning: string, allowed: string]> = {
  userType: ["The kind of extension.", `One of ${USER_TYPES.join(", ")} (import also takes Voicemail, Limited, …).`],
  firstName: ["The user's first name.", "Text, at most 64 characters."],
  lastName: ["The user's last name.", "Text, at most 64 characters."],
  email: [
    "The user's email: the login, and how import matches rows.",
    "An email address, unique in the workspace and the account.",
  ],
  ext: ["The extension number.", "Digits, kept as text (leading zeros count), unique in the workspace and the account."],
  phone: ["The user's own number, when it is ported in.", "E.164: + country code and number, such as +16505550100."],
  tempNumber: [
    "The number of the line the user was created from, used while the real number is ported. Written by the sync.",
    "Written by the add-in; do not type over it.",
  ],
  site: ["The site the user belongs to.", "A site of the Sites tab, an account site, or Main Site."],
  dept: ["The user's department.", "Text, at most 64 characters."],
  setupWizard: [
    "Whether the user sees the setup wizard at first login. Completed creates the user Enabled and needs credentials; Not Started creates it Not Activated.",
    `${WIZARD_STATES.join(" or ")}; Limited Extension is always Completed.`,
  ],
  pin: ["The voicemail PIN.", "6 to 10 digits, no run of 3 sequential or repeated digits, not the extension or phone number."],
  password: [
    "The user's password.",
    "8 to 32 characters, a letter and a digit, an uppercase letter or one of ! @ # $ % ^ & * . ; no run of 3; not the name or phone number.",
  ],
  secretQuestion: [
    "The question for account recovery.",
    "One of the account's secret questions (the dropdown, after a refresh).",
  ],
  secretAnswer: ["The answer to the secret question. Cleared from the sheet once the account holds it.", "Text."],
  role: ["The role the sync assigns to the user.", "A role of the Roles tab (predefined or custom)."],
  tags: ["Labels to filter rows by.", "Key:Value pairs of the Tags tab, separated by ;"],
  status: [
    "Where the row stands. Pending Delete deletes the user at the next sync.",
    `${USER_STATUSES.join(", ")}; written by the add-in except Pending Delete (or use Delete on the Users panel).`,
  ],
  rcId: ["The user's id in the account. Written by the sync.", "Written by the add-in; do not type over it."],
  syncedAt: ["When the row was last synced. Written by the sync.", "Written by the add-in."],
  message: ["What the last sync said about the row. Written by the sync.", "Written by the add-in."],
};

const CREDENTIAL: Partial<Record<UsersKey, "pin" | "password" | "secret">> = {
  pin: "pin",
  password: "password",
  secretQuestion: "secret",
  secretAnswer: "secret",
};

const WHEN: Record<Requirement, string> = {
  always: "always",
  never: "never (a value given is an error)",
  completed: "when Setup Wizard is Completed",
  completedWithoutSso: "when Setup Wizard is Completed and the account does not use SSO",
  optional: "optional",
};

/** The help of every Users column, in the tab's order. */
export function usersColumnHelp(): ColumnHelp[] {
  return USERS_TAB.columns.map((column) => {
    const [meaning, allowed] = MEANING[column.key];
    const credential = CREDENTIAL[column.key];
    return {
      key: column.key,
      header: column.header,
      required: Boolean(column.required),
      meaning,
      requiredBy: credential ? USER_TYPES.map((t) => ({ userType: t, when: WHEN[USER_TYPE_RULES[t][credential]] })) : [],
      allowed,
    };
  });
}

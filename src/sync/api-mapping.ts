import type { LineType, UserType } from "../domain/user-type";

/**
 * How the product's words map to the platform's (API.md, "Decisions this project takes"). One table each, so that a
 * finding on a real account changes one line.
 */

/** Product user type → the extension type the platform uses. */
export const API_TYPE: Record<UserType, string> = {
  User: "User",
  "Virtual User": "VirtualUser",
  "Limited Extension": "Limited",
  "Message Only": "Voicemail",
  "Announcement Only": "Announcement",
};

/** The platform's extension types back to product words; types the product does not make keep their API name. */
export function productType(apiType: string): string {
  const found = (Object.keys(API_TYPE) as UserType[]).find((type) => API_TYPE[type] === apiType);
  return found ?? apiType;
}

/** The unassigned extension types that are lines, and the product's name for each. */
export const LINE_OF_API_TYPE: Record<string, LineType> = { User: "User", VirtualUser: "Virtual User", Limited: "Limited" };

/** Product wizard state → the platform's status and setupWizardState when a user is created. */
export const WIZARD_TO_API = {
  "Not Started": { status: "NotActivated", setupWizardState: "NotStarted" },
  Completed: { status: "Enabled", setupWizardState: "Completed" },
} as const;

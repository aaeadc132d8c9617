import { locateTabs } from "../workbook/tab-location";
import type { Home } from "./home";

/** A sheet protection that refuses the person running the add-in. */
export interface TabRefusal {
  sheet: string;
  /** A warning-only protection refuses only a person who cannot edit the spreadsheet at all (a viewer). */
  warningOnly: boolean;
  /** True for a protection the add-in made (an earlier version made them strict: only the owner and whoever set up). */
  ours: boolean;
}

/**
 * Where a home has people with different rights on one spreadsheet (Apps Script): the sheet protections that refuse
 * the person running the add-in now.
 */
export interface TabAccess {
  refusals(): TabRefusal[];
}

/** The add-in's tabs cannot be written by this person: nothing was changed, and the message says who can help. */
export class TabAccessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TabAccessError";
  }
}

/**
 * Before a set-up, an import or a sync writes anything: throws TabAccessError when a protection would refuse one of
 * the add-in's tabs to this person, so that nothing is half-written and the person reads what to ask for rather than
 * Sheets' "You are trying to edit a protected cell or object".
 */
export function ensureTabAccess(home: Home): void {
  const refusals = home.tabAccess?.refusals() ?? [];
  if (refusals.length === 0) return;
  if (refusals.some((refusal) => refusal.warningOnly))
    throw new TabAccessError("You can only view this spreadsheet: ask its owner to make you an editor, then try again.");
  const tabs = new Set(locateTabs(home.workbook).values());
  const blocking = refusals.filter((refusal) => tabs.has(refusal.sheet));
  const ours = blocking.filter((refusal) => refusal.ours).map((refusal) => refusal.sheet);
  const theirs = blocking.filter((refusal) => !refusal.ours).map((refusal) => refusal.sheet);
  if (ours.length > 0)
    throw new TabAccessError(
      `${listed(ours)} ${ours.length === 1 ? "is" : "are"} protected so that only the spreadsheet's owner and the person ` +
        "who set it up can change them (an earlier version of the add-in did that). Ask one of them to run Set up " +
        "workspace once: it lets every editor of the spreadsheet sync, and still asks anyone typing there to confirm.",
    );
  if (theirs.length > 0)
    throw new TabAccessError(
      `${listed(theirs)} ${theirs.length === 1 ? "has" : "have"} a protection someone put on ${theirs.length === 1 ? "it" : "them"}, ` +
        "and you are not among its editors: ask the person who protected it (Data ▸ Protect sheets and ranges) to add " +
        "you or to remove the protection: the add-in writes there.",
    );
}

function listed(sheets: string[]): string {
  const names = sheets.map((sheet) => `"${sheet}"`);
  return names.length === 1 ? (names[0] as string) : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

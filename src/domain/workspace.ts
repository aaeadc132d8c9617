import type {
  AccountSiteRecord,
  AccountUserRecord,
  LocationRecord,
  RoleRecord,
  SiteRecord,
  TagRecord,
  UnassignedLineRecord,
  UserRecord,
} from "./records";
import type { Settings } from "./settings";

/** What the account held when its tabs were last refreshed. */
export interface AccountSnapshot {
  users: AccountUserRecord[];
  sites: AccountSiteRecord[];
  lines: UnassignedLineRecord[];
  /**
   * The account's roles with their permissions: known only when the account was just read from RingCentral (the
   * tabs do not hold permissions), so a plan made from the tabs alone plans no role updates.
   */
  roles?: AccountRole[];
}

/** The whole workspace as records: what every rule reads. */
export interface Workspace {
  users: UserRecord[];
  sites: SiteRecord[];
  roles: RoleRecord[];
  tags: TagRecord[];
  locations: LocationRecord[];
  settings: Settings;
  account: AccountSnapshot;
}

/** The account's main site: every account has one, even before the snapshot is refreshed. */
export const MAIN_SITE = "Main Site";

/** An account role: predefined rows of the Roles tab come from these, and custom ones get their RC Id. */
export interface AccountRole {
  rcId: string;
  name: string;
  custom: boolean;
  description: string;
  /** Permission ids the role holds. */
  permissions: string[];
}

/** The account as the account tabs show it. */
export interface AccountState {
  users: Omit<AccountUserRecord, "row">[];
  sites: Omit<AccountSiteRecord, "row">[];
  lines: Omit<UnassignedLineRecord, "row">[];
  roles: AccountRole[];
}

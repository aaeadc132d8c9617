import {
  type AccountSiteRecord,
  type AccountUserRecord,
  blankRecord,
  type LocationRecord,
  type RoleRecord,
  type SiteRecord,
  type TagRecord,
  type UnassignedLineRecord,
  type UserRecord,
} from "../../src/domain/records";
import { DEFAULT_SETTINGS, type Settings } from "../../src/domain/settings";
import {
  ACCOUNT_SITES_TAB,
  ACCOUNT_USERS_TAB,
  LOCATIONS_TAB,
  ROLES_TAB,
  SITES_TAB,
  TAGS_TAB,
  UNASSIGNED_LINES_TAB,
  USERS_TAB,
} from "../../src/domain/tabs";
import type { Workspace } from "../../src/domain/workspace";

/** A User that passes every rule: Completed, with every credential its type needs. */
export function user(overrides: Partial<UserRecord> = {}, row = 2): UserRecord {
  return {
    ...blankRecord(USERS_TAB, row),
    userType: "User",
    firstName: "Ann",
    lastName: "Lee",
    email: `ann.lee.${row}@example.com`,
    ext: String(1000 + row),
    site: "San Mateo",
    setupWizard: "Completed",
    pin: "274916",
    password: "Blue42horse!",
    secretQuestion: "What was your first pet's name?",
    secretAnswer: "Rex the dog",
    role: "Standard",
    ...overrides,
  };
}

export function site(overrides: Partial<SiteRecord> = {}, row = 2): SiteRecord {
  return {
    ...blankRecord(SITES_TAB, row),
    name: "San Mateo",
    country: "US",
    state: "CA",
    city: "San Mateo",
    street: "20 Davis Dr",
    postalCode: "94402",
    ...overrides,
  };
}

export function role(overrides: Partial<RoleRecord> = {}, row = 2): RoleRecord {
  return { ...blankRecord(ROLES_TAB, row), name: "Standard", kind: "Predefined", rcId: "1", ...overrides };
}

export function tag(overrides: Partial<TagRecord> = {}, row = 2): TagRecord {
  return { ...blankRecord(TAGS_TAB, row), key: "Dept", value: "Sales", ...overrides };
}

export function location(overrides: Partial<LocationRecord> = {}, row = 2): LocationRecord {
  return { ...blankRecord(LOCATIONS_TAB, row), ...overrides };
}

export function accountUser(overrides: Partial<AccountUserRecord> = {}, row = 2): AccountUserRecord {
  return { ...blankRecord(ACCOUNT_USERS_TAB, row), ...overrides };
}

export function accountSite(overrides: Partial<AccountSiteRecord> = {}, row = 2): AccountSiteRecord {
  return { ...blankRecord(ACCOUNT_SITES_TAB, row), ...overrides };
}

export function line(overrides: Partial<UnassignedLineRecord> = {}, row = 2): UnassignedLineRecord {
  return { ...blankRecord(UNASSIGNED_LINES_TAB, row), lineType: "User", country: "US", areaCode: "650", ...overrides };
}

/** Rows numbered from 2 in the order given. */
export function rows<T extends { row: number }>(records: T[]): T[] {
  return records.map((r, i) => ({ ...r, row: i + 2 }));
}

export interface WorkspaceParts extends Partial<Omit<Workspace, "settings" | "account">> {
  settings?: Partial<Settings>;
  account?: Partial<Workspace["account"]>;
}

/** A workspace with one site, the Standard role and the Dept:Sales tag, refreshed, with plenty of US 650 lines. */
export function workspace(parts: WorkspaceParts = {}): Workspace {
  return {
    users: parts.users ?? [],
    sites: parts.sites ?? [site()],
    roles: parts.roles ?? [role()],
    tags: parts.tags ?? [tag()],
    locations: parts.locations ?? [],
    settings: { ...DEFAULT_SETTINGS, accountRefreshedAt: "2026-11-26T09:00:00Z", ...parts.settings },
    account: {
      users: parts.account?.users ?? [],
      sites: parts.account?.sites ?? [],
      lines: parts.account?.lines ?? pool(),
      ...(parts.account?.roles ? { roles: parts.account.roles } : {}),
    },
  };
}

/** 10 User, 5 Virtual User and 5 Limited lines, all US 650. */
export function pool(): UnassignedLineRecord[] {
  const types = [...Array(10).fill("User"), ...Array(5).fill("Virtual User"), ...Array(5).fill("Limited")] as string[];
  return rows(
    types.map((lineType, i) => line({ rcId: String(700 + i), lineType, phone: `+1650555${String(100 + i).padStart(4, "0")}` })),
  );
}

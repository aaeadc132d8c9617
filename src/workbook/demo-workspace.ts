import { SETTING_NAMES } from "../domain/settings";
import {
  ACCOUNT_SITES_TAB,
  ACCOUNT_USERS_TAB,
  LOCATIONS_TAB,
  ROLES_TAB,
  SITES_TAB,
  TAGS_TAB,
  type TabDef,
  UNASSIGNED_LINES_TAB,
  USERS_TAB,
} from "../domain/tabs";
import { USER_TYPES, type UserType } from "../domain/user-type";
import { writeSetting } from "./account-tabs";
import type { Workbook } from "./port";
import { setUpWorkspace } from "./setup";
import { locateTabs } from "./tab-location";
import { appendRows } from "./table-replace";

export interface DemoOptions {
  users: number;
  /** Share of users rows with a mistake validation must catch (0..1). */
  errorRate: number;
  seed: number;
}

const FIRST = ["Ann", "Bob", "Chloé", "Dev", "Eva", "Femi", "Gus", "Hana", "Ivo", "June", "Kai", "Lena", "Milo", "Nora"];
const LAST = ["Lee", "Okafor", "Martin", "Nguyen", "Schmidt", "Rossi", "Kowalski", "Tanaka", "Silva", "Moreau"];
const SITES = [
  { name: "San Mateo", country: "US", state: "CA", city: "San Mateo", street: "20 Davis Dr", postalCode: "94402", area: "650" },
  { name: "Toronto", country: "CA", state: "ON", city: "Toronto", street: "1 Front St W", postalCode: "M5J 2X5", area: "416" },
  { name: "London", country: "GB", state: "London", city: "London", street: "1 Poultry", postalCode: "EC2R 8EJ", area: "20" },
];
const PHONE: Record<string, (n: number) => string> = {
  US: (n) => `+1650${String(2000000 + n).slice(-7)}`,
  CA: (n) => `+1416${String(2000000 + n).slice(-7)}`,
  GB: (n) => `+4420${String(70000000 + n).slice(-8)}`,
};

/**
 * A workspace that looks like a real customer's: three sites, roles, tags, locations, users of every type with the
 * credentials their type needs, an account snapshot with enough lines, and a share of rows with mistakes.
 * Deterministic for a seed: the demo, the benchmark and the tests build the same workspace.
 */
export function writeDemoWorkspace(workbook: Workbook, options: DemoOptions): void {
  setUpWorkspace(workbook);
  const random = seeded(options.seed);
  const write = <K extends string>(tab: TabDef<K>, rows: Partial<Record<K, string>>[]) => writeRows(workbook, tab, rows);
  write(
    SITES_TAB,
    SITES.map((s) => ({
      name: s.name,
      ext: "",
      country: s.country,
      state: s.state,
      city: s.city,
      street: s.street,
      postalCode: s.postalCode,
    })),
  );
  write(ROLES_TAB, [
    { name: "Standard", kind: "Predefined", rcId: "1", description: "Standard user" },
    { name: "Super Admin", kind: "Predefined", rcId: "2", description: "Everything" },
    { name: "Front Desk", kind: "Custom", basedOn: "Standard", permissions: "ReadCallLog;-Meetings" },
  ]);
  write(TAGS_TAB, [
    { key: "Dept", value: "Sales", color: "#4285F4" },
    { key: "Dept", value: "Support", color: "#0F9D58" },
    { key: "Wave", value: "1", color: "#F4B400" },
  ]);
  const users = Array.from({ length: options.users }, (_, i) => demoUser(i, random, options.errorRate));
  write(USERS_TAB, users);
  write(
    LOCATIONS_TAB,
    users.filter((_, i) => i % 30 === 3).map((u) => ({ email: u.email, country: "US", city: "San Mateo", areaCode: "650" })),
  );
  write(ACCOUNT_SITES_TAB, [{ rcId: "main-site", name: "Main Site", ext: "100", country: "US" }]);
  write(ACCOUNT_USERS_TAB, [
    {
      rcId: "900001",
      ext: "101",
      userType: "User",
      firstName: "Admin",
      lastName: "Owner",
      email: "owner@example.com",
      site: "Main Site",
      status: "Enabled",
    },
  ]);
  write(UNASSIGNED_LINES_TAB, demoLines(options.users));
  writeSetting(workbook, SETTING_NAMES.accountRefreshedAt, "2026-11-26T09:00:00.000Z");
}

function demoUser(
  i: number,
  random: () => number,
  errorRate: number,
): Partial<Record<(typeof USERS_TAB.columns)[number]["key"], string>> {
  const type = USER_TYPES[i % 10 < 6 ? 0 : i % 10 < 7 ? 1 : i % 10 < 8 ? 2 : i % 10 < 9 ? 3 : 4] as UserType;
  const site = SITES[i % SITES.length] as (typeof SITES)[number];
  const first = FIRST[i % FIRST.length] as string;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length] as string;
  const completed = type === "Limited Extension" || i % 3 === 0;
  const user = {
    userType: type,
    firstName: first,
    lastName: last,
    email: `${first.toLowerCase().replace("é", "e")}.${last.toLowerCase()}.${i}@example.com`,
    ext: String(3000 + i),
    phone: i % 3 === 0 ? (PHONE[site.country] as (n: number) => string)(i) : "",
    site: site.name,
    dept: i % 2 ? "Sales" : "Support",
    setupWizard: type === "Limited Extension" ? "Completed" : completed ? "Completed" : "Not Started",
    pin: (completed && type !== "Limited Extension" && type !== "Announcement Only") || type === "Message Only" ? pinFor(i) : "",
    password: completed ? `Blue${(i % 90) + 10}horse!` : "",
    secretQuestion: completed && type !== "Limited Extension" ? "What was the name of your first pet?" : "",
    secretAnswer: completed && type !== "Limited Extension" ? "Rex the dog" : "",
    role: i % 25 === 0 ? "Front Desk" : "Standard",
    tags: i % 2 ? "Dept:Sales" : "Dept:Support;Wave:1",
    status: "New",
  };
  return random() < errorRate ? withMistake(user, i) : user;
}

/** A six-digit PIN with no run of three: digits stepping by 2 or more. */
function pinFor(i: number): string {
  const base = [2, 7, 4, 9, 1, 6];
  return base.map((d, k) => String((d + ((i >> k) & 1) * 5) % 10)).join("");
}

function withMistake<T extends Record<string, string>>(user: T, i: number): T {
  const mistakes: Partial<Record<string, string>>[] = [
    { email: "not-an-email" },
    { ext: "12" },
    { pin: "123456" },
    { site: "Atlantis" },
    { tags: "dept:sales" },
    { phone: "6505550100" },
    { firstName: "" },
  ];
  return { ...user, ...mistakes[i % mistakes.length] };
}

function demoLines(users: number): Partial<Record<(typeof UNASSIGNED_LINES_TAB.columns)[number]["key"], string>>[] {
  const lines = [];
  const perKind = Math.ceil(users * 0.7) + 10;
  for (let n = 0; n < perKind; n++) {
    const site = SITES[n % SITES.length] as (typeof SITES)[number];
    const lineType = n % 10 < 8 ? "User" : n % 10 < 9 ? "Virtual User" : "Limited";
    lines.push({
      rcId: String(700000 + n),
      lineType,
      phone: (PHONE[site.country] as (n: number) => string)(500000 + n),
      country: site.country,
      areaCode: site.area,
    });
  }
  return lines;
}

function writeRows<K extends string>(workbook: Workbook, tab: TabDef<K>, rows: Partial<Record<K, string>>[]): void {
  appendRows(workbook, locateTabs(workbook).get(tab.id) as string, tab, rows);
}

/** mulberry32: a small seeded PRNG, so demo data is the same on every machine. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

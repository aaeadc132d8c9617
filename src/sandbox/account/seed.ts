import { SeededRandom } from "../seeded-random";
import { predefinedRoles, standardRoleId, superAdminRoleId } from "./catalog";
import {
  Account,
  type ExtensionRecord,
  type ExtensionStatus,
  type ExtensionType,
  mainSiteId,
  type PhoneNumberRecord,
  type SiteRecord,
} from "./model";

export interface SeedOptions {
  seed: number;
  /** Existing extensions besides the admin who owns the JWT (default 24). */
  users: number;
  /** Unassigned lines (default 300). */
  lines: number;
}

/** Where lines live: an area code, its site and how many of every 100 lines it gets. */
interface LineRegion {
  prefix: string;
  siteId: string;
  location: string;
  weight: number;
  /** digits after the prefix */
  local: (random: SeededRandom) => string;
}

const nanpLocal = (random: SeededRandom): string => {
  let exchange = random.int(200, 999);
  // N11 codes and 555 are not ordinary subscriber exchanges.
  while (exchange % 100 === 11 || exchange === 555) exchange = random.int(200, 999);
  return `${exchange}${String(random.int(0, 9999)).padStart(4, "0")}`;
};
const londonLocal = (random: SeededRandom): string =>
  `${random.pick(["3", "7", "8"])}${String(random.int(0, 9999999)).padStart(7, "0")}`;

const regions: readonly LineRegion[] = [
  { prefix: "+1650", siteId: mainSiteId, location: "Palo Alto, CA", weight: 25, local: nanpLocal },
  { prefix: "+1415", siteId: "1001", location: "San Francisco, CA", weight: 20, local: nanpLocal },
  { prefix: "+1212", siteId: "1002", location: "New York, NY", weight: 20, local: nanpLocal },
  { prefix: "+1416", siteId: "1003", location: "Toronto, ON", weight: 12, local: nanpLocal },
  { prefix: "+1604", siteId: "1004", location: "Vancouver, BC", weight: 10, local: nanpLocal },
  { prefix: "+4420", siteId: "1005", location: "London", weight: 13, local: londonLocal },
];

function seedSites(companyName: string): SiteRecord[] {
  return [
    {
      id: mainSiteId,
      name: companyName,
      businessAddress: { country: "US", state: "CA", city: "Palo Alto", street: "20 University Ave", zip: "94301" },
      code: "HQ",
    },
    site("1001", "San Francisco", "1001", {
      country: "US",
      state: "CA",
      city: "San Francisco",
      street: "1 Market St",
      zip: "94105",
    }),
    site("1002", "New York", "1002", { country: "US", state: "NY", city: "New York", street: "11 Wall St", zip: "10005" }),
    site("1003", "Toronto", "1003", { country: "CA", state: "ON", city: "Toronto", street: "100 King St W", zip: "M5X 1A9" }),
    site("1004", "Vancouver", "1004", {
      country: "CA",
      state: "BC",
      city: "Vancouver",
      street: "200 Burrard St",
      zip: "V6C 3L6",
    }),
    site("1005", "London", "1005", { country: "GB", state: "London", city: "London", street: "1 Poultry", zip: "EC2R 8EJ" }),
  ];
}

function site(id: string, name: string, extensionNumber: string, businessAddress: SiteRecord["businessAddress"]): SiteRecord {
  return {
    id,
    name,
    extensionNumber,
    businessAddress,
    callerIdName: name.slice(0, 15),
    siteAccess: "Limited",
    code: name.slice(0, 3).toUpperCase(),
  };
}

const firstNames = [
  "Ada",
  "Bea",
  "Carl",
  "Dana",
  "Eli",
  "Fay",
  "Gus",
  "Hana",
  "Ivan",
  "Jo",
  "Kai",
  "Lena",
  "Milo",
  "Nia",
  "Omar",
  "Pia",
];
const lastNames = [
  "Berg",
  "Chen",
  "Diaz",
  "Evans",
  "Fox",
  "Garcia",
  "Hill",
  "Ito",
  "Jones",
  "Khan",
  "Lopez",
  "Moreau",
  "Novak",
  "Okafor",
];
const existingTypes: readonly ExtensionType[] = ["User", "User", "User", "VirtualUser", "Limited", "Voicemail", "Announcement"];

/** The password and PIN every seeded, enabled user has; both pass the platform's rules. */
export const seededPassword = "Sandbox#2468";
export const seededPin = "739155";

/** A deterministic account for a seed: same seed, same ids, numbers, names. */
export function seedAccount(options: SeedOptions): { account: Account; ownerId: number } {
  const random = new SeededRandom(options.seed);
  const now = new Date(Date.UTC(2025, 0, 15, 9, 0, 0)).toISOString();
  const accountId = random.int(100_000_000, 999_999_999);
  const companyName = `Sandbox Company ${options.seed}`;
  const account = new Account({
    id: accountId,
    companyName,
    mainNumber: "",
    sso: false,
    nextId: accountId * 10 + 1,
    defaultRoleId: standardRoleId,
    extensions: [],
    phoneNumbers: [],
    sites: seedSites(companyName),
    roles: predefinedRoles(now),
    bulkTasks: [],
  });
  const newNumber = (region: LineRegion): string => {
    let candidate = region.prefix + region.local(random);
    while (account.hasPhoneNumber(candidate)) candidate = region.prefix + region.local(random);
    return candidate;
  };
  const main = regions[0] as LineRegion;
  account.mainNumber = newNumber(main);
  account.putPhoneNumber({
    id: account.newId(),
    phoneNumber: account.mainNumber,
    usageType: "MainCompanyNumber",
    location: main.location,
  });

  const ownerId = account.newId();
  addExtension(account, {
    id: ownerId,
    extensionNumber: "101",
    type: "User",
    status: "Enabled",
    contact: { firstName: "Avery", lastName: "Admin", email: `admin@company${options.seed}.example.com` },
    siteId: mainSiteId,
    setupWizardState: "Completed",
    password: seededPassword,
    ivrPin: seededPin,
    roleIds: [superAdminRoleId],
    creationTime: now,
  });
  addLine(account, ownerId, newNumber(main), main.location);

  let nextNumber = 102;
  for (let i = 0; i < options.users; i++) {
    while (account.numberOwner(String(nextNumber))) nextNumber++;
    const extensionNumber = String(nextNumber++);
    const type = existingTypes[i % existingTypes.length] as ExtensionType;
    const region = random.pick(regions);
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    const status: ExtensionStatus =
      type === "Voicemail" || type === "Announcement" || type === "Limited" || random.chance(0.6) ? "Enabled" : "NotActivated";
    const enabled = status === "Enabled";
    const id = account.newId();
    addExtension(account, {
      id,
      extensionNumber,
      type,
      status,
      contact: {
        firstName: type === "User" || type === "VirtualUser" ? first : `${first} ${last}`,
        ...(type === "User" || type === "VirtualUser" ? { lastName: last } : {}),
        email: `${first}.${last}.${extensionNumber}@company${options.seed}.example.com`.toLowerCase(),
      },
      siteId: region.siteId,
      setupWizardState: enabled ? "Completed" : "NotStarted",
      ...(enabled && type !== "Announcement" && type !== "Voicemail" ? { password: seededPassword } : {}),
      ...(enabled && type !== "Announcement" ? { ivrPin: seededPin } : {}),
      roleIds: type === "Voicemail" || type === "Announcement" ? [] : [i === 0 ? "2" : standardRoleId],
      creationTime: now,
    });
    if (type === "User" || type === "VirtualUser" || type === "Limited") addLine(account, id, newNumber(region), region.location);
  }

  for (let i = 0; i < options.lines; i++) {
    const region = weightedRegion(random);
    const roll = random.next();
    const type: ExtensionType = roll < 0.7 ? "User" : roll < 0.85 ? "VirtualUser" : "Limited";
    const id = account.newId();
    addExtension(account, unassignedExtension(id, type, region.siteId, now));
    addLine(account, id, newNumber(region), region.location);
  }
  return { account, ownerId };
}

/** An unassigned extension: a line waiting for a user; no number, no name, no credentials. */
export function unassignedExtension(id: number, type: ExtensionType, siteId: string, creationTime: string): ExtensionRecord {
  return { id, type, status: "Unassigned", contact: {}, siteId, setupWizardState: "NotStarted", roleIds: [], creationTime };
}

function addExtension(account: Account, extension: ExtensionRecord): void {
  account.putExtension(extension);
}

function addLine(account: Account, extensionId: number, phoneNumber: string, location: string): void {
  const phone: PhoneNumberRecord = { id: account.newId(), phoneNumber, usageType: "DirectNumber", extensionId, location };
  account.putPhoneNumber(phone);
}

function weightedRegion(random: SeededRandom): LineRegion {
  let roll = random.int(0, 99);
  for (const region of regions) {
    if (roll < region.weight) return region;
    roll -= region.weight;
  }
  return regions[0] as LineRegion;
}

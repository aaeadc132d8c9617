/**
 * The account as the sandbox keeps it: plain records (JSON-safe, so state files are just this) plus indexes by
 * id, extension number, email and phone number, so that thousands of lines stay fast.
 */
export type ExtensionType =
  | "User"
  | "VirtualUser"
  | "Limited"
  | "Voicemail"
  | "Announcement"
  | "DigitalUser"
  | "FlexibleUser"
  | "Department"
  | "SharedLinesGroup"
  | "PagingOnly"
  | "ParkLocation";

export type ExtensionStatus = "Enabled" | "Disabled" | "Frozen" | "NotActivated" | "Unassigned";
export type WizardState = "NotStarted" | "Incomplete" | "Completed";

export interface Address {
  country?: string;
  state?: string;
  city?: string;
  street?: string;
  zip?: string;
}

export interface Contact {
  firstName?: string;
  lastName?: string;
  email?: string;
  company?: string;
  jobTitle?: string;
  department?: string;
  businessPhone?: string;
  mobilePhone?: string;
  emailAsLoginName?: boolean;
  businessAddress?: Address;
}

export interface ExtensionRecord {
  id: number;
  extensionNumber?: string;
  type: ExtensionType;
  status: ExtensionStatus;
  contact: Contact;
  siteId: string;
  setupWizardState: WizardState;
  password?: string;
  ivrPin?: string;
  secretQuestion?: { id: string; answer: string };
  roleIds: string[];
  hidden?: boolean;
  creationTime: string;
}

export interface PhoneNumberRecord {
  id: number;
  phoneNumber: string;
  usageType: "MainCompanyNumber" | "DirectNumber" | "AdditionalCompanyNumber";
  extensionId?: number;
  location?: string;
}

export interface SiteRecord {
  id: string;
  name: string;
  extensionNumber?: string;
  callerIdName?: string;
  email?: string;
  businessAddress: Address;
  siteAccess?: "Limited" | "Unlimited";
  code?: string;
}

export interface RoleRecord {
  id: string;
  displayName: string;
  description: string;
  custom: boolean;
  siteCompatible: boolean;
  scope: "Account" | "AllExtensions" | "Federation" | "Group" | "NonUserExtensions" | "RoleBased" | "Self" | "UserExtensions";
  permissions: string[];
  lastUpdated: string;
}

export interface BulkTaskRecord {
  id: string;
  creationTime: string;
  /** Real ms when the task completes (time-scaled at creation). */
  completesAt: number;
  results: { extensionId: string; status: "Success" | "Fail"; errors?: { errorCode: string; message: string }[] }[];
  /** The records still to apply; gone once the task completes. */
  pending?: unknown[];
}

/** The whole account, as saved in a state file. */
export interface AccountData {
  id: number;
  companyName: string;
  mainNumber: string;
  sso: boolean;
  nextId: number;
  defaultRoleId: string;
  extensions: ExtensionRecord[];
  phoneNumbers: PhoneNumberRecord[];
  sites: SiteRecord[];
  roles: RoleRecord[];
  bulkTasks: BulkTaskRecord[];
}

export const mainSiteId = "main-site";

export class Account {
  readonly id: number;
  companyName: string;
  mainNumber: string;
  sso: boolean;
  defaultRoleId: string;
  private nextId: number;
  readonly extensions = new Map<number, ExtensionRecord>();
  readonly phoneNumbers = new Map<number, PhoneNumberRecord>();
  readonly sites = new Map<string, SiteRecord>();
  readonly roles = new Map<string, RoleRecord>();
  readonly bulkTasks = new Map<string, BulkTaskRecord>();
  /** extension number → owner, across extensions AND sites (the platform keeps them in one namespace). */
  private readonly byNumber = new Map<string, { kind: "extension"; id: number } | { kind: "site"; id: string }>();
  private readonly byEmail = new Map<string, number>();
  private readonly numbersOf = new Map<number, Set<number>>();
  private readonly byPhoneNumber = new Map<string, number>();
  private freeNumberHint = 101;

  constructor(data: AccountData) {
    this.id = data.id;
    this.companyName = data.companyName;
    this.mainNumber = data.mainNumber;
    this.sso = data.sso;
    this.defaultRoleId = data.defaultRoleId;
    this.nextId = data.nextId;
    for (const site of data.sites) this.putSite(site);
    for (const role of data.roles) this.roles.set(role.id, role);
    for (const extension of data.extensions) this.putExtension(extension);
    for (const phone of data.phoneNumbers) this.putPhoneNumber(phone);
    for (const task of data.bulkTasks) this.bulkTasks.set(task.id, task);
  }

  toData(): AccountData {
    return {
      id: this.id,
      companyName: this.companyName,
      mainNumber: this.mainNumber,
      sso: this.sso,
      nextId: this.nextId,
      defaultRoleId: this.defaultRoleId,
      extensions: [...this.extensions.values()],
      phoneNumbers: [...this.phoneNumbers.values()],
      sites: [...this.sites.values()],
      roles: [...this.roles.values()],
      bulkTasks: [...this.bulkTasks.values()],
    };
  }

  newId(): number {
    return this.nextId++;
  }

  /** Insert or replace an extension, keeping the number and email indexes right. */
  putExtension(extension: ExtensionRecord): void {
    const old = this.extensions.get(extension.id);
    if (old) this.unindexExtension(old);
    this.extensions.set(extension.id, extension);
    if (extension.extensionNumber) this.byNumber.set(extension.extensionNumber, { kind: "extension", id: extension.id });
    const email = emailKey(extension.contact.email);
    if (email) this.byEmail.set(email, extension.id);
  }

  removeExtension(id: number): void {
    const old = this.extensions.get(id);
    if (!old) return;
    this.unindexExtension(old);
    this.extensions.delete(id);
  }

  private unindexExtension(extension: ExtensionRecord): void {
    const owner = extension.extensionNumber ? this.byNumber.get(extension.extensionNumber) : undefined;
    if (owner?.kind === "extension" && owner.id === extension.id) this.freeNumber(extension.extensionNumber as string);
    const email = emailKey(extension.contact.email);
    if (email && this.byEmail.get(email) === extension.id) this.byEmail.delete(email);
  }

  putSite(site: SiteRecord): void {
    const old = this.sites.get(site.id);
    if (old?.extensionNumber) this.freeNumber(old.extensionNumber);
    this.sites.set(site.id, site);
    if (site.extensionNumber) this.byNumber.set(site.extensionNumber, { kind: "site", id: site.id });
  }

  removeSite(id: string): void {
    const old = this.sites.get(id);
    if (old?.extensionNumber) this.freeNumber(old.extensionNumber);
    this.sites.delete(id);
  }

  putPhoneNumber(phone: PhoneNumberRecord): void {
    const old = this.phoneNumbers.get(phone.id);
    if (old?.extensionId !== undefined) this.numbersOf.get(old.extensionId)?.delete(old.id);
    this.phoneNumbers.set(phone.id, phone);
    this.byPhoneNumber.set(phone.phoneNumber, phone.id);
    if (phone.extensionId !== undefined) {
      const set = this.numbersOf.get(phone.extensionId) ?? new Set<number>();
      set.add(phone.id);
      this.numbersOf.set(phone.extensionId, set);
    }
  }

  removePhoneNumber(id: number): void {
    const old = this.phoneNumbers.get(id);
    if (!old) return;
    if (old.extensionId !== undefined) this.numbersOf.get(old.extensionId)?.delete(id);
    this.byPhoneNumber.delete(old.phoneNumber);
    this.phoneNumbers.delete(id);
  }

  phoneNumbersOf(extensionId: number): PhoneNumberRecord[] {
    const ids = this.numbersOf.get(extensionId);
    if (!ids) return [];
    return [...ids].map((id) => this.phoneNumbers.get(id)).filter((p): p is PhoneNumberRecord => p !== undefined);
  }

  hasPhoneNumber(e164: string): boolean {
    return this.byPhoneNumber.has(e164);
  }

  /** Who holds an extension number, if anyone. */
  numberOwner(extensionNumber: string): { kind: "extension"; id: number } | { kind: "site"; id: string } | undefined {
    return this.byNumber.get(extensionNumber);
  }

  extensionByEmail(email: string): number | undefined {
    const key = emailKey(email);
    return key ? this.byEmail.get(key) : undefined;
  }

  /**
   * The lowest free extension number from 101 up (the platform's "next available" on create). The hint only moves
   * back when a number is freed, so thousands of creates do not rescan from 101 each time.
   */
  nextFreeExtensionNumber(): string {
    let n = this.freeNumberHint;
    while (this.byNumber.has(String(n))) n++;
    this.freeNumberHint = n;
    return String(n);
  }

  private freeNumber(extensionNumber: string): void {
    this.byNumber.delete(extensionNumber);
    const n = Number(extensionNumber);
    if (Number.isInteger(n) && n >= 101 && n < this.freeNumberHint) this.freeNumberHint = n;
  }
}

/** Emails are unique regardless of case. */
function emailKey(email: string | undefined): string | undefined {
  return email ? email.trim().toLowerCase() : undefined;
}

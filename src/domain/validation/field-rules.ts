import { z } from "zod";
import type { Finding, Severity } from "../finding";
import { isCountryCode } from "../phone";
import { headerOf, type TabId } from "../tabs";
import { USER_TYPES, WIZARD_STATES } from "../user-type";

/**
 * What each cell must look like on its own, as zod schemas over a record's text. Rules that need other cells,
 * other rows or other tabs live beside this file. A schema issue becomes a finding on that cell; an issue whose
 * `params.severity` says so is a warning instead of an error.
 */

const EMAIL = /^[^\s@"<>,;]+@[^\s@"<>,;]+\.[A-Za-z]{2,}$/;
export const USER_STATUSES = ["New", "Modified", "Synced", "Error", "Pending Delete", "Drift"] as const;
export const ROLE_KINDS = ["Predefined", "Custom"] as const;

function required(header: string, max: number) {
  return z
    .string()
    .min(1, { message: `${header} is required.`, abort: true })
    .max(max, { message: `${header} is at most ${max} characters long.` });
}

function optional(header: string, max: number) {
  return z.string().max(max, { message: `${header} is at most ${max} characters long.` });
}

function email(header: string, isRequired: boolean) {
  const base = isRequired ? required(header, 254) : optional(header, 254);
  return base.refine((v) => v === "" || EMAIL.test(v), { message: `${header} is not an email address (name@example.com).` });
}

function oneOf(header: string, values: readonly string[], options: { allowBlank: boolean; severity?: Severity }) {
  return z.string().refine((v) => (options.allowBlank && v === "") || values.includes(v), {
    message: `${header} is one of: ${values.join(", ")}.`,
    params: { severity: options.severity ?? "error" },
  });
}

function digits(header: string, min: number, max: number, isRequired: boolean) {
  const base = isRequired ? z.string().min(1, { message: `${header} is required.`, abort: true }) : z.string();
  const range = min === max ? `${min}` : `${min} to ${max}`;
  const pattern = new RegExp(`^\\d{${min},${max}}$`);
  return base.refine((v) => v === "" || pattern.test(v), {
    message: `${header} is ${range} digits.`,
  });
}

function country(header: string, isRequired: boolean) {
  const base = isRequired ? z.string().min(1, { message: `${header} is required.`, abort: true }) : z.string();
  return base.refine((v) => v === "" || isCountryCode(v), {
    message: `${header} is a two-letter ISO country code such as US, CA or GB.`,
  });
}

export const userFieldRules = z.object({
  userType: z
    .string()
    .min(1, { message: "User Type is required.", abort: true })
    .refine((v) => (USER_TYPES as readonly string[]).includes(v), { message: `User Type is one of: ${USER_TYPES.join(", ")}.` }),
  firstName: required("First Name", 64),
  lastName: required("Last Name", 64),
  email: email("Email", true),
  ext: digits("Ext", 3, 8, true),
  site: required("Site", 64),
  dept: optional("Dept", 64),
  setupWizard: oneOf("Setup Wizard", WIZARD_STATES, { allowBlank: true }),
  secretQuestion: optional("Secret Question", 255),
  secretAnswer: optional("Secret Answer", 64),
  role: optional("Role", 128),
  status: oneOf("Status", USER_STATUSES, { allowBlank: true, severity: "warning" }),
  rcId: z.string().refine((v) => v === "" || /^\d+$/.test(v), {
    message: "RC Id is written by the add-in: digits only. Clear it unless it was copied from the account.",
  }),
});

export const siteFieldRules = z.object({
  name: required("Name", 64),
  ext: digits("Ext", 3, 8, false),
  country: country("Country", true),
  state: required("State/Region", 64),
  city: required("City", 64),
  street: required("Street", 128),
  street2: optional("Street 2", 128),
  postalCode: required("Postal Code", 16),
  callerIdName: z.string().refine((v) => /^[A-Za-z0-9, ]{0,15}$/.test(v), {
    message: "Caller ID Name is at most 15 letters, digits, spaces or commas.",
  }),
  email: email("Email", false),
});

export const roleFieldRules = z.object({
  name: required("Role Name", 128).refine((v) => !/[<>/"]/.test(v), { message: 'Role Name must not contain < > / or ".' }),
  kind: oneOf("Kind", ROLE_KINDS, { allowBlank: false }),
  description: optional("Description", 2000),
  permissions: z.string().refine((v) => permissionTokens(v).every((t) => /^[+-]?[A-Za-z][A-Za-z0-9]*$/.test(t)), {
    message: "Permissions are permission ids separated by ; — prefix one with - to remove it from the base role.",
  }),
});

export const tagFieldRules = z.object({
  key: required("Key", 64).refine((v) => !/[:;]/.test(v), { message: "Key must not contain : or ;." }),
  value: required("Value", 64).refine((v) => !v.includes(";"), { message: "Value must not contain ;." }),
  color: z.string().refine((v) => v === "" || /^#[0-9A-Fa-f]{6}$/.test(v), {
    message: "Color is a hex colour such as #4285F4.",
    params: { severity: "warning" },
  }),
});

export const locationFieldRules = z.object({
  email: email("Email", true),
  country: country("Country", false),
  state: optional("State/Region", 64),
  city: optional("City", 64),
  street: optional("Street", 128),
  street2: optional("Street 2", 128),
  postalCode: optional("Postal Code", 16),
  numberCountry: country("Number Country", false),
  areaCode: digits("Area Code", 1, 5, false),
});

/** Permission ids of the Permissions cell: `;` or `,` separated. */
export function permissionTokens(cell: string): string[] {
  return cell
    .split(/[;,]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The findings of one record against a field schema. */
export function fieldFindings(tab: TabId, record: { row: number }, schema: z.ZodType): Finding[] {
  const result = schema.safeParse(record);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    tab,
    row: record.row,
    column: headerOf(tab, String(issue.path[0] ?? "")),
    severity: severityOf(issue),
    rule: `${tab}.${String(issue.path[0] ?? "row")}`,
    message: issue.message,
  }));
}

function severityOf(issue: z.core.$ZodIssue): Severity {
  const params = (issue as { params?: { severity?: Severity } }).params;
  return params?.severity ?? "error";
}

import { z } from "zod";
import type { Finding, FindingFix, Severity } from "../finding";
import { nearValue } from "../near-value";
import { isCountryCode } from "../phone";
import { headerOf, type TabId } from "../tabs";
import { USER_TYPES, WIZARD_STATES } from "../user-type";

/**
 * What each cell must look like on its own, as zod schemas over a record's text. Rules that need other cells,
 * other rows or other tabs live beside this file. A schema issue becomes a finding on that cell; an issue whose
 * `params.severity` says so is a warning instead of an error. An issue about the value itself (`params.choices`:
 * the values the cell may hold) names it, so that rows alike group together, and offers the choice it surely meant.
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
    error: (issue) => notOneOf(String(issue.input), `a ${header}`, header, values),
    params: { severity: options.severity ?? "error", choices: values },
  });
}

/** `"user" is not a user type: User Type is one of: … Did you mean "User"?` */
function notOneOf(value: string, noun: string, header: string, values: readonly string[]): string {
  const near = nearValue(value, values);
  return `"${value}" is not ${noun}: ${header} is one of: ${values.join(", ")}.${near ? ` Did you mean "${near}"?` : ""}`;
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
    error: (issue) => {
      const value = String(issue.input);
      const upper = isCountryCode(value.toUpperCase()) ? ` Did you mean "${value.toUpperCase()}"?` : "";
      return `"${value}" is not a country code: ${header} is a two-letter ISO code such as US, CA or GB.${upper}`;
    },
    params: { countryCode: true },
  });
}

export const userFieldRules = z.object({
  userType: z
    .string()
    .min(1, { message: "User Type is required.", abort: true })
    .refine((v) => (USER_TYPES as readonly string[]).includes(v), {
      error: (issue) => notOneOf(String(issue.input), "a user type", "User Type", USER_TYPES),
      params: { choices: USER_TYPES },
    }),
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
  return result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? "");
    const column = headerOf(tab, key);
    const finding: Finding = {
      tab,
      row: record.row,
      column,
      severity: paramsOf(issue).severity ?? "error",
      rule: `${tab}.${key || "row"}`,
      message: issue.message,
    };
    const value = (record as Record<string, unknown>)[key];
    const about = typeof value === "string" && value !== "" ? valueFix(issue, column, value) : null;
    return about ? { ...finding, ...about } : finding;
  });
}

interface IssueParams {
  severity?: Severity;
  /** The values the cell may hold: the issue is about the value, which a near choice may fix. */
  choices?: readonly string[];
  /** A country code: upper case may fix it. */
  countryCode?: boolean;
}

function paramsOf(issue: z.core.$ZodIssue): IssueParams {
  return (issue as { params?: IssueParams }).params ?? {};
}

/** The value an issue is about, and the fix it offers; null for an issue about the form (a length, a pattern). */
function valueFix(issue: z.core.$ZodIssue, column: string, value: string): { value: string; fix?: FindingFix } | null {
  const params = paramsOf(issue);
  const near = params.choices
    ? nearValue(value, params.choices)
    : params.countryCode && isCountryCode(value.toUpperCase())
      ? value.toUpperCase()
      : null;
  if (!params.choices && !params.countryCode) return null;
  return near ? { value, fix: { column, value: near } } : { value };
}

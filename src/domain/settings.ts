import type { Finding } from "./finding";
import { isCountryCode } from "./phone";
import type { SettingRecord } from "./records";

/** Workspace settings, kept as rows of the Settings tab so that they travel with the workbook. */
export interface Settings {
  /** The account signs in with SSO: passwords cannot be set, only PINs. */
  sso: boolean;
  /** The account sends welcome emails to created users (off while building). */
  welcomeEmails: boolean;
  /** ISO country of lines and phone numbers when neither the site nor the location says. */
  defaultCountry: string;
  /** When the account tabs were last refreshed (ISO time), or '' when never: uniqueness and capacity wait for it. */
  accountRefreshedAt: string;
  /** The account's secret questions, read on refresh (one a line); [] until then. */
  secretQuestions: string[];
  /**
   * New users take their lines in bulk-update tasks (500 a call) rather than one PUT each. Off by hand, or written Off
   * by a sync that found the account refusing them ("single claims only"); every run then claims one line a call.
   */
  bulkClaims: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  sso: false,
  welcomeEmails: false,
  defaultCountry: "US",
  accountRefreshedAt: "",
  secretQuestions: [],
  bulkClaims: true,
};

/** Setting names as they stand in the Setting column. */
export const SETTING_NAMES: Record<keyof Settings, string> = {
  sso: "SSO",
  welcomeEmails: "Welcome Emails",
  defaultCountry: "Default Country",
  accountRefreshedAt: "Account Refreshed At",
  secretQuestions: "Secret Questions",
  bulkClaims: "Bulk Claims",
};

/** The Bulk Claims value a sync writes when the account refused claims through bulk-update. */
export function bulkClaimsRefused(on: string): string {
  return `Off: RingCentral refused bulk claims on ${on}, so lines are claimed one by one (set On to try again)`;
}

const ON = new Set(["on", "yes", "true", "1"]);
const OFF = new Set(["off", "no", "false", "0", ""]);

export function readSettings(rows: readonly SettingRecord[]): { settings: Settings; findings: Finding[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  const findings: Finding[] = [];
  const flag = (row: SettingRecord, key: "sso" | "welcomeEmails") => {
    const value = row.value.toLowerCase();
    if (ON.has(value) || OFF.has(value)) settings[key] = ON.has(value);
    else findings.push(problem(row, `${row.setting} is On or Off, not "${row.value}".`));
  };
  for (const row of rows) {
    const key = settingKey(row.setting);
    if (key === "sso" || key === "welcomeEmails") flag(row, key);
    else if (key === "defaultCountry") {
      const code = row.value.toUpperCase();
      if (isCountryCode(code)) settings.defaultCountry = code;
      else findings.push(problem(row, `Default Country is a two-letter ISO code such as US, CA or GB, not "${row.value}".`));
    } else if (key === "accountRefreshedAt") settings.accountRefreshedAt = row.value;
    else if (key === "secretQuestions") settings.secretQuestions = secretQuestionsOf(row.value);
    else if (key === "bulkClaims") {
      // "Off" may carry the sync's reason after a colon.
      const value = row.value.split(":")[0]?.trim().toLowerCase() ?? "";
      if (ON.has(value) || OFF.has(value)) settings.bulkClaims = value === "" || ON.has(value);
      else findings.push(problem(row, `Bulk Claims is On or Off, not "${row.value}".`));
    } else
      findings.push({
        tab: "settings",
        row: row.row,
        column: "Setting",
        severity: "warning",
        rule: "setting.unknown",
        message: `"${row.setting}" is not a setting; known settings: ${Object.values(SETTING_NAMES).join(", ")}.`,
      });
  }
  return { settings, findings };
}

/** The Settings tab's rows for these settings. */
export function settingRows(settings: Settings): [string, string][] {
  return [
    [SETTING_NAMES.sso, settings.sso ? "On" : "Off"],
    [SETTING_NAMES.welcomeEmails, settings.welcomeEmails ? "On" : "Off"],
    [SETTING_NAMES.defaultCountry, settings.defaultCountry],
    [SETTING_NAMES.accountRefreshedAt, settings.accountRefreshedAt],
    [SETTING_NAMES.secretQuestions, settings.secretQuestions.join("\n")],
    [SETTING_NAMES.bulkClaims, settings.bulkClaims ? "On" : "Off"],
  ];
}

/** The Secret Questions setting's cell: one question a line. */
export function secretQuestionsOf(cell: string): string[] {
  return cell
    .split(/\r?\n/)
    .map((q) => q.trim())
    .filter(Boolean);
}

function settingKey(name: string): keyof Settings | undefined {
  const wanted = name.trim().toLowerCase();
  return (Object.keys(SETTING_NAMES) as (keyof Settings)[]).find((k) => SETTING_NAMES[k].toLowerCase() === wanted);
}

function problem(row: SettingRecord, message: string): Finding {
  return { tab: "settings", row: row.row, column: "Value", severity: "error", rule: "setting.value", message };
}

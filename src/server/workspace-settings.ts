import { z } from "zod";
import { isCountryCode } from "../domain/phone";
import { SETTING_NAMES, type Settings, readSettings as settingsOf } from "../domain/settings";
import { SETTINGS_TAB } from "../domain/tabs";
import { decodeTab } from "../workbook/codec";
import { setUpWorkspace } from "../workbook/setup";
import { locateTabs } from "../workbook/tab-location";
import { readImage, recordsOf, setCell, writeImage } from "../workbook/table-image";
import { serverFunction } from "./server-function";

export interface SettingsView {
  settings: Settings;
  /** What is wrong on the Settings tab, to fix there (an unknown setting, a value that is not On/Off). */
  problems: string[];
  /** From saveSettings: whether it wrote (a refused value writes nothing). */
  saved?: boolean;
  /** Where the SSO value comes from, in the panel's words. */
  ssoFrom: string;
}

/**
 * SSO is the person's to set: RingCentral's API (the official spec) has no field that says whether an account signs
 * in with SSO, so a refresh cannot read it (docs/product-coverage.md, "SSO read from the account").
 */
export const SSO_FROM =
  "Set by hand on the Settings tab: RingCentral's API does not say whether the account uses SSO, so a refresh cannot read it.";

/** The Settings tab: SSO, Welcome Emails, Default Country, and when the account was last refreshed. */
export const readSettings = serverFunction(z.object({}).default({}), (home): SettingsView => {
  const sheet = locateTabs(home.workbook).get("settings");
  if (!sheet)
    return {
      settings: settingsOf([]).settings,
      problems: ["There is no Settings tab: run Set up workspace."],
      ssoFrom: SSO_FROM,
    };
  const read = settingsOf(decodeTab(SETTINGS_TAB, home.workbook.read(sheet)).records);
  return { settings: read.settings, problems: read.findings.map((f) => `Row ${f.row}: ${f.message}`), ssoFrom: SSO_FROM };
});

const EDITABLE = {
  sso: SETTING_NAMES.sso,
  welcomeEmails: SETTING_NAMES.welcomeEmails,
  defaultCountry: SETTING_NAMES.defaultCountry,
};

/** Writes the settings the sidebar edits into their rows (added when missing), one block; other rows stay. */
export const saveSettings = serverFunction(
  z.object({
    sso: z.boolean(),
    welcomeEmails: z.boolean(),
    defaultCountry: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, "Default Country is a two-letter ISO code such as US.")
      .transform((c) => c.toUpperCase()),
  }),
  (home, input): SettingsView => {
    // Refused before anything is written, in the form's words (not a Settings row's).
    if (!isCountryCode(input.defaultCountry))
      return {
        ...readSettings.run(home, {}),
        problems: [`${input.defaultCountry} is not a country: use a two-letter ISO code such as US, CA or GB.`],
        saved: false,
      };
    if (!locateTabs(home.workbook).has("settings")) setUpWorkspace(home.workbook);
    const image = readImage(home.workbook, SETTINGS_TAB);
    if (!image)
      return {
        settings: settingsOf([]).settings,
        problems: ["The Settings tab has no header: run Set up workspace."],
        ssoFrom: SSO_FROM,
      };
    const names = recordsOf(SETTINGS_TAB, image);
    const byName = new Map(names.map((r) => [r.setting.trim().toLowerCase(), r.row]));
    let next = image.rows.length + 2;
    for (const [key, name] of Object.entries(EDITABLE) as [keyof typeof EDITABLE, string][]) {
      const row = byName.get(name.toLowerCase()) ?? next++;
      const value = input[key];
      setCell(image, row, "setting", name);
      setCell(image, row, "value", typeof value === "boolean" ? (value ? "On" : "Off") : value);
    }
    writeImage(home.workbook, image);
    return { ...readSettings.run(home, {}), saved: true };
  },
);

import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from "libphonenumber-js/min";

/** A phone number read as E.164, with what the line rules need from it. */
export interface PhoneNumber {
  e164: string;
  country: string;
  /** The digits after the country code. */
  national: string;
  /** NPA for +1 numbers, the national destination code elsewhere ('' when the number has none). */
  areaCode: string;
}

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code as CountryCode);
}

/** The number when `text` is a valid E.164 number (+, country code, digits only, a number that exists), else null. */
export function parseE164(text: string): PhoneNumber | null {
  if (!text.startsWith("+")) return null;
  const parsed = parsePhoneNumberFromString(text);
  if (!parsed?.isValid() || parsed.number !== text) return null;
  return { e164: parsed.number, country: parsed.country ?? "", national: parsed.nationalNumber, areaCode: areaCodeOf(parsed) };
}

/**
 * How `text` would read in E.164 if it was meant as a number of `country` (a national number, or digits that lost
 * their + when a cell turned them into a number), or null when it is no phone number at all.
 */
export function suggestE164(text: string, country: string): string | null {
  const digits = text.replace(/[^\d+]/g, "");
  if (!digits) return null;
  const candidates = [digits, `+${digits}`];
  for (const candidate of candidates) {
    const parsed = parsePhoneNumberFromString(candidate, isCountryCode(country) ? (country as CountryCode) : undefined);
    if (parsed?.isValid()) return parsed.number;
  }
  return null;
}

/**
 * NPA for +1 numbers (the first three national digits); elsewhere the second group of the international format
 * ("+44 20 7123 4567" → 20), which formatting costs, so only then.
 */
function areaCodeOf(parsed: NonNullable<ReturnType<typeof parsePhoneNumberFromString>>): string {
  if (parsed.countryCallingCode === "1") return parsed.nationalNumber.slice(0, 3);
  const groups = parsed.formatInternational().split(" ");
  return groups.length > 2 ? (groups[1] ?? "") : "";
}

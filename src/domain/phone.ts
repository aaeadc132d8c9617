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

/**
 * Numbers already read, by their E.164 text: an import reads each phone when it normalises the row and again when it
 * validates it, and checking a number against its country's patterns is most of an import's time. Bounded, so a long
 * session never holds more than this many.
 */
const read = new Map<string, PhoneNumber | null>();
const READ_AT_MOST = 50_000;

function remember(text: string, phone: PhoneNumber | null): PhoneNumber | null {
  if (read.size >= READ_AT_MOST) read.clear();
  read.set(text, phone);
  return phone;
}

/** Forgets every number read: a benchmark's runs each start as an execution does, with none. */
export function forgetNumbersRead(): void {
  read.clear();
}

const E164_FORM = /^\+\d+$/;

/** The number when `text` is a valid E.164 number (+, country code, digits only, a number that exists), else null. */
export function parseE164(text: string): PhoneNumber | null {
  // A parse gives back + and ASCII digits only, so no other text can be its own E.164: libphonenumber is not asked.
  if (!E164_FORM.test(text)) return null;
  const known = read.get(text);
  if (known !== undefined) return known;
  const parsed = parsePhoneNumberFromString(text);
  return remember(text, parsed?.isValid() && parsed.number === text ? phoneOf(parsed) : null);
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
    if (!parsed?.isValid()) continue;
    if (!read.has(parsed.number)) remember(parsed.number, phoneOf(parsed));
    return parsed.number;
  }
  return null;
}

function phoneOf(parsed: ParsedNumber): PhoneNumber {
  return { e164: parsed.number, country: parsed.country ?? "", national: parsed.nationalNumber, areaCode: areaCodeOf(parsed) };
}

type ParsedNumber = NonNullable<ReturnType<typeof parsePhoneNumberFromString>>;

/**
 * NPA for +1 numbers (the first three national digits); elsewhere the second group of the international format
 * ("+44 20 7123 4567" → 20), which formatting costs, so only then.
 */
function areaCodeOf(parsed: ParsedNumber): string {
  if (parsed.countryCallingCode === "1") return parsed.nationalNumber.slice(0, 3);
  const groups = parsed.formatInternational().split(" ");
  return groups.length > 2 ? (groups[1] ?? "") : "";
}

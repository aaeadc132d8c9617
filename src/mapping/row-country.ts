import { isCountryCode } from "../domain/phone";
import { headerWords, nameKey } from "./header-words";

/**
 * A source's own country column ("Country", "Country Code", Teams' "UsageLocation"): the country a row's national
 * numbers are read in, before its site's. Users has no country column, so this is used only to make numbers E.164.
 */
const COUNTRY_HEADERS = new Set(["country", "countrycode", "countryiso", "isocountry", "usagelocation", "nation"]);

/** Country names people write instead of the ISO code, for the countries RingCentral serves most. */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  usa: "US",
  "united states": "US",
  "united states of america": "US",
  america: "US",
  uk: "GB",
  "united kingdom": "GB",
  "great britain": "GB",
  england: "GB",
  canada: "CA",
  australia: "AU",
  ireland: "IE",
  germany: "DE",
  deutschland: "DE",
  france: "FR",
  netherlands: "NL",
  spain: "ES",
  italy: "IT",
  mexico: "MX",
  india: "IN",
};

/** The index of the source's country column, or -1. */
export function countryColumn(headers: readonly string[]): number {
  return headers.findIndex((h) => COUNTRY_HEADERS.has(nameKey(headerWords(h))));
}

/** "us", "USA", "United Kingdom" → the ISO code; null for a value that names no country we know. */
export function countryCodeOf(value: string): string | null {
  const text = value.trim();
  if (/^[A-Za-z]{2}$/.test(text) && isCountryCode(text.toUpperCase())) return text.toUpperCase();
  return COUNTRY_NAMES[text.toLowerCase().replace(/\s+/g, " ")] ?? null;
}

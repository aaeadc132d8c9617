import { distance } from "fastest-levenshtein";
import { getCountries } from "libphonenumber-js/min";
import { USER_TYPES, type UserType, WIZARD_STATES } from "../domain/user-type";
import { USER_STATUSES } from "../domain/validation/field-rules";
import { headerWords } from "./header-words";
import { COUNTRY_NAMES, countryCodeOf } from "./row-country";
import { userTypeOf, wizardStateOf } from "./value-synonyms";

/** A proposed target for one source value, and why; `target` null leaves the value for the person. */
export interface ValueGuess {
  target: string | null;
  reason: string;
  /** The value is on the list as written, or one of its known names: nothing for the person to look at. */
  sure?: true;
}

function sure(target: string, value: string, other: string): ValueGuess {
  return { target, reason: target === value ? "as written" : other, sure: true };
}

export const NO_MATCH: ValueGuess = { target: null, reason: "no clear match: choose one" };

/**
 * What customers write for the five user types beside their names: RingCentral's plan and product names, device
 * words and function words, each a run of words looked for inside the value ("RingEX Standard", "MVP Essentials",
 * "Lobby phone").
 */
const USER_TYPE_WORDS: readonly { type: UserType; reason: string; words: readonly string[] }[] = [
  {
    type: "User",
    reason: "a RingCentral plan: a User",
    words: ["ringex", "mvp", "essentials", "standard", "premium", "ultimate", "advanced", "digital line"],
  },
  {
    type: "Virtual User",
    reason: "softphone only: a Virtual User",
    words: ["softphone", "soft phone", "virtual", "app only", "mobile app only", "desktop app only"],
  },
  {
    type: "Limited Extension",
    reason: "a common-area phone: a Limited Extension",
    words: [
      "common area",
      "lobby",
      "kitchen",
      "break room",
      "breakroom",
      "hallway",
      "conference room",
      "courtesy phone",
      "limited",
    ],
  },
  {
    type: "Message Only",
    reason: "voicemail only: Message Only",
    words: ["voicemail", "voice mail", "vm only", "message only", "messages only", "take messages"],
  },
  {
    type: "Announcement Only",
    reason: "paging or announcement: Announcement Only",
    words: ["paging", "page", "announcement", "announcements", "overhead"],
  },
];

/**
 * Products that are none of the five types: a value naming one is left to the person even when it also names a
 * plan ("RingEX fax only" may be a User with a fax number, or no user at all).
 */
const NOT_A_USER_TYPE = ["fax", "efax", "rooms", "room only", "contact center", "webinar", "events"];

/** The user type a value names: a synonym, else its plan, device or function words; ambiguous values stay open. */
export function guessUserType(value: string): ValueGuess {
  const synonym = userTypeOf(value);
  if (synonym) return sure(synonym, value, "a name for it");
  const text = ` ${headerWords(value).join(" ")} `;
  if (NOT_A_USER_TYPE.some((w) => text.includes(` ${w} `))) return NO_MATCH;
  const classes = USER_TYPE_WORDS.filter((c) => c.words.some((w) => text.includes(` ${w} `)));
  // A plan name with a device or function word ("Premium softphone only"): the device or function says the type.
  const narrowed = classes.length > 1 ? classes.filter((c) => c.type !== "User") : classes;
  const [only, ...others] = narrowed;
  if (!only) return NO_MATCH;
  if (others.length > 0) return { target: null, reason: `fits ${narrowed.map((c) => c.type).join(" and ")}: choose one` };
  return { target: only.type, reason: only.reason };
}

export function guessWizardState(value: string): ValueGuess {
  const state = wizardStateOf(value);
  return state ? sure(state, value, "a name for it") : NO_MATCH;
}

export function guessStatus(value: string): ValueGuess {
  const status = USER_STATUSES.find((s) => s.toLowerCase() === squeezed(value).toLowerCase());
  return status ? sure(status, value, "same word") : NO_MATCH;
}

/** Every ISO code the product takes (the phone-number library's), the targets of a country column. */
export const COUNTRY_CODES: readonly string[] = getCountries();

/**
 * An ISO code or a country's name, as written or with its marks away ("U.S.A", "united-kingdom"), else the nearest
 * name within two typos ("Untied States").
 */
export function guessCountry(value: string): ValueGuess {
  const words = headerWords(value);
  const code =
    countryCodeOf(value) ?? countryCodeOf(words.join(words.length <= 3 && words.every((w) => w.length === 1) ? "" : " "));
  if (code) return sure(code, value, "the country's code");
  const name = words.join(" ");
  const near = Object.keys(COUNTRY_NAMES).filter((n) => n.length > 4 && distance(n, name) <= 2);
  const codes = [...new Set(near.map((n) => COUNTRY_NAMES[n] as string))];
  return codes.length === 1 ? { target: codes[0] as string, reason: `near "${near[0]}"` } : NO_MATCH;
}

/**
 * The name of `known` a value means: as written; the same but for case, spaces and marks ("san francisco ");
 * initials, with or without a trailing C for City ("SF", "NYC" → "New York"), or a first part of one name
 * ("Tor" → "Toronto"); else one name within a typo per five letters. Two names that fit equally leave it open.
 */
export function guessName(value: string, known: readonly string[], what: string): ValueGuess {
  if (known.includes(value)) return sure(value, value, "");
  const key = loose(value);
  const rules: readonly [string, (name: string) => boolean][] = [
    ["same name", (name) => loose(name) === key],
    [`abbreviation of the ${what}`, (name) => abbreviates(value, name) || abbreviates(name, value)],
    [
      `near the ${what}'s name`,
      (name) => key.length > 3 && distance(loose(name), key) <= Math.max(1, Math.floor(key.length / 5)),
    ],
  ];
  for (const [reason, fits] of rules) {
    const found = [...new Set(known.filter(fits))];
    if (found.length === 1) return { target: found[0] as string, reason, ...(reason === "same name" ? { sure: true } : {}) };
    if (found.length > 1) return { target: null, reason: `fits ${found.map((f) => `"${f}"`).join(" and ")}: choose one` };
  }
  return NO_MATCH;
}

/** "SF" / "NYC" of "San Francisco" / "New York"; "Tor" of "Toronto" (three letters or more of a single name). */
function abbreviates(short: string, name: string): boolean {
  const letters = short.replace(/[^A-Za-z]/g, "").toLowerCase();
  const words = headerWords(name).filter((w) => w !== "the" && w !== "of");
  if (letters.length < 2 || words.length === 0 || letters.length >= loose(name).length) return false;
  const initials = words.map((w) => w[0]).join("");
  if (words.length > 1 && (letters === initials || letters === `${initials}c`)) return true;
  return (
    /^[A-Za-z]+\.?$/.test(short.trim()) && letters.length >= 3 && words.length === 1 && (words[0] as string).startsWith(letters)
  );
}

/** Case, accents, marks and runs of spaces away: the key two names are the same by. */
function loose(text: string): string {
  return headerWords(text).join(" ");
}

/** Spaces at the ends off and runs of them as one: how a value is told apart from another. */
export function squeezed(value: string): string {
  return value.trim().replace(/\s+/g, " ");
}

export const USER_TYPE_TARGETS: readonly string[] = USER_TYPES;
export const WIZARD_TARGETS: readonly string[] = WIZARD_STATES;
export const STATUS_TARGETS: readonly string[] = USER_STATUSES;

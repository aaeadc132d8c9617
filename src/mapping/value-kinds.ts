import { guessUserType } from "./value-proposal";
import { wizardStateOf } from "./value-synonyms";

/** What a column's values look like, as shares of its non-empty values (0 when it has none). */
export interface ValueProfile {
  filled: number;
  email: number;
  e164: number;
  phoneLike: number;
  /** Teams' LineURI: `tel:+12125550101;ext=101`. */
  lineUri: number;
  /** LineURIs that carry an extension. */
  lineUriExt: number;
  extension: number;
  userType: number;
  wizard: number;
  /** Secrets an export hides ("****"): never a PIN or password to import. */
  masked: number;
  /** A person's name written "Last, First" ("Hopper, Grace"). */
  lastFirst: number;
  /** A person's name written "First Last" ("Grace Hopper", "Guido van Rossum"). */
  firstLast: number;
  /** Every filled value differs from the others. */
  unique: boolean;
}

const EMAIL = /^(?:mailto:)?[^\s@]+@[^\s@]+\.[^\s@]+$/i;
const E164 = /^\+\d{8,15}$/;
const PHONE_LIKE = /^[+(]?[\d\s().\-/]{7,}$/;
const LINE_URI = /^tel:\+\d{8,15}(?:;ext=\d{1,8})?$/i;
const EXTENSION = /^(?:x|ext\.?\s*)?\d{3,8}$/i;
const MASKED = /^[*•●x]{3,}$/i;
/** A capitalised name word ("Ada", "O'Brien", "Joliot-Curie", "McIlroy"), or a particle ("van", "de", "von"). */
const WORD = "\\p{Lu}[\\p{Ll}\\p{Lu}'’.-]*";
const PARTICLE = "(?:van|von|de|der|den|del|della|di|da|do|dos|du|la|le|ten|ter|bin|al)";
const NAME = `${WORD}(?: (?:${PARTICLE} )*${WORD})?`;
const LAST_FIRST = new RegExp(`^(?:${PARTICLE} )*${NAME}, ${WORD}(?: ${WORD})?$`, "u");
const FIRST_LAST = new RegExp(`^${WORD}(?: ${WORD})? (?:${PARTICLE} )*${WORD}(?:-${WORD})?$`, "u");

/** The values of one column, sampled (the first 200 filled ones are enough to tell). */
export function profileValues(values: readonly string[]): ValueProfile {
  const filled = values.filter((v) => v !== "").slice(0, 200);
  const share = (test: (v: string) => boolean) => (filled.length === 0 ? 0 : filled.filter(test).length / filled.length);
  return {
    filled: filled.length,
    email: share((v) => EMAIL.test(v)),
    e164: share((v) => E164.test(v.replace(/[\s\-().]/g, ""))),
    phoneLike: share((v) => PHONE_LIKE.test(v) && v.replace(/\D/g, "").length >= 7),
    lineUri: share((v) => LINE_URI.test(v)),
    lineUriExt: share((v) => LINE_URI.test(v) && /;ext=/i.test(v)),
    extension: share((v) => EXTENSION.test(v)),
    // Plan and product names count ("RingEX Standard"): the values step maps each to its type.
    userType: share((v) => guessUserType(v).target !== null),
    wizard: share((v) => wizardStateOf(v) !== null),
    masked: share((v) => MASKED.test(v)),
    lastFirst: share((v) => LAST_FIRST.test(v.trim())),
    firstLast: share((v) => FIRST_LAST.test(v.trim())),
    unique: new Set(filled).size === filled.length,
  };
}

export function isEmailLike(value: string): boolean {
  return EMAIL.test(value);
}

/** The number and extension of a Teams LineURI (`tel:+12125550101;ext=101`), or null for any other value. */
export function lineUriParts(value: string): { number: string; ext: string | null } | null {
  if (!LINE_URI.test(value.trim())) return null;
  const [number, ext] = value.trim().slice(4).split(/;ext=/i);
  return { number: number as string, ext: ext ?? null };
}

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
  /** Every filled value differs from the others. */
  unique: boolean;
}

const EMAIL = /^(?:mailto:)?[^\s@]+@[^\s@]+\.[^\s@]+$/i;
const E164 = /^\+\d{8,15}$/;
const PHONE_LIKE = /^[+(]?[\d\s().\-/]{7,}$/;
const LINE_URI = /^tel:\+\d{8,15}(?:;ext=\d{1,8})?$/i;
const EXTENSION = /^(?:x|ext\.?\s*)?\d{3,8}$/i;

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

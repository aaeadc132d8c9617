import { distance } from "fastest-levenshtein";
import { headerWords, meaningfulWords, nameKey, qualifierWords, withoutQualifiers } from "./header-words";
import { namesOtherField } from "./other-fields";
import { MISLEADING_WORDS, SYNONYMS, type TargetField, WEAK_SYNONYMS } from "./synonyms";
import { SYNONYMS_BY_LANGUAGE } from "./synonyms-by-language";

/** How well a header names a field, 0 to 1, and why, in words the person reads in the wizard. */
export interface NameMatch {
  field: TargetField;
  confidence: number;
  reason: string;
}

interface Synonym {
  field: TargetField;
  name: string;
  full: string;
  meaningful: string;
  /** The share of a match's confidence this name keeps: 1, or less for a name that only usually holds the field. */
  weight: number;
}

/** A weak synonym ("Login", "userPrincipalName") matched exactly is this sure: enough to propose, not to beat "mail". */
const WEAK = 0.8;

type SynonymTable = Partial<Record<TargetField, readonly string[]>>;

function synonymsOf(table: SynonymTable, weight: number): Synonym[] {
  return Object.entries(table).flatMap(([field, names]) =>
    (names ?? []).map((name) => {
      const words = headerWords(name);
      const meaningful = nameKey(meaningfulWords(words));
      return { field: field as TargetField, name, full: nameKey(words), meaningful, weight };
    }),
  );
}

const TABLE: Synonym[] = [
  ...synonymsOf(SYNONYMS, 1),
  ...Object.values(SYNONYMS_BY_LANGUAGE).flatMap((table) => synonymsOf(table, 1)),
  ...synonymsOf(WEAK_SYNONYMS, WEAK),
];

/** Fuzzy matches only for names this long: "Dpt" against "Dept" is a guess, "Deparment" against "Department" is not. */
const FUZZY_MIN_LENGTH = 5;
const FUZZY_MIN_RATIO = 0.75;

/**
 * Every field the header may name, best first: its words equal a synonym's (1.0), equal once fillers are gone
 * (0.9: "Work Email", "Legal First Name"), or a typo away (up to 0.8: "Frist Name"), in English, Spanish, French,
 * German, Portuguese, Italian or Dutch. A qualifier in brackets ("First Name [Required]", "Extension (optional)")
 * is set aside, and each of "A/B" is tried ("User ID/Email"), each a little less sure. A header with a misleading
 * word ("Email consent", "Manager Email", "Phone (personal)") matches nothing unless it is itself a synonym; one that
 * names a field Users lacks ("Job Title", "Pays") matches nothing.
 */
export function nameMatches(header: string): NameMatch[] {
  let matches = MATCHED.get(header);
  if (!matches) {
    // The same headers come back for every row judged and every call of an import: each is matched once.
    if (MATCHED.size >= MATCHED_MAX) MATCHED.clear();
    matches = matchName(header);
    MATCHED.set(header, matches);
  }
  return matches.map((m) => ({ ...m }));
}

/** Headers already matched, up to this many (a source has at most 1,000 columns). */
const MATCHED = new Map<string, NameMatch[]>();
const MATCHED_MAX = 5_000;

function matchName(header: string): NameMatch[] {
  const words = headerWords(header);
  if (namesOtherField(words)) return [];
  const best = matchesOfName(
    words,
    words.some((w) => MISLEADING_WORDS.has(w)),
  );
  const bare = withoutQualifiers(header);
  // A misleading word inside the brackets ("Phone (personal)") still says the column is something else.
  if (bare !== null && !qualifierWords(header).some((w) => MISLEADING_WORDS.has(w))) {
    if (namesOtherField(headerWords(bare))) return [];
    for (const match of matchName(bare))
      offer(best, {
        ...match,
        confidence: round(match.confidence * QUALIFIED_SHARE),
        reason: `${match.reason}, its note in brackets set aside`,
      });
  }
  const parts = bare === null ? header.split("/") : [];
  if (parts.length > 1)
    for (const part of parts)
      for (const match of matchName(part))
        offer(best, {
          ...match,
          confidence: round(match.confidence * PART_SHARE),
          reason: `${match.reason} (one of "${header}")`,
        });
  return [...best.values()].sort((a, b) => b.confidence - a.confidence);
}

/** A match found once a bracketed qualifier is set aside keeps this share ("First Name [Required]": 0.95). */
const QUALIFIED_SHARE = 0.95;
/** A match of one of "A/B" keeps this share ("User ID/Email": Email at 0.9). */
const PART_SHARE = 0.9;

function offer(best: Map<TargetField, NameMatch>, match: NameMatch): void {
  if ((best.get(match.field)?.confidence ?? 0) < match.confidence) best.set(match.field, match);
}

/** The header's words as they stand, and without a database suffix. */
function matchesOfName(words: readonly string[], misleading: boolean): Map<TargetField, NameMatch> {
  const best = matchesOf(words, misleading);
  // "SITE_CODE", "DEPT_NAME": a database's suffix after the field's name does not stop a match, a little less sure.
  const suffix = words.length > 1 ? words[words.length - 1] : undefined;
  if (suffix && SUFFIXES.has(suffix))
    for (const match of matchesOf(words.slice(0, -1), misleading).values())
      offer(best, {
        ...match,
        confidence: round(match.confidence * SUFFIX_SHARE),
        reason: `${match.reason} with the suffix "${suffix}"`,
      });
  return best;
}

/** Words that end a column name in database exports without changing what it holds. */
const SUFFIXES = new Set(["code", "cd", "name", "nm", "txt", "text", "desc", "value", "val"]);
/** A match found once a suffix is gone keeps this share of its confidence ("SITE_CODE": 0.9 as "Site"). */
const SUFFIX_SHARE = 0.9;

function matchesOf(words: readonly string[], misleading: boolean): Map<TargetField, NameMatch> {
  const best = new Map<TargetField, NameMatch>();
  if (words.length === 0) return best;
  const full = nameKey(words);
  const meaningful = nameKey(meaningfulWords(words));
  for (const synonym of TABLE) {
    const { field, name, weight } = synonym;
    if (synonym.full === full) offer(best, { field, confidence: weight, reason: `header is "${name}"` });
    else if (misleading) continue;
    else if (synonym.meaningful === meaningful)
      offer(best, { field, confidence: round(0.9 * weight), reason: `header means "${name}"` });
    else {
      const ratio = similarity(meaningful, synonym.meaningful);
      if (ratio >= FUZZY_MIN_RATIO)
        offer(best, { field, confidence: round(ratio * 0.8 * weight), reason: `header is close to "${name}"` });
    }
  }
  return best;
}

/**
 * Whether the header says the column is about something else: a misleading word ("Manager Email"), or the name of
 * a field Users has no column for ("Job Title"). Such a column is not judged by its values either.
 */
export function isMisleading(header: string): boolean {
  const words = headerWords(header);
  if (words.some((w) => MISLEADING_WORDS.has(w))) return true;
  const bare = withoutQualifiers(header);
  return namesOtherField(words) || (bare !== null && namesOtherField(headerWords(bare)));
}

function similarity(a: string, b: string): number {
  if (a.length < FUZZY_MIN_LENGTH || b.length < FUZZY_MIN_LENGTH) return 0;
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

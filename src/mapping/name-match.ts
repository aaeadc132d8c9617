import { distance } from "fastest-levenshtein";
import { headerWords, meaningfulWords, nameKey } from "./header-words";
import { MISLEADING_WORDS, SYNONYMS, type TargetField } from "./synonyms";

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
}

const TABLE: Synonym[] = Object.entries(SYNONYMS).flatMap(([field, names]) =>
  (names ?? []).map((name) => {
    const words = headerWords(name);
    return { field: field as TargetField, name, full: nameKey(words), meaningful: nameKey(meaningfulWords(words)) };
  }),
);

/** Fuzzy matches only for names this long: "Dpt" against "Dept" is a guess, "Deparment" against "Department" is not. */
const FUZZY_MIN_LENGTH = 5;
const FUZZY_MIN_RATIO = 0.75;

/**
 * Every field the header may name, best first: its words equal a synonym's (1.0), equal once fillers are gone
 * (0.9: "Work Email", "Legal First Name"), or a typo away (up to 0.8: "Frist Name"). A header with a misleading
 * word ("Email consent", "Manager Email") matches nothing unless it is itself a synonym.
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
  const best = matchesOf(words);
  // "SITE_CODE", "DEPT_NAME": a database's suffix after the field's name does not stop a match, a little less sure.
  const suffix = words.length > 1 ? words[words.length - 1] : undefined;
  if (suffix && SUFFIXES.has(suffix))
    for (const match of matchesOf(words.slice(0, -1)).values()) {
      const confidence = round(match.confidence * SUFFIX_SHARE);
      if ((best.get(match.field)?.confidence ?? 0) < confidence)
        best.set(match.field, { ...match, confidence, reason: `${match.reason} with the suffix "${suffix}"` });
    }
  return [...best.values()].sort((a, b) => b.confidence - a.confidence);
}

/** Words that end a column name in database exports without changing what it holds. */
const SUFFIXES = new Set(["code", "cd", "name", "nm", "txt", "text", "desc", "value", "val"]);
/** A match found once a suffix is gone keeps this share of its confidence ("SITE_CODE": 0.9 as "Site"). */
const SUFFIX_SHARE = 0.9;

function matchesOf(words: readonly string[]): Map<TargetField, NameMatch> {
  const best = new Map<TargetField, NameMatch>();
  if (words.length === 0) return best;
  const full = nameKey(words);
  const meaningful = nameKey(meaningfulWords(words));
  const misleading = words.some((w) => MISLEADING_WORDS.has(w));
  const offer = (match: NameMatch) => {
    if ((best.get(match.field)?.confidence ?? 0) < match.confidence) best.set(match.field, match);
  };
  for (const synonym of TABLE) {
    if (synonym.full === full) offer({ field: synonym.field, confidence: 1, reason: `header is "${synonym.name}"` });
    else if (misleading) continue;
    else if (synonym.meaningful === meaningful)
      offer({ field: synonym.field, confidence: 0.9, reason: `header means "${synonym.name}"` });
    else {
      const ratio = similarity(meaningful, synonym.meaningful);
      if (ratio >= FUZZY_MIN_RATIO)
        offer({ field: synonym.field, confidence: round(ratio * 0.8), reason: `header is close to "${synonym.name}"` });
    }
  }
  return best;
}

/** Whether the header holds a word that says the column is about something else. */
export function isMisleading(header: string): boolean {
  return headerWords(header).some((w) => MISLEADING_WORDS.has(w));
}

function similarity(a: string, b: string): number {
  if (a.length < FUZZY_MIN_LENGTH || b.length < FUZZY_MIN_LENGTH) return 0;
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

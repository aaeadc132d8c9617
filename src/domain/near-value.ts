/**
 * The one known value a cell surely meant when it differs only in capitals or spacing ("san  francisco" for
 * "San Francisco"), or null: a fix a person can apply without a second thought. Anything looser is a guess.
 */
export function nearValue(value: string, known: Iterable<string>): string | null {
  const wanted = folded(value);
  if (!wanted) return null;
  for (const candidate of known) if (candidate !== value && folded(candidate) === wanted) return candidate;
  return null;
}

function folded(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Headers as words: lower case, accents off, `e-mail` → `email`, `#` → `number`, every other mark a space. Two
 * headers are the same name when their words are ("First name", "FIRST_NAME", "firstName", "First-Name").
 */
export function headerWords(header: string): string[] {
  const text = header
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\be-mail/g, "email")
    .replace(/#/g, " number ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  return text === "" ? [] : text.split(" ");
}

/** Words that add nothing to what a column holds: "Work Email", "Primary Email Address", "Legal First Name". */
const FILLERS = new Set([
  "work",
  "business",
  "primary",
  "main",
  "official",
  "company",
  "corporate",
  "legal",
  "preferred",
  "user",
  "users",
  "employee",
  "emp",
  "staff",
  "address",
  "addr",
  "number",
  "num",
  "no",
  "nr",
  "the",
  "of",
]);

/** The words without fillers, or all of them when nothing with a letter would be left ("User 1" stays). */
export function meaningfulWords(words: readonly string[]): string[] {
  const kept = words.filter((w) => !FILLERS.has(w));
  return kept.some((w) => /[a-z]/.test(w)) ? kept : [...words];
}

/** The key two names are compared by: their words run together ("first name" and "firstname" are one key). */
export function nameKey(words: readonly string[]): string {
  return words.join("");
}

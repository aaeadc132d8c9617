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

/**
 * The header without what it says in brackets or parentheses: exporters mark columns "First Name [Required]",
 * "Extension (optional)", "Email (e.g. jane@company.com)", "Phone (Work)". Null when nothing is bracketed, or
 * when nothing would be left.
 */
export function withoutQualifiers(header: string): string | null {
  const stripped = header.replace(QUALIFIER, " ").trim();
  return stripped === header.trim() || stripped === "" ? null : stripped;
}

/** The words inside the header's brackets and parentheses ("Phone (personal)": ["personal"]). */
export function qualifierWords(header: string): string[] {
  return (header.match(QUALIFIER) ?? []).flatMap((q) => headerWords(q));
}

const QUALIFIER = /\[[^\]]*\]|\([^)]*\)|\{[^}]*\}/g;

/**
 * Words that add nothing to what a column holds: "Work Email", "Primary Email Address", "Legal First Name"; and
 * their like in Spanish, French, German, Portuguese, Italian and Dutch ("Adresse e-mail", "N° de poste",
 * "E-mail corporativo", "Numero di telefono", "Téléphone fixe").
 */
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
  "numbers",
  // Articles and prepositions: "Tipo de usuario", "Numéro de poste", "Numero di telefono", "Type d'utilisateur".
  "de",
  "del",
  "du",
  "des",
  "d",
  "la",
  "le",
  "el",
  "di",
  "da",
  "do",
  "der",
  "die",
  "das",
  "van",
  "het",
  // "N°", "Nº", "Número", "Numéro", "Nummer".
  "n",
  "numero",
  "nummer",
  "adresse",
  "direccion",
  "endereco",
  "indirizzo",
  "adres",
  // Work, business, company.
  "corporativo",
  "corporativa",
  "professionnel",
  "professionnelle",
  "geschaftlich",
  "geschaftliche",
  "dienstlich",
  "dienstliche",
  "aziendale",
  "zakelijk",
  "zakelijke",
  "werk",
  "comercial",
  "trabajo",
  "trabalho",
  "lavoro",
  // Landline, as opposed to mobile: "Téléphone fixe", "Teléfono fijo", "Telefone fixo", "Telefono fisso", "Vast nummer".
  "fixe",
  "fijo",
  "fixo",
  "fisso",
  "vast",
  "vaste",
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

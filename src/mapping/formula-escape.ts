/**
 * Export writes text a spreadsheet cannot run as a formula (CSV injection: `=`, `+`, `-`, `@`, tab, carriage
 * return), by putting an apostrophe in front, as OWASP advises; import takes it off again, so that export → import
 * gives back the same values. A value that already starts with apostrophes before such a character gets one more,
 * which keeps the two functions exact inverses.
 */
const RUNNABLE = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;

export function escapeFormula(value: string): string {
  return RUNNABLE.test(value) ? `'${value}` : value;
}

export function unescapeFormula(value: string): string {
  return ESCAPED.test(value) ? value.slice(1) : value;
}

/** A value a spreadsheet would run if it were typed into a cell (a leading `=`), and no apostrophe protects it. */
export function isFormula(value: string): boolean {
  return value.startsWith("=") && value.length > 1;
}

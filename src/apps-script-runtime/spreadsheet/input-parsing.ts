/**
 * What Sheets stores when text is entered into a cell (typed by a person, or written by a script's setValue), in
 * the en_US locale: the subset of its parsing the add-in can run into.
 */

export type CellValue = string | number | boolean | Date;

export const TEXT_FORMAT = "@";

/**
 * Non-strings are kept as they are; strings are parsed as if typed in, except in plain-text cells ('@'). A leading
 * apostrophe forces text and is not kept.
 */
export function entered(input: unknown, format: string): CellValue {
  if (input === null || input === undefined) return "";
  if (input instanceof Date) return new Date(input.getTime());
  if (typeof input === "number" || typeof input === "boolean") return input;
  const text = String(input);
  if (format === TEXT_FORMAT) return text;
  if (text.startsWith("'")) return text.slice(1);
  if (text.startsWith("=")) throw new Error(`This runtime does not evaluate formulas: ${text}`);
  return parsed(text.trim()) ?? text;
}

const NUMBER = /^[+-]?(\d+(,\d{3})*(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Numbers (with thousands separators, exponents, percents), TRUE/FALSE in any case, ISO dates (local midnight). */
function parsed(text: string): number | boolean | Date | null {
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  if (NUMBER.test(text)) {
    const number = Number(text.replace(/[,%]/g, ""));
    return text.endsWith("%") ? number / 100 : number;
  }
  const date = ISO_DATE.exec(text);
  if (date) return new Date(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
  return null;
}

export function copyValue(value: CellValue): CellValue {
  return value instanceof Date ? new Date(value.getTime()) : value;
}

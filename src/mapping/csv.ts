import Papa from "papaparse";
import { MAX_SOURCE_BYTES, MAX_SOURCE_LABEL, sourceTableRefusal } from "./limits";
import { type ImportProblem, importError } from "./problem";

/** A source as rows of text cells, exactly as the file had them (rows may differ in length). */
export type CsvParse = { ok: true; rows: string[][]; delimiter: string } | { ok: false; problem: ImportProblem };

const DELIMITERS = [",", ";", "\t", "|"];

/**
 * CSV text → rows. Any common delimiter (comma, semicolon, tab, bar; guessed from the text), quotes, CRLF and a
 * byte-order mark. Empty text, binary content, an unclosed quote and text, rows, columns or cells over the limits
 * are problems, not throws. Pure: runs in Apps Script as well.
 */
export function parseCsv(text: string): CsvParse {
  if (text.length > MAX_SOURCE_BYTES)
    return fail(`The file is larger than ${MAX_SOURCE_LABEL}: split it, or remove the columns you do not import.`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") return fail("The file is empty: there is no header and no row to import.");
  if (looksBinary(body))
    return fail("The file is not text (it looks like a binary file): save it as CSV (UTF-8) or .xlsx and import that.");
  const parsed = Papa.parse<string[]>(body, { delimiter: guessDelimiter(body), skipEmptyLines: false });
  const quote = parsed.errors.find((e) => e.type === "Quotes");
  if (quote)
    return fail(
      `A quote opened on row ${(quote.row ?? 0) + 1} is never closed, so the rest of the file would be one value: close or remove it.`,
    );
  const tooLarge = sourceTableRefusal(parsed.data);
  if (tooLarge) return fail(tooLarge);
  return { ok: true, rows: parsed.data, delimiter: parsed.meta.delimiter };
}

/** Lines looked at to guess the delimiter. */
const SAMPLE_LINES = 50;

/**
 * The delimiter that splits the most sample lines into the same number (two or more) of fields: title rows and
 * commas inside semicolon-separated values then do not mislead it. Ties go to the comma, then the order above.
 */
function guessDelimiter(body: string): string {
  const sample = body
    .split(/\r\n|\n|\r/, SAMPLE_LINES)
    .filter((line) => line.trim() !== "")
    .join("\n");
  let best = { delimiter: ",", share: 0, fields: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = Papa.parse<string[]>(sample, { delimiter }).data.map((row) => row.length);
    const fields = mode(counts);
    const share = fields < 2 ? 0 : counts.filter((n) => n === fields).length / counts.length;
    // On a tie the comma stays: our own exports are comma-separated, and a value may hold a semicolon.
    const tieBreak = share === best.share && share > 0 && fields > best.fields && best.delimiter !== ",";
    if (share > best.share || tieBreak) best = { delimiter, share, fields };
  }
  return best.delimiter;
}

function mode(counts: readonly number[]): number {
  const seen = new Map<number, number>();
  let best = 0;
  for (const n of counts) {
    const times = (seen.get(n) ?? 0) + 1;
    seen.set(n, times);
    if (times > (seen.get(best) ?? 0) || (times === seen.get(best) && n > best)) best = n;
  }
  return best;
}

/** Rows → CSV text with CRLF line ends, every value quoted when it needs to be. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  // A value holding another delimiter is quoted too, so that reading the file back never guesses that delimiter.
  const quotes = (value: unknown) => typeof value === "string" && /[;\t|]/.test(value);
  return `${Papa.unparse(rows as string[][], { newline: "\r\n", quotes })}\r\n`;
}

/** NUL characters, or more than 1% control characters, in the first 8,000 characters: no CSV has those. */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, 8000);
  if (head.includes("\u0000")) return true;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const code = head.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0xfffd) control++;
  }
  return control > head.length / 100;
}

function fail(message: string): CsvParse {
  return { ok: false, problem: importError("", message) };
}

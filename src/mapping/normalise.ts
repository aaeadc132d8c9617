import { parseE164, suggestE164 } from "../domain/phone";
import type { UsersKey } from "../domain/tabs";
import { wizardCorrection } from "../domain/user-type";
import { isFormula, unescapeFormula } from "./formula-escape";
import { type FieldMapping, splitsName, USERS_KEYS } from "./mapping";
import { type ImportProblem, importError } from "./problem";
import { countryCodeOf, countryColumn } from "./row-country";
import type { SourceSheet } from "./source-sheet";
import { lineUriParts } from "./value-kinds";
import { userTypeOf, wizardStateOf } from "./value-synonyms";
import type { ValuesForAll } from "./values-for-all";

/** One user of the source as Users values: only the mapped columns are present. */
export interface ImportedRow {
  where: string;
  values: Partial<Record<UsersKey, string>>;
}

/** What normalising needs from the workspace: each site's country, and the country when the site names none. */
export interface NormaliseContext {
  siteCountry: ReadonlyMap<string, string>;
  defaultCountry: string;
}

/** A source field that holds formulas: stop after this many, the person has understood. */
const MAX_FORMULA_PROBLEMS = 20;

/**
 * Source records → Users values: export escaping undone, user types and wizard states from their synonyms, a full
 * name split, phone numbers to E.164 (the row's own country column, else its site's country, else the workspace's;
 * a Teams LineURI's number as it is), extensions as digits kept as
 * text. A value that is still a formula is a problem: a sheet would run it. Records with no mapped value are skipped
 * (a value given for all rows does not make a blank record a user). `given` fills its columns on every row; the
 * mapping has already let go of their source fields.
 */
export function normaliseRecords(
  sheet: SourceSheet,
  mapping: FieldMapping,
  context: NormaliseContext,
  given: ValuesForAll = {},
): { rows: ImportedRow[]; problems: ImportProblem[] } {
  const index = new Map(sheet.headers.map((h, i) => [h, i]));
  const mapped = USERS_KEYS.flatMap((key) => {
    const source = mapping[key];
    const at = source === null ? undefined : index.get(source);
    return at === undefined ? [] : [{ key, at, source: source as string }];
  });
  const split = splitsName(mapping);
  const countryAt = countryColumn(sheet.headers);
  const rows: ImportedRow[] = [];
  const problems: ImportProblem[] = [];
  for (const record of sheet.records) {
    const values: Partial<Record<UsersKey, string>> = {};
    let any = false;
    for (const { key, at, source } of mapped) {
      const value = unescapeFormula(record.cells[at] ?? "");
      if (isFormula(record.cells[at] ?? "") && problems.length < MAX_FORMULA_PROBLEMS)
        problems.push(formula(record.where, source));
      values[key] = value;
      if (value !== "") any = true;
    }
    if (!any) continue;
    Object.assign(values, given);
    if (split) splitName(values);
    normaliseValues(values, context, countryCodeOf(countryAt < 0 ? "" : (record.cells[countryAt] ?? "")));
    rows.push({ where: record.where, values });
  }
  return { rows, problems };
}

/** The values given for all rows as they will be written ("user" → "User"), for the preview to show. */
export function normaliseGiven(given: ValuesForAll, context: NormaliseContext): ValuesForAll {
  const values = { ...given };
  normaliseValues(values, context, null);
  return values;
}

/** `rowCountry`: the source's own country for this row, which reads its national numbers before the site's. */
function normaliseValues(values: Partial<Record<UsersKey, string>>, context: NormaliseContext, rowCountry: string | null): void {
  if (values.userType) values.userType = userTypeOf(values.userType) ?? values.userType;
  if (values.setupWizard) values.setupWizard = wizardStateOf(values.setupWizard) ?? values.setupWizard;
  // A type that forces its wizard (a Limited Extension: Completed) shows it in the sheet, as the sync sends it.
  const forced = wizardCorrection(values.userType ?? "", values.setupWizard ?? "");
  if (forced) values.setupWizard = forced;
  if (values.email) values.email = values.email.replace(/^mailto:/i, "");
  if (values.ext) values.ext = extensionOf(values.ext);
  if (values.tags) values.tags = values.tags.replace(/\s*[;,]\s*/g, ";");
  const country = rowCountry ?? context.siteCountry.get(values.site ?? "") ?? context.defaultCountry;
  if (values.phone) values.phone = phoneOf(values.phone, country);
  if (values.tempNumber) values.tempNumber = phoneOf(values.tempNumber, country);
}

/** "Last, First" as written, else the first word is the first name and the rest the last ("Front Desk"). */
function splitName(values: Partial<Record<UsersKey, string>>): void {
  const full = (values.firstName ?? "").trim();
  const comma = full.indexOf(",");
  if (comma >= 0) {
    values.lastName = full.slice(0, comma).trim();
    values.firstName = full.slice(comma + 1).trim();
    return;
  }
  const space = full.search(/\s/);
  values.firstName = space < 0 ? full : full.slice(0, space);
  values.lastName = space < 0 ? "" : full.slice(space).trim();
}

/**
 * "x201", "ext. 201", a LineURI's ";ext=201" → "201"; digits stay text, leading zeros kept. Anything else stays for
 * validation to name.
 */
function extensionOf(value: string): string {
  const uri = lineUriParts(value);
  if (uri) return uri.ext ?? "";
  const digits = /^(?:x|ext\.?|extn\.?)?\s*(\d+)$/i.exec(value);
  return digits ? (digits[1] as string) : value;
}

/**
 * E.164 as it is (a Teams LineURI's number too), else read as a number of the country; a value that is no number
 * stays for validation to name.
 */
function phoneOf(value: string, country: string): string {
  const uri = lineUriParts(value);
  if (uri) return uri.number;
  if (parseE164(value)) return value;
  return suggestE164(value, country) ?? value;
}

function formula(where: string, source: string): ImportProblem {
  return importError(
    `${where}, ${source}`,
    `${capital(where)}, ${source}: the value starts with "=", so a spreadsheet would run it as a formula. Remove it, or put an apostrophe in front to keep it as text.`,
  );
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

import { USERS_TAB, type UsersKey } from "../domain/tabs";
import { isFormula } from "./formula-escape";
import { type FieldMapping, headerOf, notAUsersColumn, OWN_KEYS, usersKeyOf } from "./mapping";
import { type ImportProblem, importError } from "./problem";

/**
 * One value typed once for a Users column and given to every imported row (Site = "Main", User Type = "User"), in
 * place of a source field: a source without a Site column can still fill Site.
 */
export type ValuesForAll = Partial<Record<UsersKey, string>>;

/**
 * Columns no one value may fill: those the sync writes (one RC Id or Temp # for every row would point them all at
 * one user), and the secrets (one PIN or password for everyone is no secret, and a value given here is echoed back).
 */
const NOT_FOR_ALL: readonly UsersKey[] = [...OWN_KEYS, "tempNumber", "pin", "password", "secretAnswer"];

/** The Users column headers that may be given one value for all rows, in the tab's order. */
export const ONE_VALUE_HEADERS: readonly string[] = USERS_TAB.columns
  .filter((c) => !NOT_FOR_ALL.includes(c.key))
  .map((c) => c.header);

/**
 * Users column headers → keys, as the wizard and `--set "Site=Main"` give them. A blank value gives nothing; an
 * unknown header is refused by name, and so is a value a spreadsheet would run as a formula.
 */
export function valuesFromHeaders(given: Readonly<Record<string, string>>): {
  values: ValuesForAll;
  problems: ImportProblem[];
} {
  const values: ValuesForAll = {};
  const problems: ImportProblem[] = [];
  for (const [header, raw] of Object.entries(given)) {
    const key = usersKeyOf(header);
    const value = raw.trim();
    if (!key) problems.push(notAUsersColumn(`value for "${header}"`, header));
    else if (NOT_FOR_ALL.includes(key)) problems.push(notForAll(key));
    else if (isFormula(value)) problems.push(formula(key, value));
    else if (value !== "") values[key] = value;
  }
  return { values, problems };
}

export function valuesByHeader(values: ValuesForAll): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [headerOf(key as UsersKey), value]));
}

/** A column given one value takes it from nowhere else: its source field, if any, is let go. */
export function withoutGiven(mapping: FieldMapping, values: ValuesForAll): FieldMapping {
  const left = { ...mapping };
  for (const key of Object.keys(values) as UsersKey[]) left[key] = null;
  return left;
}

function notForAll(key: UsersKey): ImportProblem {
  const header = headerOf(key);
  return importError(
    `value for ${header}`,
    `${header} cannot be given one value for all rows: each row needs its own (map a field of the source to it instead).`,
  );
}

function formula(key: UsersKey, value: string): ImportProblem {
  const header = headerOf(key);
  return importError(
    `value for ${header}`,
    `The value for ${header}, "${value}", starts with "=", so a spreadsheet would run it as a formula: type it without the "=".`,
  );
}

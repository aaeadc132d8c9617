import { USERS_TAB, type UsersKey } from "../domain/tabs";
import { type ImportProblem, importError } from "./problem";
import type { Orientation, SourceSheet } from "./source-sheet";

/** Which source header each Users column takes its values from; null leaves the column alone. */
export type FieldMapping = Record<UsersKey, string | null>;

/** A mapping as people and files write it: Users column headers ("Phone #") to source headers. */
export interface MappingByHeader {
  orientation: Orientation;
  fields: Record<string, string | null>;
  /** Column header ("User Type") → source value → what it becomes (value-mapping.ts); absent when none was chosen. */
  values?: Record<string, Record<string, string>>;
}

export const USERS_KEYS = USERS_TAB.columns.map((c) => c.key) as UsersKey[];

/** The add-in's own columns: taken from a source only when it is one of our exports (it has an RC Id column). */
export const OWN_KEYS: readonly UsersKey[] = ["status", "rcId", "syncedAt", "message"];

export function emptyMapping(): FieldMapping {
  return Object.fromEntries(USERS_KEYS.map((k) => [k, null])) as FieldMapping;
}

/** Every Users column header as a key, in the tab's order. */
export function mappingByHeader(
  orientation: Orientation,
  mapping: FieldMapping,
  values: Record<string, Record<string, string>> = {},
): MappingByHeader {
  const fields = Object.fromEntries(USERS_TAB.columns.map((c) => [c.header, mapping[c.key]]));
  return Object.keys(values).length > 0 ? { orientation, fields, values } : { orientation, fields };
}

/**
 * Headers → keys. An unknown Users column header is a problem (a typo would silently drop a column); a column the
 * object does not list maps to nothing.
 */
export function mappingFromHeaders(fields: Readonly<Record<string, string | null>>): {
  mapping: FieldMapping;
  problems: ImportProblem[];
} {
  const mapping = emptyMapping();
  const problems: ImportProblem[] = [];
  for (const [header, source] of Object.entries(fields)) {
    const key = usersKeyOf(header);
    if (key) mapping[key] = source === "" ? null : source;
    else problems.push(notAUsersColumn(`mapping "${header}"`, header));
  }
  return { mapping, problems };
}

/** The Users column a header names (any case, spaces around ignored), or null. */
export function usersKeyOf(header: string): UsersKey | null {
  return USERS_TAB.columns.find((c) => c.header.toLowerCase() === header.trim().toLowerCase())?.key ?? null;
}

export function notAUsersColumn(where: string, header: string): ImportProblem {
  return importError(
    where,
    `"${header}" is not a column of the Users tab; the columns are ${USERS_TAB.columns.map((c) => c.header).join(", ")}.`,
  );
}

/**
 * What is wrong with a mapping for this source (a header standing twice is the sheet's own problem): a header the
 * source lacks, one column taken by two fields (only a full name may feed First Name and Last Name, a LineURI Phone # and Ext), a required column left out.
 */
export function checkMapping(sheet: SourceSheet, mapping: FieldMapping): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const headers = new Set(sheet.headers);
  const users = new Map<string, UsersKey[]>();
  for (const key of USERS_KEYS) {
    const source = mapping[key];
    if (source === null) continue;
    const header = headerOf(key);
    if (!headers.has(source))
      problems.push(
        importError(`mapping of ${header}`, `${header} is mapped to "${source}", which is not a field of the source.`),
      );
    users.set(source, [...(users.get(source) ?? []), key]);
  }
  for (const [source, keys] of users) if (keys.length > 1 && !feedsTwo(keys)) problems.push(usedTwice(source, keys));
  return problems;
}

/** First Name and Last Name from one field: a full name, split on the way in. */
export function splitsName(mapping: FieldMapping): boolean {
  return mapping.firstName !== null && mapping.firstName === mapping.lastName;
}

/** The key a set of source headers is remembered by: the same headers in any order or case give the same key. */
export function headerSetKey(headers: readonly string[]): string {
  return JSON.stringify([...new Set(headers.map((h) => h.trim().toLowerCase()))].sort());
}

/** One field may feed two columns: a full name (First and Last Name), a Teams LineURI (Phone # and its Ext). */
function feedsTwo(keys: readonly UsersKey[]): boolean {
  const pair = (a: UsersKey, b: UsersKey) => keys.length === 2 && keys.includes(a) && keys.includes(b);
  return pair("firstName", "lastName") || pair("phone", "ext");
}

function usedTwice(source: string, keys: readonly UsersKey[]): ImportProblem {
  const names = keys.map(headerOf).join(" and ");
  return importError(
    `header "${source}"`,
    `"${source}" is mapped to ${names}: a field feeds one column (only a full name feeds First Name and Last Name, and a Teams LineURI Phone # and Ext).`,
  );
}

export function headerOf(key: UsersKey): string {
  return USERS_TAB.columns.find((c) => c.key === key)?.header ?? key;
}

import { counted } from "../domain/counted";
import type { UsersKey } from "../domain/tabs";
import { MAIN_SITE, type Workspace } from "../domain/workspace";
import { isFormula, unescapeFormula } from "./formula-escape";
import { headerWords } from "./header-words";
import type { FieldMapping } from "./mapping";
import { type ImportProblem, importError, importWarning } from "./problem";
import { countryColumn } from "./row-country";
import type { SourceSheet } from "./source-sheet";
import {
  COUNTRY_CODES,
  guessCountry,
  guessName,
  guessStatus,
  guessUserType,
  guessWizardState,
  NO_MATCH,
  STATUS_TARGETS,
  squeezed,
  USER_TYPE_TARGETS,
  type ValueGuess,
  WIZARD_TARGETS,
} from "./value-proposal";

/**
 * The columns whose values must come from a list, mapped value by value: five Users columns, and the source's own
 * country column (which reads its rows' national numbers, so only while Phone # or Temp # is mapped).
 */
export const VALUE_COLUMNS = ["userType", "setupWizard", "site", "role", "status", "country"] as const;
export type ValueColumn = (typeof VALUE_COLUMNS)[number];

const HEADERS: Record<ValueColumn, string> = {
  userType: "User Type",
  setupWizard: "Setup Wizard",
  site: "Site",
  role: "Role",
  status: "Status",
  country: "Country",
};

/** Per column, a source value (ends trimmed, inner runs of spaces as one) → the value written in its place. */
export type ValueMapping = Partial<Record<ValueColumn, Record<string, string>>>;

/** The names a Site or Role value may take: the workspace's and the account's (the main site among the sites). */
export interface ValueTargets {
  sites: readonly string[];
  roles: readonly string[];
}

/** The workspace's sites (the main site, the Sites tab's, the account's) and roles (the Roles tab's, the account's among them). */
export function valueTargetsOf(workspace: Workspace): ValueTargets {
  const names = (list: readonly { name: string }[]) => list.map((x) => x.name).filter((n) => n !== "");
  return {
    sites: [...new Set([MAIN_SITE, ...names(workspace.sites), ...names(workspace.account.sites)])],
    roles: [...new Set(names(workspace.roles))],
  };
}

/** One distinct value of a source field, how many rows hold it, and what it is proposed to become. */
export interface ValueProposal extends ValueGuess {
  value: string;
  count: number;
}

/** A mapped column's distinct values with their proposals: what the wizard's values step shows. */
export interface ColumnValues {
  column: ValueColumn;
  /** The column's header (Users, or "Country"). */
  header: string;
  /** The source field its values come from. */
  source: string;
  /** What a value may become; a site may also be a new one (its own name, or one typed). */
  targets: readonly string[];
  newAllowed: boolean;
  /** Most rows first. */
  values: ValueProposal[];
}

const NEW_SITE = "a new site";

/** Every mapped value column's distinct values, each with a proposal from its words and the workspace's names. */
export function proposeValues(sheet: SourceSheet, mapping: FieldMapping, targets: ValueTargets): ColumnValues[] {
  return VALUE_COLUMNS.flatMap((column) => {
    const source = sourceOf(sheet, mapping, column);
    const at = source === null ? -1 : sheet.headers.indexOf(source);
    if (source === null || at < 0) return [];
    const counts = new Map<string, number>();
    for (const record of sheet.records) {
      const value = squeezed(unescapeFormula(record.cells[at] ?? ""));
      if (value !== "") counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const values = [...counts]
      .map(([value, count]) => ({ value, count, ...guess(column, value, targets) }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    if (column === "site") oneNewSitePerName(values);
    return [
      { column, header: HEADERS[column], source, targets: targetsOf(column, targets), newAllowed: column === "site", values },
    ];
  });
}

/**
 * "Dallas" and "dallas " are one new site, spelt as most rows spell it (the values come most rows first). A value a
 * sheet would run ("=HQ", kept as text) is never one with "HQ": the words alone would make them one.
 */
function oneNewSitePerName(values: ValueProposal[]): void {
  const spelt = new Map<string, string>();
  for (const v of values) {
    if (v.reason !== NEW_SITE || v.target === null) continue;
    const key = `${isFormula(v.target) ? "=" : ""}${headerWords(v.target).join(" ")}`;
    const first = spelt.get(key);
    if (first === undefined) spelt.set(key, v.target);
    else v.target = first;
  }
}

/** The proposals, with the person's choices (and remembered ones) over them: what each value becomes. */
export function chosenValues(columns: readonly ColumnValues[], chosen: ValueMapping): ValueMapping {
  const result: ValueMapping = {};
  for (const { column, values } of columns) {
    const map: Record<string, string> = {};
    for (const v of values) {
      const target = chosen[column]?.[v.value] ?? v.target;
      if (target) map[v.value] = target;
    }
    result[column] = map;
  }
  return result;
}

/** How many values of a column a warning names before it says "and N more". */
const NAMED = 8;

/** The values nothing maps, one warning per column: each would fail validation, so the person hears of it first. */
export function unmatchedValues(columns: readonly ColumnValues[], values: ValueMapping): ImportProblem[] {
  return columns.flatMap(({ column, header, source, values: found }) => {
    const open = found.filter((v) => !values[column]?.[v.value]);
    if (open.length === 0) return [];
    const named = open.slice(0, NAMED).map((v) => `"${v.value}" (${counted(v.count, "row")})`);
    const more = open.length > NAMED ? ` and ${open.length - NAMED} more` : "";
    const one = open.length === 1;
    return [
      importWarning(
        `values of ${header}`,
        `${one ? "A value" : `${open.length} values`} of "${source}" ${one ? "matches" : "match"} nothing on the ${header} list: ${named.join(", ")}${more}. Choose what ${one ? "it becomes" : "each becomes"}, or the rows keep ${one ? "it" : "them"} and fail validation.`,
      ),
    ];
  });
}

/** The new sites the mapping names: the sites its rows will take that neither the workspace nor the account has. */
export function newSites(columns: readonly ColumnValues[], values: ValueMapping, targets: ValueTargets): string[] {
  const known = new Set(targets.sites);
  const found = columns.find((c) => c.column === "site")?.values ?? [];
  return [...new Set(found.flatMap((v) => values.site?.[v.value] ?? []))].filter((site) => !known.has(site));
}

/** The source with each mapped value written as it maps, so that normalising and validation see the mapped values. */
export function withMappedValues(sheet: SourceSheet, mapping: FieldMapping, values: ValueMapping): SourceSheet {
  const columns = VALUE_COLUMNS.flatMap((column) => {
    const source = sourceOf(sheet, mapping, column);
    const at = source === null ? -1 : sheet.headers.indexOf(source);
    const map = values[column];
    return at < 0 || !map || Object.keys(map).length === 0 ? [] : [{ at, map }];
  });
  if (columns.length === 0) return sheet;
  const records = sheet.records.map((record) => {
    const cells = [...record.cells];
    for (const { at, map } of columns) {
      const cell = cells[at] ?? "";
      const raw = unescapeFormula(cell);
      const target = map[squeezed(raw)];
      // A value kept as it is stays escaped ("'=x" of an export): unescaped here, a sheet would run it.
      if (target !== undefined) cells[at] = target === squeezed(raw) && raw !== cell ? cell : target;
    }
    return { ...record, cells };
  });
  return { ...sheet, records };
}

/** A value mapping as files and the Import Mappings tab write it: by column header. */
export function valueMappingByHeader(values: ValueMapping): Record<string, Record<string, string>> {
  const byHeader: Record<string, Record<string, string>> = {};
  for (const column of VALUE_COLUMNS) {
    const map = values[column];
    if (map && Object.keys(map).length > 0) byHeader[HEADERS[column]] = map;
  }
  return byHeader;
}

/**
 * Headers → columns, each target checked: a User Type, Setup Wizard, Status or Country must be one of its list
 * (any of its names: "voicemail" is Message Only, "canada" is CA); a Site or Role any name (a new site, or one the
 * validation will look for). A null target is no choice. Wrong entries are problems naming the column and value.
 */
export function valueMappingFromHeaders(byHeader: Readonly<Record<string, Readonly<Record<string, string | null>>>>): {
  values: ValueMapping;
  problems: ImportProblem[];
} {
  const values: ValueMapping = {};
  const problems: ImportProblem[] = [];
  for (const [header, map] of Object.entries(byHeader)) {
    const column = valueColumnOf(header);
    if (!column) {
      problems.push(notAValueColumn(header));
      continue;
    }
    const into: Record<string, string> = {};
    for (const [value, raw] of Object.entries(map)) {
      if (raw === null) continue;
      const target = canonicalTarget(column, squeezed(raw));
      if (typeof target === "string") into[squeezed(value)] = target;
      else problems.push(importError(`${HEADERS[column]} "${value}"`, target.problem));
    }
    values[column] = { ...values[column], ...into };
  }
  return { values, problems };
}

/** The value column a header names (any case), or null. */
export function valueColumnOf(header: string): ValueColumn | null {
  const wanted = header.trim().toLowerCase();
  return VALUE_COLUMNS.find((c) => HEADERS[c].toLowerCase() === wanted) ?? null;
}

export function notAValueColumn(header: string): ImportProblem {
  return importError(
    `values of "${header}"`,
    `"${header}" is not a column mapped value by value; those are ${VALUE_COLUMNS.map((c) => HEADERS[c]).join(", ")}.`,
  );
}

/** The source field a value column reads: its mapped field; for Country, the source's own country column. */
function sourceOf(sheet: SourceSheet, mapping: FieldMapping, column: ValueColumn): string | null {
  if (column !== "country") return mapping[column as UsersKey];
  if (mapping.phone === null && mapping.tempNumber === null) return null;
  return sheet.headers[countryColumn(sheet.headers)] ?? null;
}

function guess(column: ValueColumn, value: string, targets: ValueTargets): ValueGuess {
  switch (column) {
    case "userType":
      return guessUserType(value);
    case "setupWizard":
      return guessWizardState(value);
    case "status":
      return guessStatus(value);
    case "country":
      return guessCountry(value);
    case "role":
      return guessName(value, targets.roles, "role");
    case "site": {
      const site = guessName(value, targets.sites, "site");
      // A name no site has, nor near it: kept as a new site (added to the Sites tab), which the person may change.
      return site.reason === NO_MATCH.reason ? { target: value, reason: NEW_SITE } : site;
    }
  }
}

function targetsOf(column: ValueColumn, targets: ValueTargets): readonly string[] {
  const lists: Record<ValueColumn, readonly string[]> = {
    userType: USER_TYPE_TARGETS,
    setupWizard: WIZARD_TARGETS,
    status: STATUS_TARGETS,
    country: COUNTRY_CODES,
    site: targets.sites,
    role: targets.roles,
  };
  return lists[column];
}

function canonicalTarget(column: ValueColumn, target: string): string | { problem: string } {
  const header = HEADERS[column];
  if (target === "") return { problem: `${header}: a value maps to nothing; give what it becomes.` };
  if (isFormula(target)) return { problem: `${header}: "${target}" starts with "=", so a spreadsheet would run it.` };
  if (column === "site" || column === "role") return target;
  const found = guess(column, target, { sites: [], roles: [] }).target;
  const list = targetsOf(column, { sites: [], roles: [] });
  if (found && list.includes(found)) return found;
  return {
    problem: `"${target}" is not a ${header}; ${column === "country" ? "give a two-letter ISO code such as US, CA or GB" : `choose one of ${list.join(", ")}`}.`,
  };
}

/** `over` laid on `under`, value by value within each column (a flag over a file, a file over what was remembered). */
export function overValues(under: ValueMapping, over: ValueMapping): ValueMapping {
  const result: ValueMapping = { ...under };
  for (const column of VALUE_COLUMNS) if (over[column]) result[column] = { ...under[column], ...over[column] };
  return result;
}

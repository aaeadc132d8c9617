import type { Cell } from "../domain/cell";
import type { Finding } from "../domain/finding";
import { blankRecord } from "../domain/records";
import { rowNames } from "../domain/row-names";
import { SITES_TAB } from "../domain/tabs";
import { validateWorkspace } from "../domain/validation/index";
import { gateProblems, requiredWithoutSource } from "../mapping/import-gate";
import { checkMapping, type FieldMapping, type MappingByHeader, mappingByHeader, mappingFromHeaders } from "../mapping/mapping";
import { type MergePlan, planMerge, usersAfter } from "../mapping/merge-plan";
import { normaliseGiven, normaliseRecords } from "../mapping/normalise";
import { blocks, type ImportProblem, importError, importWarning } from "../mapping/problem";
import { type MappingProposal, proposedMapping, proposeMapping } from "../mapping/proposal";
import { type OrientationChoice, readSourceSheet, type SourceSheet } from "../mapping/source-sheet";
import {
  type ColumnValues,
  chosenValues,
  newSites,
  proposeValues,
  unmatchedValues,
  type ValueMapping,
  valueMappingByHeader,
  valueMappingFromHeaders,
  valueTargetsOf,
  withMappedValues,
} from "../mapping/value-mapping";
import { type ValuesForAll, valuesByHeader, withoutGiven } from "../mapping/values-for-all";
import { recallMapping, rememberMapping } from "./mapping-memory";
import type { Workbook } from "./port";
import { appendRows } from "./table-replace";
import { refreshUsersDropdowns } from "./users-dropdowns";
import { writeMergePlan } from "./users-writer";
import { type ReadWorkspace, readWorkspace } from "./workspace-reader";

/** A source read and mapped: what the wizard's mapping step shows. */
export interface MappedSource {
  sheet: SourceSheet;
  proposal: MappingProposal;
  /** The mapping to use: the one remembered for these headers, else the proposal. */
  mapping: FieldMapping;
  remembered: boolean;
  /** The values chosen last time for these headers, by column (empty when none were remembered). */
  values: ValueMapping;
}

/** Reads a source table and proposes a mapping, or offers the one remembered in `workbook` for the same headers. */
export function mapSource(
  table: readonly (readonly Cell[])[],
  orientation: OrientationChoice,
  workbook?: Workbook,
): MappedSource {
  const recalled = workbook ? recallFor(workbook, table, orientation) : null;
  const sheet = readSourceSheet(table, recalled?.orientation ?? orientation);
  const proposal = proposeMapping(sheet);
  const known = recalled ? mappingFromHeaders(recalled.fields) : null;
  const usable = known && known.problems.length === 0 && checkMapping(sheet, known.mapping).every((p) => p.severity !== "error");
  // A remembered choice the lists no longer take (edited by hand) is dropped, the others kept.
  const values = usable && recalled?.values ? valueMappingFromHeaders(recalled.values).values : {};
  return { sheet, proposal, mapping: usable ? known.mapping : proposedMapping(proposal), remembered: Boolean(usable), values };
}

/**
 * A finding about an imported row, with where the row came from in the source ("row 13") and the row as the
 * person knows it ("source row 13, Kofi Egan"): the Users row it would take means nothing to them yet.
 */
export type ImportFinding = Finding & { source: string; place: string };

export interface ImportPreview {
  counts: { added: number; merged: number; unchanged: number };
  /** Findings of validation about the imported rows, as they will stand in the Users tab. */
  findings: ImportFinding[];
  /** What stops the import (errors) or deserves a look (warnings), about the source and the mapping. */
  problems: ImportProblem[];
  canApply: boolean;
  /** The values given for all rows, by Users column header, as they will be written. */
  valuesForAll: Record<string, string>;
  /** Sites the value mapping names that neither the workspace nor the account has: added to the Sites tab. */
  newSites: string[];
}

export interface PlannedImport {
  preview: ImportPreview;
  plan: MergePlan;
  read: ReadWorkspace;
  sheet: SourceSheet;
  mapping: FieldMapping;
  /** Required fields neither mapped nor given, when rows would be added: the gate's refusal, empty when it lets go. */
  unsourced: string[];
  /** The values the person chose (proposals aside), remembered with the mapping. */
  values: ValueMapping;
}

/**
 * The values step: each value column's distinct values with their proposals; a value the person has `chosen`, else
 * one chosen last time for these headers (the Import Mappings tab), stands in for its proposal.
 */
export function valueChoices(
  workbook: Workbook,
  sheet: SourceSheet,
  fields: FieldMapping,
  given: ValuesForAll,
  chosen: ValueMapping,
): ColumnValues[] {
  const recalled = recallMapping(workbook, sheet.headers)?.values;
  const remembered = recalled ? valueMappingFromHeaders(recalled).values : {};
  const columns = proposeValues(sheet, withoutGiven(fields, given), valueTargetsOf(readWorkspace(workbook).workspace));
  return columns.map((c) => ({
    ...c,
    values: c.values.map((v) => {
      const now = chosen[c.column]?.[v.value];
      const before = remembered[c.column]?.[v.value];
      if (now && now !== v.target) return { ...v, target: now, reason: "chosen" };
      return before ? { ...v, target: before, reason: "chosen last time", sure: true as const } : v;
    }),
  }));
}

/**
 * What importing `sheet` with `mapping`, the values `given` for all rows and the `values` chosen for source values
 * (the proposals for the others) would do, without writing: rows added and merged, sites added, and the validation
 * of the imported rows inside the whole workspace (uniqueness and references included). Rows are added only once
 * every required field is mapped or given (the gate).
 */
export function planImport(
  workbook: Workbook,
  source: SourceSheet,
  chosen: FieldMapping,
  given: ValuesForAll = {},
  values: ValueMapping = {},
): PlannedImport {
  const read = readWorkspace(workbook);
  const mapping = withoutGiven(chosen, given);
  const targets = valueTargetsOf(read.workspace);
  const columns = proposeValues(source, mapping, targets);
  const mappedValues = chosenValues(columns, values);
  const sheet = withMappedValues(source, mapping, mappedValues);
  // No Sites tab (Set up never ran): nothing to add them to, and the rows' sites are named as unknown.
  const sitesAdded = read.sheets.has("sites") ? newSites(columns, mappedValues, targets) : [];
  const problems = [...sheet.problems, ...checkMapping(sheet, mapping), ...missingUsersTab(read)];
  problems.push(...unmatchedValues(columns, mappedValues));
  problems.push(...unreadAccountSites(read, sitesAdded));
  const siteCountry = new Map<string, string>();
  for (const site of [...read.workspace.account.sites, ...read.workspace.sites])
    if (site.country) siteCountry.set(site.name, site.country.toUpperCase());
  const context = { siteCountry, defaultCountry: read.workspace.settings.defaultCountry };
  const normalised = normaliseRecords(sheet, mapping, context, given);
  for (const problem of normalised.problems) problems.push(problem);
  if (normalised.rows.length === 0 && !blocks(problems))
    problems.push(
      importError("", "No row of the source has a value in a mapped field: map at least one field that holds values."),
    );
  const rows = read.sizes.get("users")?.rows ?? 1;
  const plan = planMerge(read.workspace.users, normalised.rows, Math.max(rows, 1) + 1);
  // The documentation's upload window: new rows wait until every required field is mapped or given.
  const unsourced = requiredWithoutSource(mapping, given, plan.added.length > 0);
  problems.push(...gateProblems(unsourced));
  const findings = importedFindings(read, plan, sitesAdded);
  const counts = { added: plan.added.length, merged: plan.merged.length, unchanged: plan.unchanged.length };
  const valuesForAll = valuesByHeader(normaliseGiven(given, context));
  return {
    preview: { counts, findings, problems, canApply: !blocks(problems), valuesForAll, newSites: sitesAdded },
    plan,
    read,
    sheet,
    mapping,
    unsourced,
    values,
  };
}

/** Writes a planned import (nothing when it has errors) and remembers its mapping; true when it wrote. */
export function applyImport(workbook: Workbook, planned: PlannedImport, usedAt: string): boolean {
  if (!planned.preview.canApply) return false;
  writeMergePlan(workbook, planned.read, planned.plan);
  const sites = planned.read.sheets.get("sites");
  if (sites)
    appendRows(
      workbook,
      sites,
      SITES_TAB,
      planned.preview.newSites.map((name) => ({ name })),
    );
  if (sites && planned.preview.newSites.length) refreshUsersDropdowns(workbook);
  const byHeader = mappingByHeader(planned.sheet.orientation, planned.mapping, valueMappingByHeader(planned.values));
  rememberMapping(workbook, planned.sheet.headers, byHeader, usedAt);
  return true;
}

/**
 * Before the account was read, a site neither tab knows may be one of the account's (a customer's offices often
 * are): never called unknown, but said before the import adds it to Sites as new.
 */
function unreadAccountSites(read: ReadWorkspace, sitesAdded: readonly string[]): ImportProblem[] {
  if (sitesAdded.length === 0 || read.workspace.settings.accountRefreshedAt) return [];
  const names = sitesAdded.join(", ");
  return [
    importWarning(
      "Site",
      `The account has not been read yet, so ${names} may be ${sitesAdded.length === 1 ? "a site" : "sites"} it has already: read the account first, or the import adds ${sitesAdded.length === 1 ? "it" : "them"} to the Sites tab as new.`,
    ),
  ];
}

/** Validation of the imported rows, the sites the import adds counted as the Sites tab's. */
function importedFindings(read: ReadWorkspace, plan: MergePlan, sitesAdded: readonly string[]): ImportFinding[] {
  const source = new Map<number, string>();
  for (const row of plan.added) source.set(row.row, row.where);
  for (const row of [...plan.merged, ...plan.unchanged]) source.set(row.after.row, row.where);
  const sites = [...read.workspace.sites, ...sitesAdded.map((name) => ({ ...blankRecord(SITES_TAB), name }))];
  const workspace = { ...read.workspace, sites, users: usersAfter(read.workspace.users, plan) };
  const nameOf = rowNames(workspace);
  // Another imported row named in a message ("also used by Users row 205, …") is named by its source row too.
  const bySource = (message: string) =>
    message.replace(/Users row (\d+)/g, (text, row: string) =>
      source.has(Number(row)) ? `source ${source.get(Number(row))}` : text,
    );
  return validateWorkspace(workspace).flatMap((f) => {
    const where = f.tab === "users" ? source.get(f.row) : undefined;
    if (where === undefined) return [];
    const name = nameOf("users", f.row);
    return [{ ...f, message: bySource(f.message), source: where, place: name ? `source ${where}, ${name}` : `source ${where}` }];
  });
}

function missingUsersTab(read: ReadWorkspace): ImportProblem[] {
  return read.sheets.has("users")
    ? []
    : [importError("", "The workbook has no Users tab to import into: run Set up workspace first.")];
}

/** The remembered mapping for the source's headers; read in the remembered orientation when the person chose none. */
function recallFor(
  workbook: Workbook,
  table: readonly (readonly Cell[])[],
  orientation: OrientationChoice,
): MappingByHeader | null {
  const recalled = recallMapping(workbook, readSourceSheet(table, orientation).headers);
  return recalled && (orientation === "auto" || recalled.orientation === orientation) ? recalled : null;
}

import type { Cell } from "../domain/cell";
import type { Finding } from "../domain/finding";
import { rowNames } from "../domain/row-names";
import { validateWorkspace } from "../domain/validation/index";
import { gateProblems, requiredWithoutSource } from "../mapping/import-gate";
import { checkMapping, type FieldMapping, type MappingByHeader, mappingByHeader, mappingFromHeaders } from "../mapping/mapping";
import { type MergePlan, planMerge, usersAfter } from "../mapping/merge-plan";
import { normaliseGiven, normaliseRecords } from "../mapping/normalise";
import { blocks, type ImportProblem, importError } from "../mapping/problem";
import { type MappingProposal, proposedMapping, proposeMapping } from "../mapping/proposal";
import { type OrientationChoice, readSourceSheet, type SourceSheet } from "../mapping/source-sheet";
import { type ValuesForAll, valuesByHeader, withoutGiven } from "../mapping/values-for-all";
import { recallMapping, rememberMapping } from "./mapping-memory";
import type { Workbook } from "./port";
import { writeMergePlan } from "./users-writer";
import { type ReadWorkspace, readWorkspace } from "./workspace-reader";

/** A source read and mapped: what the wizard's mapping step shows. */
export interface MappedSource {
  sheet: SourceSheet;
  proposal: MappingProposal;
  /** The mapping to use: the one remembered for these headers, else the proposal. */
  mapping: FieldMapping;
  remembered: boolean;
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
  return { sheet, proposal, mapping: usable ? known.mapping : proposedMapping(proposal), remembered: Boolean(usable) };
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
}

export interface PlannedImport {
  preview: ImportPreview;
  plan: MergePlan;
  read: ReadWorkspace;
  sheet: SourceSheet;
  mapping: FieldMapping;
  /** Required fields neither mapped nor given, when rows would be added: the gate's refusal, empty when it lets go. */
  unsourced: string[];
}

/**
 * What importing `sheet` with `mapping` and the values `given` for all rows would do, without writing: rows added
 * and merged, and the validation of the imported rows inside the whole workspace (uniqueness and references
 * included). Rows are added only once every required field is mapped or given (the gate).
 */
export function planImport(
  workbook: Workbook,
  sheet: SourceSheet,
  chosen: FieldMapping,
  given: ValuesForAll = {},
): PlannedImport {
  const read = readWorkspace(workbook);
  const mapping = withoutGiven(chosen, given);
  const problems = [...sheet.problems, ...checkMapping(sheet, mapping), ...missingUsersTab(read)];
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
  const findings = importedFindings(read, plan);
  const counts = { added: plan.added.length, merged: plan.merged.length, unchanged: plan.unchanged.length };
  const valuesForAll = valuesByHeader(normaliseGiven(given, context));
  return {
    preview: { counts, findings, problems, canApply: !blocks(problems), valuesForAll },
    plan,
    read,
    sheet,
    mapping,
    unsourced,
  };
}

/** Writes a planned import (nothing when it has errors) and remembers its mapping; true when it wrote. */
export function applyImport(workbook: Workbook, planned: PlannedImport, usedAt: string): boolean {
  if (!planned.preview.canApply) return false;
  writeMergePlan(workbook, planned.read, planned.plan);
  rememberMapping(workbook, planned.sheet.headers, mappingByHeader(planned.sheet.orientation, planned.mapping), usedAt);
  return true;
}

function importedFindings(read: ReadWorkspace, plan: MergePlan): ImportFinding[] {
  const source = new Map<number, string>();
  for (const row of plan.added) source.set(row.row, row.where);
  for (const row of [...plan.merged, ...plan.unchanged]) source.set(row.after.row, row.where);
  const workspace = { ...read.workspace, users: usersAfter(read.workspace.users, plan) };
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

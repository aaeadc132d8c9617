import { z } from "zod";
import type { Finding, Severity } from "../domain/finding";
import { rowNames, rowPlace } from "../domain/row-names";
import { headerOf, tabById } from "../domain/tabs";
import { validateWorkspace } from "../domain/validation/index";
import { markFindings } from "../workbook/finding-marks";
import { type ReadWorkspace, readWorkspace } from "../workbook/workspace-reader";
import { countsOf, FINDINGS_SHOWN, type FindingGroupView, groupViews } from "./finding-views";
import type { Home } from "./home";
import { serverFunction } from "./server-function";

/** A finding's severity, as the sidebar shows it. */
export type { Severity };
export { FINDINGS_SHOWN };

export interface FindingView extends Finding {
  /** The sheet's name as the person sees it. */
  sheet: string;
  /** The 1-based column of the finding's cell (the row's first cell for a finding about the whole row). */
  columnNumber: number;
  /** The row by tab, number and name: "Users row 13, Kofi Egan"; the sheet's name for the tab as a whole. */
  place: string;
}

export interface ValidationReport {
  counts: Record<Severity, number>;
  findings: FindingView[];
  /** The findings alike, grouped; each group's members are indexes into `findings`. */
  groups: FindingGroupView[];
  /** True when more findings exist than were sent. */
  truncated: boolean;
  /** The document's edit stamp when this was read: the panel validates again once it changes. */
  stamp: string;
}

/** Validate: reads the workspace once, checks every rule, marks the cells, and reports what it found. */
export const validate = serverFunction(
  z.object({ mark: z.boolean().default(true) }).default({ mark: true }),
  (home, input): ValidationReport => validationReport(home, input.mark),
);

/** Every finding of the workspace as it stands, the cells marked when `mark` says so. */
export function validationReport(home: Home, mark: boolean): ValidationReport {
  // Read before the sheet, so that an edit made meanwhile changes the stamp after this one.
  const stamp = home.edits?.stamp() ?? "";
  const read = readWorkspace(home.workbook);
  const findings = [...read.findings, ...validateWorkspace(read.workspace)];
  if (mark) markFindings(home.workbook, read, findings);
  const nameOf = rowNames(read.workspace);
  const shown = findings.slice(0, FINDINGS_SHOWN).map((f) => view(f, read, nameOf(f.tab, f.row)));
  return {
    counts: countsOf(findings),
    findings: shown,
    groups: groupViews(findings),
    truncated: findings.length > FINDINGS_SHOWN,
    stamp,
  };
}

function view(finding: Finding, read: ReadWorkspace, name: string): FindingView {
  const key = tabById(finding.tab).columns.find((c) => headerOf(finding.tab, c.key) === finding.column)?.key;
  const index = key === undefined ? undefined : read.columns.get(finding.tab)?.get(key);
  const sheet = read.sheets.get(finding.tab) ?? tabById(finding.tab).name;
  return { ...finding, sheet, columnNumber: (index ?? 0) + 1, place: rowPlace(sheet, finding.row, name) };
}

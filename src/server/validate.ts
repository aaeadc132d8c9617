import { z } from "zod";
import type { Finding, Severity } from "../domain/finding";
import { headerOf, tabById } from "../domain/tabs";
import { validateWorkspace } from "../domain/validation/index";
import { markFindings } from "../workbook/finding-marks";
import { type ReadWorkspace, readWorkspace } from "../workbook/workspace-reader";
import { serverFunction } from "./server-function";

/** At most this many findings travel to the sidebar; the counts are always whole. */
export const FINDINGS_SHOWN = 1000;

/** A finding's severity, as the sidebar shows it. */
export type { Severity };

export interface FindingView extends Finding {
  /** The sheet's name as the person sees it. */
  sheet: string;
  /** The 1-based column of the finding's cell (the row's first cell for a finding about the whole row). */
  columnNumber: number;
}

export interface ValidationReport {
  counts: Record<Severity, number>;
  findings: FindingView[];
  /** True when more findings exist than were sent. */
  truncated: boolean;
}

/** Validate: reads the workspace once, checks every rule, marks the cells, and reports what it found. */
export const validate = serverFunction(
  z.object({ mark: z.boolean().default(true) }).default({ mark: true }),
  (home, input): ValidationReport => {
    const read = readWorkspace(home.workbook);
    const findings = [...read.findings, ...validateWorkspace(read.workspace)];
    if (input.mark) markFindings(home.workbook, read, findings);
    return report(findings, read);
  },
);

function report(findings: readonly Finding[], read: ReadWorkspace): ValidationReport {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  const shown = findings.slice(0, FINDINGS_SHOWN).map((f) => view(f, read));
  return { counts, findings: shown, truncated: findings.length > FINDINGS_SHOWN };
}

function view(finding: Finding, read: ReadWorkspace): FindingView {
  const key = tabById(finding.tab).columns.find((c) => headerOf(finding.tab, c.key) === finding.column)?.key;
  const index = key === undefined ? undefined : read.columns.get(finding.tab)?.get(key);
  return { ...finding, sheet: read.sheets.get(finding.tab) ?? tabById(finding.tab).name, columnNumber: (index ?? 0) + 1 };
}

import { TABS, type TabId } from "./tabs";

export type Severity = "error" | "warning" | "info";

/**
 * What validation found, as a value the person can act on: where (tab, sheet row, column header) and what to do.
 * Row 0 means the tab as a whole; column '' means the whole row.
 */
export interface Finding {
  tab: TabId;
  row: number;
  column: string;
  severity: Severity;
  /** A short stable name of the rule, for grouping and tests. */
  rule: string;
  message: string;
  /** Every row one finding is about, when it is about several (a capacity shortfall). */
  rows?: number[];
  /**
   * The cell's value when the message is about that value ("RingEX Standard" is not a user type): findings alike
   * share it, so they group together. Never set for a secret's column.
   */
  value?: string;
  /** The correction the rule is sure of: `value` written into `column` (the finding's own cell) fixes it. */
  fix?: FindingFix;
}

/** A structured suggestion ("Did you mean …", a capitalisation): what to write, and where, on the finding's row. */
export interface FindingFix {
  column: string;
  value: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

const TAB_ORDER = new Map<TabId, number>(TABS.map((t, i) => [t.id, i]));

/** Tab order of the workbook, then row, then errors before warnings. */
export function byPlace(a: Finding, b: Finding): number {
  return (
    (TAB_ORDER.get(a.tab) ?? 0) - (TAB_ORDER.get(b.tab) ?? 0) ||
    a.row - b.row ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
  );
}

/** Findings about one row of one tab: `at(column, rule, message, severity)`. */
export function findingsOf(tab: TabId, row: number) {
  return (column: string, rule: string, message: string, severity: Severity = "error"): Finding => ({
    tab,
    row,
    column,
    severity,
    rule,
    message,
  });
}

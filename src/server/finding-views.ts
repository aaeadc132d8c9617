import type { Finding, Severity } from "../domain/finding";
import { type FindingGroup, groupFindings } from "../domain/finding-groups";

/** At most this many findings travel to the sidebar; the counts, and each group's count, are always whole. */
export const FINDINGS_SHOWN = 1000;

/** A group of findings alike, as the sidebar shows it. */
export interface FindingGroupView extends FindingGroup {
  /** How many findings the group has, all of them (members lists only those sent). */
  count: number;
}

export function countsOf(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** The groups of `findings`, their members only among the first FINDINGS_SHOWN (those the sidebar receives). */
export function groupViews(findings: readonly Finding[]): FindingGroupView[] {
  return groupFindings(findings).map((group) => ({
    ...group,
    count: group.members.length,
    members: group.members.filter((i) => i < FINDINGS_SHOWN),
  }));
}

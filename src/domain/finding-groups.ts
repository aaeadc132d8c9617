import { type Finding, SEVERITY_ORDER, type Severity } from "./finding";
import type { TabId } from "./tabs";

/**
 * Findings alike, as one line a person can act on once: "173 × User Type: "RingEX Standard" is not a user type".
 * Alike means the same tab, rule and column, and the same value when the finding is about its value.
 */
export interface FindingGroup {
  key: string;
  tab: TabId;
  rule: string;
  column: string;
  /** The worst severity among its findings. */
  severity: Severity;
  /** The value its findings are about, when they are about one. */
  value?: string;
  /** What its findings say: their message when they all say the same, else the sentences they share. */
  message: string;
  /** Whether every finding says exactly `message` (else each row's own message is worth showing). */
  alike: boolean;
  /** Where its findings are in the list grouped (sheet order kept). */
  members: number[];
  /** How many of its findings carry a fix. */
  fixes: number;
}

/** The group a finding belongs to. */
export function groupKey(finding: Finding): string {
  return JSON.stringify([finding.tab, finding.rule, finding.column, finding.value ?? null]);
}

/** Groups of findings alike: errors first, then the largest, then in sheet order of their first finding. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  findings.forEach((finding, index) => {
    const key = groupKey(finding);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, startGroup(key, finding, index));
      return;
    }
    group.members.push(index);
    if (finding.fix) group.fixes++;
    if (SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[group.severity]) group.severity = finding.severity;
  });
  const list = [...groups.values()];
  for (const group of list) {
    const messages = group.members.map((i) => (findings[i] as Finding).message);
    group.alike = messages.every((m) => m === messages[0]);
    group.message = group.alike ? (messages[0] as string) : sharedSentences(messages);
  }
  return list.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      b.members.length - a.members.length ||
      (a.members[0] ?? 0) - (b.members[0] ?? 0),
  );
}

function startGroup(key: string, finding: Finding, index: number): FindingGroup {
  const group: FindingGroup = {
    key,
    tab: finding.tab,
    rule: finding.rule,
    column: finding.column,
    severity: finding.severity,
    message: finding.message,
    alike: true,
    members: [index],
    fixes: finding.fix ? 1 : 0,
  };
  return finding.value === undefined ? group : { ...group, value: finding.value };
}

/** The whole sentences every message starts with ("Phone # is not a valid E.164 number (…)."), else the first one. */
function sharedSentences(messages: readonly string[]): string {
  const first = messages[0] ?? "";
  let length = first.length;
  for (const message of messages) {
    let i = 0;
    while (i < length && message[i] === first[i]) i++;
    length = i;
  }
  const shared = first.slice(0, length);
  const end = Math.max(shared.lastIndexOf(". "), shared.lastIndexOf("? "));
  return end > 0 ? shared.slice(0, end + 1) : first;
}

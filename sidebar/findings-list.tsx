import { useState } from "preact/hooks";
import { counted } from "../src/domain/counted";
import type { FindingGroupView } from "../src/server/finding-views";
import type { Severity } from "../src/server/validate";

/** What a listed finding must say: its row by tab, number and name, and what is wrong. */
export interface ListedFinding {
  row: number;
  severity: Severity;
  message: string;
  /** "Users row 13, Kofi Egan", or "source row 13, Kofi Egan" in an import's preview. */
  place: string;
  fix?: { column: string; value: string };
}

interface Props<F extends ListedFinding> {
  findings: F[];
  groups: FindingGroupView[];
  /** True when the server sent only the first findings (each group's count is still whole). */
  truncated: boolean;
  /** Moves the grid to a finding's cell (the Validate panel); absent where rows are not in the sheet yet. */
  onSelect?: (finding: F) => void;
  /** Applies a group's fix to the rows given, or to every row of the group alike; absent: no fix is offered. */
  onApply?: (group: FindingGroupView, rows?: number[]) => void;
  onHelp?: (column: string) => void;
  busy?: boolean;
}

/** Rows of a group, and groups, are shown this many at a time, with "showing 1–50 of 241" and next/previous. */
export const PAGE = 50;

/**
 * Findings alike as one line each ("173 × User Type: …"), the largest and worst first; each opens to its rows,
 * page by page, and offers its fix where the rules have one. Shared by the Validate panel and the import preview.
 */
export function FindingsList<F extends ListedFinding>(props: Props<F>) {
  const [page, setPage] = useState(0);
  const total = props.groups.reduce((n, g) => n + g.count, 0);
  if (props.groups.length === 0) return null;
  const shown = props.groups.slice(page * PAGE, (page + 1) * PAGE);
  return (
    <div class="findings-list">
      <p class="muted small">
        {counted(total, "finding")} in {counted(props.groups.length, "group")}
        {props.truncated ? `; the first ${props.findings.length} are listed by row (each group's count is whole)` : ""}.
      </p>
      <Pager label="groups" page={page} size={props.groups.length} onPage={setPage} />
      <ul class="finding-groups">
        {shown.map((group) => (
          <Group key={group.key} group={group} {...props} />
        ))}
      </ul>
    </div>
  );
}

function Group<F extends ListedFinding>(props: Props<F> & { group: FindingGroupView }) {
  const { group, onApply, onHelp } = props;
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(0);
  const members = group.members.map((i) => props.findings[i]).filter((f): f is F => f !== undefined);
  const rows = members.slice(page * PAGE, (page + 1) * PAGE);
  const same = sameFix(members);
  const toggle = () => {
    setOpen(!open);
    const first = members[0];
    if (!open && first && props.onSelect) props.onSelect(first);
  };
  return (
    <li class={`finding-group ${group.severity}`}>
      <button type="button" class={`finding ${group.severity}`} aria-expanded={open} onClick={toggle}>
        <span class="count">{group.count} ×</span> {titleOf(group)}
      </button>
      <div class="group-actions">
        {onApply && group.fixes > 0 && (
          <button type="button" class="small" disabled={props.busy} onClick={() => onApply(group)}>
            {group.fixes === 1 ? "Apply" : `Apply to all ${group.fixes} alike`}
            {same ? ` (${group.column} = "${same}")` : ""}
          </button>
        )}
        {onHelp && group.tab === "users" && group.column && (
          <button
            type="button"
            class="link small"
            aria-label={`Learn more about ${group.column}`}
            onClick={() => onHelp(group.column)}
          >
            Learn more
          </button>
        )}
      </div>
      {open && (
        <div class="group-rows">
          <Pager label="rows" page={page} size={group.count} onPage={setPage} sent={members.length} />
          <ul>
            {rows.map((f, i) => (
              <li key={`${f.row}-${i}`} class="finding-row">
                {props.onSelect ? (
                  <button type="button" class={`finding ${f.severity}`} onClick={() => props.onSelect?.(f)}>
                    <Row finding={f} alike={group.alike} />
                  </button>
                ) : (
                  <div class={`finding-line ${f.severity}`}>
                    <Row finding={f} alike={group.alike} />
                  </div>
                )}
                {onApply && f.fix && group.fixes > 1 && (
                  <button
                    type="button"
                    class="link small"
                    disabled={props.busy}
                    aria-label={`Apply to ${f.place}`}
                    onClick={() => onApply(group, [f.row])}
                  >
                    Apply "{f.fix.value}"
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}

function Row({ finding, alike }: { finding: ListedFinding; alike: boolean }) {
  return (
    <>
      <span class="where">{finding.place}</span>
      {alike ? null : finding.message}
    </>
  );
}

/** "User Type: "RingEX Standard" is not a user type…"; the column is not said twice ("Site "Nowhere" is not…"). */
function titleOf(group: FindingGroupView): string {
  return !group.column || group.message.startsWith(group.column) ? group.message : `${group.column}: ${group.message}`;
}

/** "showing 1–50 of 241" with Previous and Next; nothing when everything fits on one page. */
function Pager(props: { label: string; page: number; size: number; onPage: (page: number) => void; sent?: number }) {
  const reachable = props.sent ?? props.size;
  if (props.size <= PAGE && reachable === props.size) return null;
  const from = props.page * PAGE + 1;
  const to = Math.min((props.page + 1) * PAGE, reachable);
  return (
    <nav class="pager" aria-label={`Pages of ${props.label}`}>
      <span>
        showing {from}–{to} of {props.size}
        {reachable < props.size ? ` (${reachable} listed)` : ""}
      </span>
      <button type="button" class="small" disabled={props.page === 0} onClick={() => props.onPage(props.page - 1)}>
        Previous
      </button>
      <button type="button" class="small" disabled={to >= reachable} onClick={() => props.onPage(props.page + 1)}>
        Next
      </button>
    </nav>
  );
}

/** The value every fix of the group writes, when it is one value ("San Francisco"); '' when rows differ. */
function sameFix(findings: readonly ListedFinding[]): string {
  const values = new Set(findings.flatMap((f) => (f.fix ? [f.fix.value] : [])));
  return values.size === 1 ? ([...values][0] as string) : "";
}

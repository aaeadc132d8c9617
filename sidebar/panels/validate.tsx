import { useEffect, useRef, useState } from "preact/hooks";
import { counted } from "../../src/domain/counted";
import type { FindingGroupView } from "../../src/server/finding-views";
import type { FindingView, Severity, ValidationReport } from "../../src/server/validate";
import { download, downloadXlsx } from "../download";
import { FindingsList } from "../findings-list";
import { Notice } from "../notice";
import { rpc } from "../rpc";
import { useTask } from "../task";

const EXPORTS = [
  { tab: "users", label: "Users" },
  { tab: "sites", label: "Sites" },
  { tab: "roles", label: "Roles" },
  { tab: "tags", label: "Tags" },
  { tab: "locations", label: "Locations" },
] as const;

/** How often an open Validate panel asks whether the sheet was edited (one property read; a validation only then). */
const EDIT_POLL_MS = 4000;

/**
 * Keeps the findings current without a Validate press: validated (unmarked: onEdit has marked the edited rows) when
 * the panel opens, and again whenever the document's edit stamp moves while it is open and the page is visible.
 * A poll of the stamp, because the sidebar hears of no edit: a grid edit gives it no event, and focus comes back
 * only when the person clicks into the sidebar, after they have looked at a stale list.
 */
function useFreshReport(report: ValidationReport | null, setReport: (report: ValidationReport) => void) {
  const latest = useRef(report);
  latest.current = report;
  useEffect(() => {
    let asking = false;
    const refresh = async (when: "always" | "edited") => {
      if (asking || document.visibilityState === "hidden") return;
      asking = true;
      try {
        const known = latest.current?.stamp;
        if (when === "edited" && (known === undefined || (await rpc("editStamp", {})).stamp === known)) return;
        setReport(await rpc("validate", { mark: false }));
      } catch {
        // A failed refresh leaves the list as it was; the Validate button says what is wrong.
      } finally {
        asking = false;
      }
    };
    void refresh("always");
    const timer = setInterval(() => void refresh("edited"), EDIT_POLL_MS);
    return () => clearInterval(timer);
  }, []);
}

/** Validate: set up the workspace, validate it, walk the findings cell by cell; export a tab as CSV. */
export function ValidatePanel({ filter, onHelp }: { filter: string | null; onHelp: (topic: string) => void }) {
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [status, setStatus] = useState("");
  const [tab, setTab] = useState<(typeof EXPORTS)[number]["tab"]>("users");
  const [secretRows, setSecretRows] = useState(0);
  const task = useTask<"validate" | "setup" | "export" | "apply">();
  useFreshReport(report, setReport);
  // Counted again whenever the sheet was checked again (an edit, a fix, a sync's clearing): never a secret, a count.
  useEffect(() => {
    rpc("secretsOnSheet", {}).then(
      (held) => setSecretRows(held.rows),
      () => setSecretRows(0),
    );
  }, [report?.stamp]);

  const validate = () =>
    task.run("validate", async () => {
      setStatus("Validating…");
      const result = await rpc("validate", { mark: true });
      setReport(result);
      setStatus(result.counts.error + result.counts.warning === 0 ? "No problems found." : "");
    });
  const apply = (group: FindingGroupView, rows?: number[]) =>
    task.run("apply", async () => {
      const outcome = await rpc("applyFix", rows ? { group: group.key, rows } : { group: group.key });
      setReport(outcome.report);
      const cells = counted(outcome.applied, "cell");
      setStatus(outcome.applied ? `Fixed ${cells} of ${group.column}; validated again.` : "Nothing left to fix there.");
    });
  const setUp = () =>
    task.run("setup", async () => {
      setStatus("Setting up the workspace…");
      const result = await rpc("setUpWorkspace", {});
      const created = result.created.length ? `Added ${result.created.join(", ")}. ` : "";
      const repaired = result.repaired.length ? `Repaired ${result.repaired.join(", ")}.` : "";
      setStatus(created + repaired || "The workspace was already set up.");
    });
  const exportTab = (format: "csv" | "xlsx") =>
    task.run("export", async () => {
      // With a tag filter on, Users exports the rows the filter shows.
      const file = await rpc("exportTab", { tab, format, ...(filter ? { tag: filter } : {}) });
      if (file.rows) await downloadXlsx({ ...file, rows: file.rows });
      else download(file.fileName, file.text);
      const rows = counted(file.count, "row");
      setStatus(`${file.fileName} downloaded: ${rows} (no PINs, passwords or secret answers).`);
      setSecretRows((await rpc("secretsOnSheet", {})).rows);
    });

  return (
    <>
      <p class="lead">Check every row before anything is sent to RingCentral. Edited rows are checked as you type.</p>
      <div class="actions">
        <button type="button" class="primary" onClick={validate} disabled={task.busy !== null}>
          {task.busy === "validate" ? "Validating…" : "Validate"}
        </button>
        <button type="button" onClick={setUp} disabled={task.busy !== null}>
          Set up workspace
        </button>
      </div>
      <Notice status={status} problem={task.problem} />
      {report && <Findings report={report} onHelp={onHelp} onApply={apply} busy={task.busy !== null} />}
      <h2>Export</h2>
      {secretRows > 0 && (
        <p class="status problem" role="note">
          {secretsWarning(secretRows)}
        </p>
      )}
      {filter && tab === "users" && <p class="muted small">Users exports the rows shown by the filter {filter}.</p>}
      <div class="row">
        <label for="export-tab">Tab</label>
        <select id="export-tab" value={tab} onChange={(e) => setTab(e.currentTarget.value as typeof tab)}>
          {EXPORTS.map((t) => (
            <option key={t.tab} value={t.tab}>
              {t.label}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => exportTab("csv")} disabled={task.busy !== null}>
          Download CSV
        </button>
        <button type="button" onClick={() => exportTab("xlsx")} disabled={task.busy !== null}>
          Download XLSX
        </button>
      </div>
    </>
  );
}

/** Before the sheet is shared or exported: the secrets it still holds are readable by everyone it is shared with. */
export function secretsWarning(rows: number): string {
  return `${counted(rows, "row")} still ${rows === 1 ? "holds" : "hold"} a PIN, password or secret answer: anyone this spreadsheet is shared with can read them until a sync sends and clears them. Exports leave them out.`;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const NOUN: Record<Severity, string> = { error: "error", warning: "warning", info: "note" };

function Findings(props: {
  report: ValidationReport;
  onHelp: (topic: string) => void;
  onApply: (group: FindingGroupView, rows?: number[]) => void;
  busy: boolean;
}) {
  const { report } = props;
  const select = (f: FindingView) => {
    if (f.row > 0) void rpc("selectCell", { sheet: f.sheet, row: f.row, column: f.columnNumber });
  };
  return (
    <section aria-label="Findings">
      <div class="counts">
        {SEVERITIES.map((s) => (
          <span key={s} class={`badge ${s}`}>
            {counted(report.counts[s], NOUN[s])}
          </span>
        ))}
      </div>
      <FindingsList
        findings={report.findings}
        groups={report.groups}
        truncated={report.truncated}
        onSelect={select}
        onApply={props.onApply}
        onHelp={props.onHelp}
        busy={props.busy}
      />
    </section>
  );
}

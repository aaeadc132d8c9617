import { useState } from "preact/hooks";
import type { FindingView, Severity, ValidationReport } from "../../src/server/validate";
import { download, downloadXlsx } from "../download";
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

/** Validate: set up the workspace, validate it, walk the findings cell by cell; export a tab as CSV. */
export function ValidatePanel({ filter, onHelp }: { filter: string | null; onHelp: (topic: string) => void }) {
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [status, setStatus] = useState("");
  const [tab, setTab] = useState<(typeof EXPORTS)[number]["tab"]>("users");
  const task = useTask<"validate" | "setup" | "export">();

  const validate = () =>
    task.run("validate", async () => {
      setStatus("Validating…");
      const result = await rpc("validate", { mark: true });
      setReport(result);
      setStatus(result.counts.error + result.counts.warning === 0 ? "No problems found." : "");
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
      const rows = `${file.count} ${file.count === 1 ? "row" : "rows"}`;
      setStatus(`${file.fileName} downloaded: ${rows} (no PINs, passwords or secret answers).`);
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
      {report && <Findings report={report} onHelp={onHelp} />}
      <h2>Export</h2>
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

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const LABEL: Record<Severity, string> = { error: "errors", warning: "warnings", info: "notes" };

function Findings({ report, onHelp }: { report: ValidationReport; onHelp: (topic: string) => void }) {
  const groups = groupBySheet(report.findings);
  return (
    <section aria-label="Findings">
      <div class="counts">
        {SEVERITIES.map((s) => (
          <span key={s} class={`badge ${s}`}>
            {report.counts[s]} {LABEL[s]}
          </span>
        ))}
      </div>
      {report.truncated && <p class="status">The first {report.findings.length} are listed; fix them and validate again.</p>}
      {[...groups].map(([sheet, findings]) => (
        <div key={sheet}>
          <h2>{sheet}</h2>
          {SEVERITIES.map((severity) => (
            <FindingList key={severity} findings={findings.filter((f) => f.severity === severity)} onHelp={onHelp} />
          ))}
        </div>
      ))}
    </section>
  );
}

function FindingList({ findings, onHelp }: { findings: FindingView[]; onHelp: (topic: string) => void }) {
  if (findings.length === 0) return null;
  const select = (f: FindingView) => {
    if (f.row > 0) void rpc("selectCell", { sheet: f.sheet, row: f.row, column: f.columnNumber });
  };
  return (
    <ul>
      {findings.map((f, i) => (
        <li key={`${f.tab}-${f.row}-${f.column}-${i}`}>
          <button type="button" class={`finding ${f.severity}`} onClick={() => select(f)} disabled={f.row === 0}>
            <span class="where">{f.row > 0 ? `Row ${f.row}${f.column ? `, ${f.column}` : ""}` : "Whole tab"}</span>
            {f.message}
          </button>
          {f.tab === "users" && f.column && (
            <button type="button" class="link small" aria-label={`Learn more about ${f.column}`} onClick={() => onHelp(f.column)}>
              Learn more
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function groupBySheet(findings: FindingView[]): Map<string, FindingView[]> {
  const groups = new Map<string, FindingView[]>();
  for (const f of findings) {
    const list = groups.get(f.sheet);
    if (list) list.push(f);
    else groups.set(f.sheet, [f]);
  }
  return groups;
}

import { useState } from "preact/hooks";
import type { Severity } from "../src/domain/finding";
import type { FindingView, ValidationReport } from "../src/server/validate";
import { rpc } from "./rpc";

type Busy = "validate" | "setup" | null;

/** The first sidebar: set up the workspace, validate it, and walk the findings cell by cell. */
export function App() {
  const [report, setReport] = useState<ValidationReport | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [status, setStatus] = useState("");
  const [problem, setProblem] = useState("");

  const run = async (what: Exclude<Busy, null>, task: () => Promise<void>) => {
    setBusy(what);
    setProblem("");
    try {
      await task();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };
  const validate = () =>
    run("validate", async () => {
      setStatus("Validating…");
      const result = await rpc("validate", { mark: true });
      setReport(result);
      setStatus(result.counts.error + result.counts.warning === 0 ? "No problems found." : "");
    });
  const setUp = () =>
    run("setup", async () => {
      setStatus("Setting up the workspace…");
      const result = await rpc("setUpWorkspace", {});
      const created = result.created.length ? `Added ${result.created.join(", ")}. ` : "";
      const repaired = result.repaired.length ? `Repaired ${result.repaired.join(", ")}.` : "";
      setStatus(created + repaired || "The workspace was already set up.");
    });

  return (
    <>
      <h1>RingCentral Users</h1>
      <p class="lead">Check every row before anything is sent to RingCentral.</p>
      <div class="actions">
        <button type="button" class="primary" onClick={validate} disabled={busy !== null}>
          {busy === "validate" ? "Validating…" : "Validate"}
        </button>
        <button type="button" onClick={setUp} disabled={busy !== null}>
          Set up workspace
        </button>
      </div>
      {status && <p class="status">{status}</p>}
      {problem && (
        <p class="status problem" role="alert">
          {problem}
        </p>
      )}
      {report && <Findings report={report} />}
    </>
  );
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const LABEL: Record<Severity, string> = { error: "errors", warning: "warnings", info: "notes" };

function Findings({ report }: { report: ValidationReport }) {
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
            <FindingList key={severity} findings={findings.filter((f) => f.severity === severity)} />
          ))}
        </div>
      ))}
    </section>
  );
}

function FindingList({ findings }: { findings: FindingView[] }) {
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

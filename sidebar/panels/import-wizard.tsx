import { useEffect, useState } from "preact/hooks";
import type { ImportResult } from "../../src/server/apply-import";
import type { ImportPreviewView } from "../../src/server/preview-import";
import type { ImportMappingProposal } from "../../src/server/propose-import-mapping";
import { rpc } from "../rpc";
import { useTask } from "../task";

type Source = { kind: "csv"; text: string; name: string } | { kind: "tab"; sheet: string };
type Orientation = "auto" | "horizontal" | "vertical";
type Step = "source" | "mapping" | "preview" | "done";

/** A CSV the sidebar can take in one call; larger files go through the CLI or a tab (File › Import in Sheets). */
const MAX_CSV_BYTES = 10 * 1024 * 1024;

/**
 * Import, as a wizard: choose the source (a CSV file or another tab: an .xlsx opens in Sheets as a tab), the
 * orientation, check the proposed mapping against sample values, see the preview with its validation, import.
 * Every decision is the server's; this only asks and shows.
 */
export function ImportWizard({ onHelp }: { onHelp?: (topic: string) => void } = {}) {
  const [step, setStep] = useState<Step>("source");
  const [source, setSource] = useState<Source | null>(null);
  const [orientation, setOrientation] = useState<Orientation>("auto");
  const [proposal, setProposal] = useState<ImportMappingProposal | null>(null);
  const [fields, setFields] = useState<Record<string, string | null>>({});
  const [preview, setPreview] = useState<ImportPreviewView | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const task = useTask<"import">();
  const run = (work: () => Promise<void>) => task.run("import", work);
  const busy = task.busy !== null;
  const problem = task.problem;
  const setProblem = task.setProblem;
  const wire = (s: Source) => (s.kind === "csv" ? { kind: "csv" as const, text: s.text } : s);

  const propose = (s: Source, o: Orientation) =>
    run(async () => {
      const answer = await rpc("proposeImportMapping", { source: wire(s), orientation: o });
      setProposal(answer);
      setFields(answer.fields);
      setStep("mapping");
    });
  const previewImport = () =>
    run(async () => {
      if (!source) return;
      setPreview(await rpc("previewImport", { source: wire(source), orientation, fields }));
      setStep("preview");
    });
  const apply = () =>
    run(async () => {
      if (!source) return;
      setResult(await rpc("applyImport", { source: wire(source), orientation, fields }));
      setStep("done");
    });
  const restart = () => {
    setStep("source");
    setSource(null);
    setProposal(null);
    setPreview(null);
    setResult(null);
  };

  return (
    <section aria-label="Import users">
      <h2>Import users</h2>
      {problem && (
        <p class="status problem" role="alert">
          {problem}
        </p>
      )}
      {step === "source" && (
        <SourceStep
          busy={busy}
          orientation={orientation}
          onOrientation={setOrientation}
          onSource={(s) => {
            setSource(s);
            void propose(s, orientation);
          }}
          onProblem={setProblem}
        />
      )}
      {step === "mapping" && proposal && (
        <MappingStep
          proposal={proposal}
          fields={fields}
          orientation={orientation}
          busy={busy}
          onField={(header, value) => setFields({ ...fields, [header]: value })}
          onOrientation={(o) => {
            setOrientation(o);
            if (source) void propose(source, o);
          }}
          onBack={restart}
          onNext={previewImport}
          onHelp={onHelp}
        />
      )}
      {step === "preview" && preview && (
        <PreviewStep preview={preview} busy={busy} onBack={() => setStep("mapping")} onImport={apply} />
      )}
      {step === "done" && result && (
        <div>
          <p class="status">
            {result.applied
              ? `Imported: ${result.counts.added} added, ${result.counts.merged} merged, ${result.counts.unchanged} unchanged.`
              : "Nothing was written."}
          </p>
          <Problems problems={result.problems} />
          <button type="button" onClick={restart}>
            Import another
          </button>
        </div>
      )}
    </section>
  );
}

function SourceStep(props: {
  busy: boolean;
  orientation: Orientation;
  onOrientation: (o: Orientation) => void;
  onSource: (s: Source) => void;
  onProblem: (message: string) => void;
}) {
  const [tabs, setTabs] = useState<string[]>([]);
  useEffect(() => {
    rpc("listSourceTabs", {}).then(
      (answer) => setTabs(answer.sheets),
      () => setTabs([]),
    );
  }, []);
  const readFile = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_CSV_BYTES)
      return props.onProblem(`${file.name} is over 10 MB: import it with the CLI (rcsheets import).`);
    if (/\.xlsx?$/i.test(file.name))
      return props.onProblem(`Open ${file.name} in Sheets (File › Import, new sheet), then import from that tab.`);
    file.text().then(
      (text) => props.onSource({ kind: "csv", text, name: file.name }),
      () => props.onProblem(`${file.name} could not be read.`),
    );
  };
  return (
    <div>
      <label class="field">
        A CSV file
        <input
          type="file"
          accept=".csv,.tsv,.txt,text/csv"
          disabled={props.busy}
          onChange={(e) => readFile((e.currentTarget as HTMLInputElement).files?.[0])}
        />
      </label>
      <label class="field">
        Or another tab
        <select
          disabled={props.busy || tabs.length === 0}
          onChange={(e) => {
            const sheet = (e.currentTarget as HTMLSelectElement).value;
            if (sheet) props.onSource({ kind: "tab", sheet });
          }}
        >
          <option value="">{tabs.length ? "Choose a tab…" : "No other tab"}</option>
          {tabs.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <OrientationChoice value={props.orientation} onChange={props.onOrientation} disabled={props.busy} />
    </div>
  );
}

function OrientationChoice(props: { value: Orientation; onChange: (o: Orientation) => void; disabled: boolean }) {
  return (
    <label class="field">
      Field names run
      <select
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as Orientation)}
      >
        <option value="auto">detect</option>
        <option value="horizontal">across a header row (Horizontal)</option>
        <option value="vertical">down a column (Vertical)</option>
      </select>
    </label>
  );
}

function MappingStep(props: {
  proposal: ImportMappingProposal;
  fields: Record<string, string | null>;
  orientation: Orientation;
  busy: boolean;
  onField: (header: string, value: string | null) => void;
  onOrientation: (o: Orientation) => void;
  onBack: () => void;
  onNext: () => void;
  onHelp?: ((topic: string) => void) | undefined;
}) {
  const { proposal } = props;
  // The gate (the server's rule, shown here): new rows need a source for every * column.
  const unmapped = (proposal.required ?? []).filter((header) => !props.fields[header]);
  const sampleOf = (source: string | null) => {
    const index = source === null ? -1 : proposal.headers.indexOf(source);
    return index < 0 ? "" : (proposal.sample.find((r) => r[index])?.[index] ?? "");
  };
  return (
    <div>
      <p class="status">
        {proposal.records} records, {proposal.orientation}.
        {proposal.remembered ? " The mapping used last time for these headers." : ""}
      </p>
      <Problems problems={proposal.problems} />
      <OrientationChoice value={props.orientation} onChange={props.onOrientation} disabled={props.busy} />
      <p class="muted small">
        * required. The % beside a sample is how sure the proposal is that the field holds that column (from its name and its
        values).{" "}
        {props.onHelp && (
          <button type="button" class="link" onClick={() => props.onHelp?.("import")}>
            Learn more
          </button>
        )}
      </p>
      {unmapped.length > 0 && (
        <p class="status problem" role="status">
          Import stays unavailable for new rows until each required column has a source:{" "}
          {unmapped.map((h) => `${h} *`).join(", ")}.
        </p>
      )}
      <table class="mapping">
        <thead>
          <tr>
            <th scope="col">Users column</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(props.fields).map(([header, source]) => (
            <tr key={header}>
              <th scope="row">
                {header}
                {proposal.required?.includes(header) && (
                  <span class="required" title="Required">
                    {" "}
                    *
                  </span>
                )}
              </th>
              <td>
                <select
                  aria-label={`Source of ${header}`}
                  value={source ?? ""}
                  onChange={(e) => props.onField(header, (e.currentTarget as HTMLSelectElement).value || null)}
                >
                  <option value="">— not mapped —</option>
                  {proposal.headers.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
                <span class="sample" title="Sample value · how sure the proposal is that this field holds the column">
                  {sampleOf(source)}
                  {source && proposal.proposal[header]?.source === source
                    ? ` · ${Math.round((proposal.proposal[header]?.confidence ?? 0) * 100)}%`
                    : ""}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" onClick={props.onBack} disabled={props.busy}>
          Back
        </button>
        <button type="button" class="primary" onClick={props.onNext} disabled={props.busy}>
          Preview
        </button>
      </div>
    </div>
  );
}

function PreviewStep(props: { preview: ImportPreviewView; busy: boolean; onBack: () => void; onImport: () => void }) {
  const { preview } = props;
  const errors = preview.findings.filter((f) => f.severity === "error").length;
  return (
    <div>
      <p class="status">
        {preview.counts.added} to add, {preview.counts.merged} to merge, {preview.counts.unchanged} unchanged; {errors} errors to
        fix after.
      </p>
      <Problems problems={preview.problems} />
      <ul>
        {preview.findings.slice(0, 50).map((f, i) => (
          <li key={`${f.row}-${f.column}-${i}`} class={`finding-line ${f.severity}`}>
            <span class="where">
              {f.source}
              {f.column ? `, ${f.column}` : ""}
            </span>
            {f.message}
          </li>
        ))}
      </ul>
      {preview.truncated && <p class="status">The first {preview.findings.length} findings are listed.</p>}
      <div class="actions">
        <button type="button" onClick={props.onBack} disabled={props.busy}>
          Back
        </button>
        <button type="button" class="primary" onClick={props.onImport} disabled={props.busy || !preview.canApply}>
          Import
        </button>
      </div>
    </div>
  );
}

function Problems({ problems }: { problems: { severity: string; where: string; message: string }[] }) {
  if (problems.length === 0) return null;
  return (
    <ul>
      {problems.map((p, i) => (
        <li key={`${p.where}-${i}`} class={`finding-line ${p.severity}`}>
          {p.where && <span class="where">{p.where}</span>}
          {p.message}
        </li>
      ))}
    </ul>
  );
}

import { useEffect, useState } from "preact/hooks";
import { counted } from "../../src/domain/counted";
import type { ImportResult } from "../../src/server/apply-import";
import type { ImportPreviewView } from "../../src/server/preview-import";
import type { ImportMappingProposal } from "../../src/server/propose-import-mapping";
import type { ImportValueChoices } from "../../src/server/propose-import-values";
import { FindingsList } from "../findings-list";
import { type OrientationChoice as Orientation, OrientationPicker } from "../orientation-choice";
import { RequiredMark, STAR } from "../required-mark";
import { rpc } from "../rpc";
import { useTask } from "../task";
import { type FileLimits, type RowValue, readXlsxSheets, tooLarge, type XlsxSheet } from "../xlsx-file";
import { rememberedChoices, type ValueChoices, ValuesStep } from "./import-values";
import { WizardStepActions } from "./wizard-step-actions";

type Source =
  | { kind: "csv"; text: string; name: string }
  | { kind: "rows"; rows: RowValue[][]; name: string }
  | { kind: "tab"; sheet: string }
  | { kind: "spreadsheet"; link: string; sheet: string };
type Step = "source" | "mapping" | "values" | "preview" | "done";

/** The choice in a field's dropdown that gives it one value typed once for every row, in place of a source field. */
const ONE_VALUE = "\u0000one value";

/** Until the server has said its limits (listSourceTabs): the CLI's, so that a file is never read unchecked. */
const DEFAULT_LIMITS: FileLimits = {
  fileBytes: 10 * 1024 * 1024,
  inflatedBytes: 50 * 1024 * 1024,
  sheetCells: 2_000_000,
  storedCells: 1_000_000,
};

/**
 * Import, as a wizard: choose the source (a CSV or .xlsx file, read here; another tab; a tab of another Google
 * spreadsheet, by its link), the orientation, check the proposed mapping against sample values, see the preview with its validation, import.
 * Every decision is the server's; this only asks and shows.
 */
export function ImportWizard({ onHelp }: { onHelp?: (topic: string) => void } = {}) {
  const [step, setStep] = useState<Step>("source");
  const [source, setSource] = useState<Source | null>(null);
  const [orientation, setOrientation] = useState<Orientation>("auto");
  const [proposal, setProposal] = useState<ImportMappingProposal | null>(null);
  const [fields, setFields] = useState<Record<string, string | null>>({});
  // The fields given one value for all rows (present while chosen, even blank), by Users column header.
  const [values, setValues] = useState<Record<string, string>>({});
  // The values step: the list columns' values with proposals, and the person's choices over them.
  const [valueAnswer, setValueAnswer] = useState<ImportValueChoices | null>(null);
  const [valueMapping, setValueMapping] = useState<ValueChoices>({});
  const [preview, setPreview] = useState<ImportPreviewView | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const task = useTask<"import">();
  const run = (work: () => Promise<void>) => task.run("import", work);
  const busy = task.busy !== null;
  const problem = task.problem;
  const setProblem = task.setProblem;
  const wire = (s: Source) => {
    if (s.kind === "csv") return { kind: "csv" as const, text: s.text };
    return s.kind === "rows" ? { kind: "rows" as const, rows: s.rows } : s;
  };

  const propose = (s: Source, o: Orientation) =>
    run(async () => {
      const answer = await rpc("proposeImportMapping", { source: wire(s), orientation: o });
      setProposal(answer);
      setFields(answer.fields);
      setValues({});
      setValueMapping({});
      setStep("mapping");
    });
  const proposeValues = () =>
    run(async () => {
      if (!source) return;
      const answer = await rpc("proposeImportValues", { source: wire(source), orientation, fields, values, valueMapping });
      const chosen = { ...rememberedChoices(answer), ...valueMapping };
      setValueAnswer(answer);
      setValueMapping(chosen);
      if (answer.review) return setStep("values");
      await showPreview(chosen);
    });
  const showPreview = async (chosen: ValueChoices) => {
    if (!source) return;
    setPreview(await rpc("previewImport", { source: wire(source), orientation, fields, values, valueMapping: chosen }));
    setStep("preview");
  };
  const previewImport = () => run(() => showPreview(valueMapping));
  const apply = () =>
    run(async () => {
      if (!source) return;
      setResult(await rpc("applyImport", { source: wire(source), orientation, fields, values, valueMapping }));
      setStep("done");
    });
  const restart = () => {
    setStep("source");
    setSource(null);
    // A choice of orientation was for that file: the next one is detected again.
    setOrientation("auto");
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
          values={values}
          orientation={orientation}
          busy={busy}
          onField={(header, source) => {
            const { [header]: _, ...others } = values;
            setValues(source === ONE_VALUE ? { ...values, [header]: values[header] ?? "" } : others);
            setFields({ ...fields, [header]: source === ONE_VALUE ? null : source });
          }}
          onValue={(header, value) => setValues({ ...values, [header]: value })}
          onOrientation={(o) => {
            setOrientation(o);
            if (source) void propose(source, o);
          }}
          onBack={restart}
          onNext={proposeValues}
          onHelp={onHelp}
        />
      )}
      {step === "values" && valueAnswer && (
        <>
          <Problems problems={valueAnswer.problems} />
          <ValuesStep
            answer={valueAnswer}
            chosen={valueMapping}
            busy={busy}
            onChoose={(header, value, target) =>
              setValueMapping({ ...valueMapping, [header]: { ...valueMapping[header], [value]: target } })
            }
            onBack={() => setStep("mapping")}
            onNext={previewImport}
          />
        </>
      )}
      {step === "preview" && preview && (
        <PreviewStep
          preview={preview}
          busy={busy}
          onBack={() => setStep(valueAnswer?.review ? "values" : "mapping")}
          onImport={apply}
        />
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
  const [limits, setLimits] = useState<FileLimits>(DEFAULT_LIMITS);
  const [workbook, setWorkbook] = useState<{ name: string; sheets: XlsxSheet[] } | null>(null);
  useEffect(() => {
    rpc("listSourceTabs", {}).then(
      (answer) => {
        setTabs(answer.sheets);
        setLimits(answer.limits);
      },
      () => setTabs([]),
    );
  }, []);
  const readFile = (file: File | undefined) => {
    setWorkbook(null);
    if (!file) return;
    if (file.size > limits.fileBytes) return props.onProblem(tooLarge(file.name, limits.fileBytes));
    if (/\.xls$/i.test(file.name))
      return props.onProblem(`${file.name} is an old Excel file: save it as .xlsx (or CSV) and choose it again.`);
    if (/\.xlsx$/i.test(file.name)) return void readWorkbook(file);
    file.text().then(
      (text) => props.onSource({ kind: "csv", text, name: file.name }),
      () => props.onProblem(`${file.name} could not be read.`),
    );
  };
  const readWorkbook = async (file: File) => {
    const read = await readXlsxSheets(file, limits);
    if ("problem" in read) return props.onProblem(read.problem);
    const [only, ...more] = read;
    if (!only) return props.onProblem(`${file.name} holds no values: there is nothing to import.`);
    if (more.length === 0) return props.onSource({ kind: "rows", rows: only.rows, name: file.name });
    setWorkbook({ name: file.name, sheets: read });
  };
  return (
    <div>
      <label class="field">
        A CSV or Excel (.xlsx) file
        <input
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={props.busy}
          onChange={(e) => readFile((e.currentTarget as HTMLInputElement).files?.[0])}
        />
      </label>
      {workbook && (
        <label class="field">
          Sheet of {workbook.name}
          <select
            disabled={props.busy}
            onChange={(e) => {
              const sheet = workbook.sheets.find((s) => s.name === (e.currentTarget as HTMLSelectElement).value);
              if (sheet) props.onSource({ kind: "rows", rows: sheet.rows, name: `${workbook.name} › ${sheet.name}` });
            }}
          >
            <option value="">Choose a sheet…</option>
            {workbook.sheets.map((s) => (
              <option key={s.name} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
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
      <OtherSpreadsheet busy={props.busy} onSource={props.onSource} onProblem={props.onProblem} />
      <OrientationPicker value={props.orientation} onChange={props.onOrientation} disabled={props.busy} />
    </div>
  );
}

/** Another Google spreadsheet: its link pasted, its tabs listed, one chosen. A sheet not shared says so. */
function OtherSpreadsheet(props: { busy: boolean; onSource: (s: Source) => void; onProblem: (message: string) => void }) {
  const [link, setLink] = useState("");
  const [opened, setOpened] = useState<{ link: string; name: string; sheets: string[] } | null>(null);
  const [opening, setOpening] = useState(false);
  const open = () => {
    setOpening(true);
    setOpened(null);
    rpc("listSpreadsheetTabs", { link }).then(
      (answer) => {
        setOpening(false);
        if ("problem" in answer) return props.onProblem(answer.problem);
        if (answer.sheets.length === 1) return props.onSource({ kind: "spreadsheet", link, sheet: answer.sheets[0] as string });
        setOpened({ link, ...answer });
      },
      (error: Error) => {
        setOpening(false);
        props.onProblem(error.message);
      },
    );
  };
  return (
    <div class="field">
      <label for="other-spreadsheet">Or another Google spreadsheet (its link)</label>
      <input
        id="other-spreadsheet"
        type="url"
        placeholder="https://docs.google.com/spreadsheets/d/…"
        value={link}
        disabled={props.busy || opening}
        onInput={(e) => setLink((e.currentTarget as HTMLInputElement).value)}
      />
      <button
        type="button"
        disabled={props.busy || opening || link.trim() === ""}
        title={link.trim() === "" ? "Paste the spreadsheet's link first" : undefined}
        onClick={open}
      >
        {opening ? "Opening…" : "Open"}
      </button>
      {opened && (
        <label class="field">
          Tab of {opened.name}
          <select
            disabled={props.busy}
            onChange={(e) => {
              const sheet = (e.currentTarget as HTMLSelectElement).value;
              if (sheet) props.onSource({ kind: "spreadsheet", link: opened.link, sheet });
            }}
          >
            <option value="">Choose a tab…</option>
            {opened.sheets.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

function MappingStep(props: {
  proposal: ImportMappingProposal;
  fields: Record<string, string | null>;
  values: Record<string, string>;
  orientation: Orientation;
  busy: boolean;
  onField: (header: string, source: string | null) => void;
  onValue: (header: string, value: string) => void;
  onOrientation: (o: Orientation) => void;
  onBack: () => void;
  onNext: () => void;
  onHelp?: ((topic: string) => void) | undefined;
}) {
  const { proposal } = props;
  // The gate (the server's rule, shown here): new rows need a source field or one value for every * column.
  const unmapped = (proposal.required ?? []).filter((header) => !props.fields[header] && !props.values[header]?.trim());
  const sampleOf = (source: string | null) => {
    const index = source === null ? -1 : proposal.headers.indexOf(source);
    return index < 0 ? "" : (proposal.sample.find((r) => r[index])?.[index] ?? "");
  };
  return (
    <div>
      <p class="status">
        {counted(proposal.records, "record")}.{proposal.remembered ? " The mapping used last time for these headers." : ""}
      </p>
      <Problems problems={proposal.problems} />
      <OrientationPicker
        value={props.orientation}
        detected={proposal.orientation}
        onChange={props.onOrientation}
        disabled={props.busy}
      />
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
          Import stays unavailable for new rows until each required column has a source field or one value for all rows:{" "}
          {unmapped.map((h) => `${h}${STAR}`).join(", ")}.
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
          {Object.entries(props.fields).map(([header, source]) => {
            const given = props.values[header];
            return (
              <tr key={header}>
                <th scope="row">
                  {header}
                  {proposal.required?.includes(header) && <RequiredMark />}
                </th>
                <td>
                  <select
                    aria-label={`Source of ${header}`}
                    value={given === undefined ? (source ?? "") : ONE_VALUE}
                    onChange={(e) => props.onField(header, (e.currentTarget as HTMLSelectElement).value || null)}
                  >
                    <option value="">— not mapped —</option>
                    {proposal.oneValue?.includes(header) && <option value={ONE_VALUE}>One value for all rows…</option>}
                    {proposal.headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                  {given !== undefined && (
                    <input
                      type="text"
                      aria-label={`Value of ${header} for all rows`}
                      placeholder="the value for every row"
                      value={given}
                      onInput={(e) => props.onValue(header, (e.currentTarget as HTMLInputElement).value)}
                    />
                  )}
                  <span class="sample" title="Sample value · how sure the proposal is that this field holds the column">
                    {sampleOf(source)}
                    {source && proposal.proposal[header]?.source === source
                      ? ` · ${Math.round((proposal.proposal[header]?.confidence ?? 0) * 100)}%`
                      : ""}
                  </span>
                  {!source && given === undefined && proposal.proposal[header]?.unsure && (
                    <span class="unsure">Not sure: {proposal.proposal[header]?.unsure}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <WizardStepActions busy={props.busy} onBack={props.onBack} onNext={props.onNext} />
    </div>
  );
}

function PreviewStep(props: { preview: ImportPreviewView; busy: boolean; onBack: () => void; onImport: () => void }) {
  const { preview } = props;
  const errors = preview.findingCounts.error;
  return (
    <div>
      <p class="status">
        {preview.counts.added} to add, {preview.counts.merged} to merge, {preview.counts.unchanged} unchanged;{" "}
        {counted(errors, "error")} to fix after.
      </p>
      {Object.keys(preview.valuesForAll).length > 0 && (
        <p class="status">
          Every imported row gets{" "}
          {Object.entries(preview.valuesForAll)
            .map(([header, value]) => `${header} = "${value}"`)
            .join(", ")}
          .
        </p>
      )}
      <Problems problems={preview.problems} />
      <FindingsList findings={preview.findings} groups={preview.groups} truncated={preview.truncated} />
      <div class="actions">
        <button type="button" onClick={props.onBack} disabled={props.busy}>
          Back
        </button>
        <button
          type="button"
          class="primary"
          onClick={props.onImport}
          disabled={props.busy || !preview.canApply}
          aria-describedby={preview.canApply ? undefined : "import-why"}
        >
          Import
        </button>
        {!preview.canApply && (
          <span id="import-why" class="why">
            Import waits until the problems above are solved (Back to change the mapping).
          </span>
        )}
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

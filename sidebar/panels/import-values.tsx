import type { ColumnValues, ImportValueChoices, ValueProposal } from "../../src/server/propose-import-values";
import { WizardStepActions } from "./wizard-step-actions";

/** Column header → source value → what the person made it (their changes, and choices remembered from last time). */
export type ValueChoices = Record<string, Record<string, string>>;

/** The values a choice leaves without a target: the step's count, and each row's highlight. */
export function targetOf(chosen: ValueChoices, column: ColumnValues, value: ValueProposal): string | null {
  return chosen[column.header]?.[value.value] ?? value.target;
}

/**
 * The choices the server should hear: what the person changed, and what was remembered (the server's proposals
 * stand for the rest, so that a site added since is matched next time).
 */
export function rememberedChoices(answer: ImportValueChoices): ValueChoices {
  const chosen: ValueChoices = {};
  for (const column of answer.columns)
    for (const v of column.values)
      if (v.target !== null && v.reason.startsWith("chosen"))
        chosen[column.header] = { ...chosen[column.header], [v.value]: v.target };
  return chosen;
}

/**
 * Import, the values step (after the columns, before the preview): each distinct value of a column whose values come
 * from a list (User Type, Setup Wizard, Site, Role, Status, Country), with its count, the proposal and a choice. A
 * value with no proposal is highlighted and counted ("2 values need a choice"); it may still go to the preview, where
 * its rows fail validation, but never unseen.
 */
export function ValuesStep(props: {
  answer: ImportValueChoices;
  chosen: ValueChoices;
  busy: boolean;
  onChoose: (header: string, value: string, target: string) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { answer, chosen } = props;
  const count = (test: (c: ColumnValues, v: ValueProposal) => boolean) =>
    answer.columns.reduce((n, c) => n + c.values.filter((v) => test(c, v)).length, 0);
  // Values past the list's end keep their proposals: those without one still count.
  const unlisted = answer.needChoice - count((_, v) => v.target === null);
  const open = unlisted + count((c, v) => targetOf(chosen, c, v) === null);
  return (
    <div>
      <p class={open > 0 ? "status problem" : "status"} role="status">
        {open > 0
          ? `${open} ${open === 1 ? "value needs" : "values need"} a choice: nothing on the list clearly matches ${open === 1 ? "it" : "them"}.`
          : "Every value has a match. Change any before the preview."}
      </p>
      {answer.columns.map((column) => (
        <ColumnChoices key={column.header} column={column} chosen={chosen} busy={props.busy} onChoose={props.onChoose} />
      ))}
      <WizardStepActions busy={props.busy} onBack={props.onBack} onNext={props.onNext} />
    </div>
  );
}

function ColumnChoices(props: {
  column: ColumnValues & { more: number };
  chosen: ValueChoices;
  busy: boolean;
  onChoose: (header: string, value: string, target: string) => void;
}) {
  const { column } = props;
  return (
    <table class="mapping values" aria-label={`Values of ${column.header}`}>
      <caption>
        {column.header} ← “{column.source}”
      </caption>
      <thead>
        <tr>
          <th scope="col">Value (rows)</th>
          <th scope="col">Becomes</th>
        </tr>
      </thead>
      <tbody>
        {column.values.map((v) => {
          const target = targetOf(props.chosen, column, v);
          const isNew = column.newAllowed && target !== null && !column.targets.includes(target);
          return (
            <tr key={v.value} class={target === null ? "unmatched" : ""}>
              <th scope="row">
                {v.value} <span class="muted">({v.count})</span>
              </th>
              <td>
                <select
                  aria-label={`${column.header} for ${v.value}`}
                  value={target ?? ""}
                  disabled={props.busy}
                  onChange={(e) => props.onChoose(column.header, v.value, (e.currentTarget as HTMLSelectElement).value)}
                >
                  {target === null && <option value="">— choose —</option>}
                  {extraOptions(column, v.value, target).map((t) => (
                    <option key={t} value={t}>
                      {column.newAllowed ? `New site “${t}”` : t}
                    </option>
                  ))}
                  {column.targets.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </select>
                <span class="sample">
                  {target === null ? v.reason : isNew ? "added to the Sites tab" : reasonShown(v, target)}
                </span>
              </td>
            </tr>
          );
        })}
        {column.more > 0 && (
          <tr>
            <td colSpan={2} class="muted">
              {column.more} more values, each as proposed.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** Beside the list: the value itself as a new site, and a target chosen before that the list no longer has. */
function extraOptions(column: ColumnValues, value: string, target: string | null): string[] {
  const extra = column.newAllowed ? [value] : [];
  if (target !== null) extra.push(target);
  return [...new Set(extra)].filter((t) => !column.targets.includes(t));
}

function reasonShown(v: ValueProposal, target: string): string {
  return target === v.target ? v.reason : "your choice";
}

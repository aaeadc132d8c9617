import { useEffect, useState } from "preact/hooks";
import type { ColumnHelp } from "../../src/server/column-help";
import { RequiredMark } from "../required-mark";
import { rpc } from "../rpc";

/**
 * Learn more: the import, then each Users column (what it means, which types require it, allowed values). Opened
 * from the import step, or from a finding on a column (that column unfolded and scrolled to).
 */
export function HelpPanel({ topic, onClose }: { topic: string; onClose: () => void }) {
  const [columns, setColumns] = useState<ColumnHelp[]>([]);
  const [problem, setProblem] = useState("");
  useEffect(() => {
    rpc("columnHelp", {}).then(setColumns, (error: Error) => setProblem(error.message));
  }, []);
  useEffect(() => {
    document.getElementById(`help-${topic}`)?.scrollIntoView({ block: "start" });
  }, [columns, topic]);
  return (
    <section aria-label="Help">
      <div class="actions">
        <button type="button" onClick={onClose}>
          Back
        </button>
      </div>
      <h2 id="help-import">Importing users</h2>
      <p>
        Choose a CSV file or another tab. Horizontal: field names across a header row (the template's layout); Vertical: field
        names down a column, one user per column. Each Users column is given a source field, proposed from the names and the
        values; the percentage beside a sample is how sure the proposal is that the field holds that column. Columns marked * are
        required: new rows cannot be imported until each has a source. Nothing is written until you have seen the preview; rows
        are added, or merged into the row with the same Email (then Ext).
      </p>
      <p>
        Then the values: for User Type, Setup Wizard, Site, Role, Status and the file's Country, each distinct value is shown with
        how many rows hold it and what it will become ("RingEX Standard" a User, "NYC" the site New York, a site no one has a new
        site on the Sites tab). A value nothing clearly matches ("Fax only") waits for your choice. Your choices are remembered
        with the mapping.
      </p>
      <p>The template (Users panel) needs no mapping: fill it in and import it.</p>
      <h2>Users columns</h2>
      {problem && <p class="status problem">{problem}</p>}
      {columns.map((c) => (
        <details key={c.key} id={`help-${c.header}`} open={c.header === topic}>
          <summary>
            {c.header}
            {c.required && <RequiredMark />}
          </summary>
          <p>{c.meaning}</p>
          <p class="muted small">Allowed: {c.allowed}</p>
          {c.required && <p class="muted small">Required on every row.</p>}
          {c.requiredBy.length > 0 && (
            <ul class="plan">
              {c.requiredBy.map((r) => (
                <li key={r.userType}>
                  <span class="where">{r.userType}</span>
                  {r.when}
                </li>
              ))}
            </ul>
          )}
        </details>
      ))}
    </section>
  );
}

import { useEffect, useState } from "preact/hooks";
import { counted } from "../../src/domain/counted";
import type { TagChoice, WorkspaceChoices } from "../../src/server/workspace-choices";
import { Notice } from "../notice";
import { rpc } from "../rpc";
import { useTask } from "../task";

const BLANK = { row: undefined as number | undefined, key: "", value: "", color: "#4285f4" };

/** Tags: create and edit up to 20, with colours; filter the Users tab by one so actions apply to what is shown. */
export function TagsPanel({
  filter,
  onFilter,
}: {
  filter: string | null;
  onFilter: (filter: { tag: string; shown: number } | null) => void;
}) {
  const [choices, setChoices] = useState<WorkspaceChoices | null>(null);
  const [form, setForm] = useState(BLANK);
  const [status, setStatus] = useState("");
  const task = useTask<"load" | "save" | "filter">();
  const reload = async () => setChoices(await rpc("workspaceChoices", {}));
  useEffect(() => {
    void task.run("load", reload);
  }, []);

  const save = () =>
    task.run("save", async () => {
      setStatus("");
      const result = await rpc("saveTag", {
        ...(form.row ? { row: form.row } : {}),
        key: form.key,
        value: form.value,
        color: form.color,
      });
      if (!result.saved) task.setProblem(result.problem);
      else {
        setStatus(result.message);
        setForm(BLANK);
        await reload();
      }
    });
  const show = (tag: string | null) =>
    task.run("filter", async () => {
      const result = await rpc("filterByTag", { tag });
      if ("problem" in result) task.setProblem(result.problem);
      else {
        onFilter(result.tag ? { tag: result.tag, shown: result.shown } : null);
        const rows = counted(result.shown, "row");
        setStatus(result.tag ? `${rows} with ${result.tag} shown; the others are hidden.` : "Every row is shown.");
        // The counts beside each tag are read again: Tags cells may have changed since the panel opened.
        await reload();
      }
    });
  const edit = (t: TagChoice) => setForm({ row: t.row, key: t.key, value: t.value, color: t.color || "#4285f4" });
  const tags = choices?.tags ?? [];

  const full = !form.row && tags.length >= 20;
  return (
    <>
      <h2>Tags ({tags.length} of 20)</h2>
      <ul class="plan">
        {tags.map((t) => {
          const name = `${t.key}:${t.value}`;
          return (
            <li key={t.row} class="line">
              <span>
                <span class="swatch" style={{ background: t.color || "transparent" }} aria-hidden="true" />
                {name}
                <span class="muted small"> {counted(t.users, "user")}</span>
              </span>
              <span>
                <button type="button" aria-label={`Edit ${name}`} onClick={() => edit(t)} disabled={task.busy !== null}>
                  Edit
                </button>
                <button
                  type="button"
                  aria-label={`Show only rows with ${name}`}
                  aria-pressed={filter === name}
                  onClick={() => show(filter === name ? null : name)}
                  disabled={task.busy !== null}
                >
                  Filter
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      <h2>{form.row ? `Edit the tag on row ${form.row}` : "New tag"}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label for="tag-key">Key</label>
        <input id="tag-key" required value={form.key} onInput={(e) => setForm({ ...form, key: e.currentTarget.value })} />
        <label for="tag-value">Value</label>
        <input id="tag-value" required value={form.value} onInput={(e) => setForm({ ...form, value: e.currentTarget.value })} />
        <label for="tag-color">Colour</label>
        <input
          id="tag-color"
          type="color"
          value={form.color}
          onInput={(e) => setForm({ ...form, color: e.currentTarget.value })}
        />
        <div class="actions">
          <button
            type="submit"
            class="primary"
            disabled={task.busy !== null || full}
            aria-describedby={full ? "tags-full" : undefined}
          >
            {form.row ? "Save tag" : "Add tag"}
          </button>
          {form.row && (
            <button type="button" onClick={() => setForm(BLANK)}>
              Cancel
            </button>
          )}
        </div>
        {full && (
          <p id="tags-full" class="muted small">
            A workspace holds at most 20 tags: delete one to add another.
          </p>
        )}
      </form>
      <Notice status={status} problem={task.problem} />
    </>
  );
}

import { useState } from "preact/hooks";
import { counted } from "../../src/domain/counted";
import type { DeleteAnswer, DeletionItem } from "../../src/server/delete-users";
import { download } from "../download";
import { Notice } from "../notice";
import { RowTargetChoice, rowTarget } from "../row-target-choice";
import { rpc } from "../rpc";
import { useTask } from "../task";
import { CredentialsSection } from "./credentials";

type Undo = Extract<DeleteAnswer, { confirmed: true }>["undo"];

/**
 * Users: delete the selected rows or those a tag filter shows (asked, then confirmed, undone before the sync), PINs
 * and passwords made for rows that need them, and the template, as a new tab or a file.
 */
export function UsersPanel({ filter, onRowsChanged }: { filter: string | null; onRowsChanged?: () => void }) {
  const [onTag, setOnTag] = useState(false);
  const [asked, setAsked] = useState<{ items: DeletionItem[]; message: string } | null>(null);
  const [undo, setUndo] = useState<{ undo: Undo } | null>(null);
  const [status, setStatus] = useState("");
  const task = useTask<"ask" | "delete" | "undo" | "template">();
  const target = () => rowTarget(filter, onTag);

  const ask = () =>
    task.run("ask", async () => {
      setStatus("");
      setAsked(null);
      const answer = await rpc("deleteUsers", { target: target() });
      if ("problem" in answer) task.setProblem(answer.problem);
      else if (!answer.confirmed) setAsked({ items: answer.items, message: answer.message });
    });
  const confirm = () =>
    task.run("delete", async () => {
      const chosen = target();
      // Only the rows the person was shown: a selection changed since is asked about again, never deleted unseen.
      const shown = (asked?.items ?? []).map(({ row, email }) => ({ row, email }));
      const answer = await rpc("deleteUsers", { target: chosen, confirm: true, shown });
      setAsked(null);
      if ("problem" in answer) task.setProblem(answer.problem);
      else if (!answer.confirmed) setAsked({ items: answer.items, message: answer.message });
      else {
        setStatus(answer.message);
        setUndo({ undo: answer.undo });
        onRowsChanged?.();
      }
    });
  const putBack = () =>
    task.run("undo", async () => {
      if (!undo) return;
      const answer = await rpc("undoDelete", undo);
      setUndo(null);
      if ("problem" in answer) task.setProblem(answer.problem);
      else {
        setStatus(answer.message);
        onRowsChanged?.();
      }
    });
  const template = (as: "tab" | "file") =>
    task.run("template", async () => {
      const answer = await rpc("usersTemplate", { as });
      if (answer.fileName) download(answer.fileName, answer.text);
      setStatus(answer.message);
    });

  return (
    <>
      <h2>Delete users</h2>
      <RowTargetChoice name="delete-target" legend="Which rows" filter={filter} onTag={onTag} setOnTag={setOnTag} />
      <div class="actions">
        <button type="button" class="danger" onClick={ask} disabled={task.busy !== null}>
          Delete…
        </button>
        {undo && (
          <button type="button" onClick={putBack} disabled={task.busy !== null}>
            Undo delete
          </button>
        )}
      </div>
      {asked && (
        <section class="confirm" role="alertdialog" aria-label="Confirm the delete">
          <p class="status">{asked.message}</p>
          <ul class="plan">
            {asked.items.map((item) => (
              <li key={item.row}>
                <span class="where">Row {item.row}</span>
                {item.name || item.email}{" "}
                <span class="muted small">
                  {item.synced
                    ? `deleted in the account at the next sync${item.releases ? `; ${item.releases} goes back to the pool` : ""}`
                    : "never synced: leaves the sheet only"}
                </span>
              </li>
            ))}
          </ul>
          <div class="actions">
            <button type="button" class="danger" onClick={confirm} disabled={task.busy !== null}>
              Delete {counted(asked.items.length, "user")}
            </button>
            <button type="button" onClick={() => setAsked(null)}>
              Cancel
            </button>
          </div>
        </section>
      )}
      <Notice status={status} problem={task.problem} />

      <CredentialsSection onRowsChanged={onRowsChanged} />

      <h2>Template</h2>
      <p class="muted small">
        The Users layout with the required columns marked *, dropdowns and one example row. Filled in, it imports with no mapping.
      </p>
      <div class="actions">
        <button type="button" onClick={() => template("tab")} disabled={task.busy !== null}>
          Insert template tab
        </button>
        <button type="button" onClick={() => template("file")} disabled={task.busy !== null}>
          Download template
        </button>
      </div>
    </>
  );
}

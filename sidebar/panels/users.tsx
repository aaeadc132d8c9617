import { useState } from "preact/hooks";
import type { DeletedRow, DeleteUndo } from "../../src/server/delete-users";
import { Notice } from "../notice";
import { RowTargetChoice, rowTarget } from "../row-target-choice";
import { rpc } from "../rpc";
import { useTask } from "../task";

/**
 * Users: delete the rows selected on the Users tab or the rows the tag filter shows. The panel lists them and what
 * happens to each (never synced: removed from the sheet; synced: Pending Delete, its line back at the next sync),
 * deletes only once confirmed, and offers Undo until the sync.
 */
export function UsersPanel({ filter }: { filter: string | null }) {
  const [onTag, setOnTag] = useState(false);
  const [review, setReview] = useState<DeletedRow[] | null>(null);
  const [undo, setUndo] = useState<DeleteUndo | null>(null);
  const [status, setStatus] = useState("");
  const task = useTask<"review" | "delete" | "undo">();
  const target = rowTarget(filter, onTag);

  const ask = () =>
    task.run("review", async () => {
      setStatus("");
      setUndo(null);
      const answer = await rpc("deleteUsers", { target });
      if ("problem" in answer) task.setProblem(answer.problem);
      else setReview(answer.rows);
    });
  const confirm = () =>
    task.run("delete", async () => {
      const answer = await rpc("deleteUsers", { target, confirm: true });
      setReview(null);
      if ("problem" in answer) return task.setProblem(answer.problem);
      if (answer.done) {
        setStatus(answer.message);
        setUndo(answer.undo);
      }
    });
  const putBack = () =>
    task.run("undo", async () => {
      if (!undo) return;
      const answer = await rpc("undoDelete", { undo });
      setUndo(null);
      if ("problem" in answer) task.setProblem(answer.problem);
      else setStatus(answer.message);
    });

  return (
    <>
      <h2>Delete users</h2>
      <RowTargetChoice name="delete-target" legend="Which" filter={filter} onTag={onTag} setOnTag={setOnTag} />
      <div class="actions">
        <button type="button" onClick={ask} disabled={task.busy !== null}>
          Review delete
        </button>
      </div>
      {review && (
        <>
          <p>
            {review.length} {review.length === 1 ? "user" : "users"} to delete:
          </p>
          <ul class="plan">
            {review.map((r) => (
              <li key={r.row} class="line">
                <span>
                  Row {r.row}: {r.name || r.email}
                </span>
                <span class="muted small">
                  {r.synced
                    ? `Pending Delete; deleted at the next sync${r.line ? `, ${r.line} back to the lines` : ""}`
                    : "removed from the sheet"}
                </span>
              </li>
            ))}
          </ul>
          <div class="actions">
            <button type="button" class="danger" onClick={confirm} disabled={task.busy !== null}>
              Delete {review.length} {review.length === 1 ? "user" : "users"}
            </button>
            <button type="button" onClick={() => setReview(null)} disabled={task.busy !== null}>
              Cancel
            </button>
          </div>
        </>
      )}
      {undo && (
        <div class="actions">
          <button type="button" onClick={putBack} disabled={task.busy !== null}>
            Undo
          </button>
        </div>
      )}
      <Notice status={status} problem={task.problem} />
    </>
  );
}

import { useState } from "preact/hooks";
import { Notice } from "../notice";
import { rpc } from "../rpc";
import { useTask } from "../task";

/**
 * PINs and passwords made for rows that need one and were given none (a Message Only's PIN, a Limited Extension's
 * password), for every such row or the selected ones. The values go to the sheet only: the sync sends and clears them.
 */
export function CredentialsSection({ onRowsChanged }: { onRowsChanged?: () => void }) {
  const [which, setWhich] = useState<"needing" | "selected">("needing");
  const [status, setStatus] = useState("");
  const task = useTask<"make">();
  const make = () =>
    task.run("make", async () => {
      setStatus("");
      const answer = await rpc("makeCredentials", { target: { kind: which } });
      if ("problem" in answer) task.setProblem(answer.problem);
      else {
        setStatus(answer.message);
        onRowsChanged?.();
      }
    });
  return (
    <>
      <h2>PINs and passwords</h2>
      <p class="muted small">
        Made to the platform's rules, only where a row needs one and has none. They stay in the sheet, readable by anyone it is
        shared with, until the sync sends and clears them.
      </p>
      <fieldset>
        <legend>Which rows</legend>
        <label class="check">
          <input type="radio" name="credential-target" checked={which === "needing"} onChange={() => setWhich("needing")} />
          Every row that needs one
        </label>
        <label class="check">
          <input type="radio" name="credential-target" checked={which === "selected"} onChange={() => setWhich("selected")} />
          Only the selected rows
        </label>
      </fieldset>
      <div class="actions">
        <button type="button" onClick={make} disabled={task.busy !== null}>
          Make PINs and passwords
        </button>
      </div>
      <Notice status={status} problem={task.problem} />
    </>
  );
}

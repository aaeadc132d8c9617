import { useEffect, useState } from "preact/hooks";
import type { WorkspaceChoices } from "../../src/server/workspace-choices";
import { Notice } from "../notice";
import { RowTargetChoice, rowTarget } from "../row-target-choice";
import { rpc } from "../rpc";
import { useTask } from "../task";

/** Roles: apply one to the selected rows or to the rows the tag filter shows; create and delete custom roles. */
export function RolesPanel({ filter }: { filter: string | null }) {
  const [choices, setChoices] = useState<WorkspaceChoices | null>(null);
  const [role, setRole] = useState("");
  const [onTag, setOnTag] = useState(false);
  const [name, setName] = useState("");
  const [basedOn, setBasedOn] = useState("");
  const [description, setDescription] = useState("");
  const [status, setStatus] = useState("");
  const task = useTask<"load" | "apply" | "create" | "delete">();
  const reload = async () => setChoices(await rpc("workspaceChoices", {}));
  useEffect(() => {
    void task.run("load", reload);
  }, []);

  const roles = (choices?.roles ?? []).filter((r) => r.status !== "Pending Delete");
  const predefined = roles.filter((r) => r.kind === "Predefined");
  const custom = (choices?.roles ?? []).filter((r) => r.kind === "Custom");
  const answer = async (result: { message: string } | { problem: string }) => {
    if ("problem" in result) task.setProblem(result.problem);
    else setStatus(result.message);
    await reload();
  };

  const apply = () =>
    task.run("apply", async () => {
      setStatus("");
      const target = rowTarget(filter, onTag);
      await answer(await rpc("applyRole", { role, target }));
    });
  const create = () =>
    task.run("create", async () => {
      setStatus("");
      await answer(await rpc("createCustomRole", { name, basedOn, description }));
      setName("");
      setDescription("");
    });
  const remove = (roleName: string) =>
    task.run("delete", async () => {
      setStatus("");
      await answer(await rpc("deleteCustomRole", { name: roleName }));
    });

  return (
    <>
      <h2>Apply a role</h2>
      <label for="role">Role</label>
      <select id="role" value={role} onChange={(e) => setRole(e.currentTarget.value)}>
        <option value="">Choose a role…</option>
        {roles.map((r) => (
          <option key={r.name} value={r.name}>
            {r.name}
          </option>
        ))}
      </select>
      <RowTargetChoice name="role-target" legend="To" filter={filter} onTag={onTag} setOnTag={setOnTag} />
      <div class="actions">
        <button type="button" class="primary" onClick={apply} disabled={task.busy !== null || !role}>
          Apply role
        </button>
      </div>
      <Notice status={status} problem={task.problem} />

      <h2>New custom role</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label for="role-name">Name</label>
        <input id="role-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <label for="based-on">Based on</label>
        <select id="based-on" required value={basedOn} onChange={(e) => setBasedOn(e.currentTarget.value)}>
          <option value="">Choose a predefined role…</option>
          {predefined.map((r) => (
            <option key={r.name} value={r.name}>
              {r.name}
            </option>
          ))}
        </select>
        {predefined.length === 0 && <p class="muted small">Refresh the account (Sync panel) to list its predefined roles.</p>}
        <label for="role-description">Description</label>
        <input id="role-description" value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
        <div class="actions">
          <button type="submit" disabled={task.busy !== null}>
            Add custom role
          </button>
        </div>
      </form>

      {custom.length > 0 && (
        <>
          <h2>Custom roles</h2>
          <ul class="plan">
            {custom.map((r) => (
              <li key={r.name} class="line">
                <span>
                  {r.name}
                  <span class="muted small">
                    {" "}
                    {r.users} {r.users === 1 ? "user" : "users"}
                    {r.status ? `, ${r.status}` : r.synced ? "" : ", not synced"}
                  </span>
                </span>
                <button
                  type="button"
                  aria-label={`Delete ${r.name}`}
                  onClick={() => remove(r.name)}
                  disabled={task.busy !== null || r.status === "Pending Delete"}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

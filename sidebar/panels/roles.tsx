import { useEffect, useState } from "preact/hooks";
import { counted } from "../../src/domain/counted";
import type { PermissionChoice } from "../../src/server/custom-roles";
import type { WorkspaceChoices } from "../../src/server/workspace-choices";
import { Notice } from "../notice";
import { permissionEdits } from "../permission-edits";
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
  /** The count the person is asked to confirm before the role is written. */
  const [confirming, setConfirming] = useState<{ rows: number; question: string } | null>(null);
  const [base, setBase] = useState<PermissionChoice[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const task = useTask<"load" | "count" | "apply" | "create" | "delete" | "permissions">();
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

  const count = () =>
    task.run("count", async () => {
      setStatus("");
      const counted = await rpc("roleTargetCount", { role, target: rowTarget(filter, onTag) });
      if ("problem" in counted) task.setProblem(counted.problem);
      else setConfirming(counted);
    });
  const apply = (confirmed: number) =>
    task.run("apply", async () => {
      setConfirming(null);
      await answer(await rpc("applyRole", { role, target: rowTarget(filter, onTag), confirmed }));
    });
  const chooseBase = (name: string) => {
    setBasedOn(name);
    setBase(null);
    if (!name) return;
    void task.run("permissions", async () => {
      const found = await rpc("roleBasePermissions", { basedOn: name });
      if ("problem" in found) return task.setProblem(found.problem);
      setBase(found.permissions);
      setChosen(new Set(found.permissions.filter((p) => p.held).map((p) => p.id)));
    });
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const create = () =>
    task.run("create", async () => {
      setStatus("");
      const permissions = base ? permissionEdits(base, chosen) : "";
      await answer(await rpc("createCustomRole", { name, basedOn, description, permissions }));
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
      <select
        id="role"
        value={role}
        onChange={(e) => {
          setRole(e.currentTarget.value);
          setConfirming(null);
        }}
      >
        <option value="">Choose a role…</option>
        {roles.map((r) => (
          <option key={r.name} value={r.name}>
            {r.name}
          </option>
        ))}
      </select>
      <RowTargetChoice name="role-target" legend="To" filter={filter} onTag={onTag} setOnTag={setOnTag} />
      {confirming ? (
        <section class="confirm" role="alertdialog" aria-label="Confirm the role">
          <p>{confirming.question}</p>
          <div class="actions">
            <button type="button" class="primary" onClick={() => apply(confirming.rows)} disabled={task.busy !== null}>
              Set on {counted(confirming.rows, "row")}
            </button>
            <button type="button" onClick={() => setConfirming(null)} disabled={task.busy !== null}>
              Cancel
            </button>
          </div>
        </section>
      ) : (
        <div class="actions">
          <button
            type="button"
            class="primary"
            onClick={count}
            disabled={task.busy !== null || !role}
            aria-describedby={role ? undefined : "apply-role-why"}
          >
            Apply role…
          </button>
          {!role && (
            <span id="apply-role-why" class="why">
              Choose a role above first.
            </span>
          )}
        </div>
      )}
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
        <select id="based-on" required value={basedOn} onChange={(e) => chooseBase(e.currentTarget.value)}>
          <option value="">Choose a predefined role…</option>
          {predefined.map((r) => (
            <option key={r.name} value={r.name}>
              {r.name}
            </option>
          ))}
        </select>
        {predefined.length === 0 && <p class="muted small">Refresh the account (Sync panel) to list its predefined roles.</p>}
        {task.busy === "permissions" && <p class="muted small">Reading {basedOn}'s permissions…</p>}
        {base && (
          <fieldset aria-label="Permissions">
            <legend>Permissions (from {basedOn}; change what this role differs in)</legend>
            {byCategory(base).map(([category, permissions]) => (
              <details key={category} class="permission-group" open>
                <summary>
                  {category}{" "}
                  <span class="muted small">
                    {permissions.filter((p) => chosen.has(p.id)).length} of {permissions.length}
                  </span>
                </summary>
                {permissions.map((p) => (
                  <label key={p.id} class="check">
                    <input type="checkbox" checked={chosen.has(p.id)} onChange={(e) => toggle(p.id, e.currentTarget.checked)} />
                    {p.name}
                  </label>
                ))}
              </details>
            ))}
          </fieldset>
        )}
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
                    {counted(r.users, "user")}
                    {r.status ? `, ${r.status}` : r.synced ? "" : ", not synced"}
                  </span>
                </span>
                <button
                  type="button"
                  aria-label={`Delete ${r.name}`}
                  onClick={() => remove(r.name)}
                  disabled={task.busy !== null || r.status === "Pending Delete"}
                  title={r.status === "Pending Delete" ? "Already deleted by the next sync" : undefined}
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

type Permission = { id: string; name: string; category: string };

/**
 * The permissions in the groups the Admin Portal shows them in (the dictionary's categories, "UserInfo" read as
 * "User Info"), each group's permissions by name, so that 26 or more checkboxes read as a few groups.
 */
function byCategory<P extends Permission>(permissions: readonly P[]): [string, P[]][] {
  const groups = new Map<string, P[]>();
  for (const permission of permissions) {
    const category = permission.category.replace(/([a-z])([A-Z])/g, "$1 $2") || "Other";
    groups.set(category, [...(groups.get(category) ?? []), permission]);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, items]) => [category, items.sort((x, y) => x.name.localeCompare(y.name))]);
}

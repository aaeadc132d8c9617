import { Fragment } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { counted } from "../../src/domain/counted";
import type { RunReport, SyncPlan } from "../../src/server/sync-functions";
import type { WorkspaceChoices } from "../../src/server/workspace-choices";
import { accountWasRead, useAccountReads } from "../account-reads";
import { SIDEBAR_CHUNK_MS } from "../chunk-budget";
import { Notice } from "../notice";
import { rpc } from "../rpc";
import { percentOf, planSteps, progressAfter, type RunProgress } from "../run-progress";
import { leftAloneWords, runWords } from "../run-words";
import { syncingAs, unlessBusy } from "../sync-busy";
import { useTask } from "../task";
import { AddSite } from "./add-site";
import { SyncHistoryView } from "./sync-history";

interface Progress {
  done: number;
  total: number;
  report: RunReport | null;
  cancelled: boolean;
}

type Narrow = "all" | "selected" | "tag";

/**
 * Sync: choose sites (narrowed to the selected rows or the rows the tag filter shows), see the plan, confirm
 * deletes, run chunk by chunk with a progress bar, retry failed rows.
 */
export function SyncPanel({ filter }: { filter: string | null }) {
  const [narrow, setNarrow] = useState<Narrow>("all");
  const [choices, setChoices] = useState<WorkspaceChoices | null>(null);
  const [sites, setSites] = useState<string[]>([]);
  const [plan, setPlan] = useState<SyncPlan | null>(null);
  const [confirmRemoved, setConfirmRemoved] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [status, setStatus] = useState("");
  const cancel = useRef(false);
  const task = useTask<"load" | "refresh" | "plan" | "run" | "retry">();

  const load = () => task.run("load", async () => setChoices(await rpc("workspaceChoices", {})));
  // Read again after any account read: the account's sites join the list.
  const reads = useAccountReads();
  useEffect(() => {
    void load();
  }, [reads]);
  // A site that became refused (or left the list) since it was ticked is not sent: the list is what may be synced.
  useEffect(() => {
    if (!choices) return;
    const open = new Set(choices.sites.filter((s) => !s.refusal).map((s) => s.name));
    setSites((now) => (now.every((s) => open.has(s)) ? now : now.filter((s) => open.has(s))));
  }, [choices]);

  const choose = (rows: Narrow) => {
    setPlan(null);
    setNarrow(rows);
  };
  const toggle = (site: string) => {
    setPlan(null);
    setSites((now) => (now.includes(site) ? now.filter((s) => s !== site) : [...now, site]));
  };
  const refresh = () =>
    task.run("refresh", async () => {
      setStatus("Reading the account…");
      const result = unlessBusy(await rpc("refreshAccount", {}));
      setStatus(result.message);
      accountWasRead();
    });
  const preview = () =>
    task.run("plan", async () => {
      setStatus("Planning…");
      setProgress(null);
      const tag = narrow === "tag" && filter ? { tag: filter } : {};
      const next = unlessBusy(await rpc("planSync", { sites, selected: narrow === "selected", ...tag }));
      setStatus("");
      if (next.scope.emails && next.scope.emails.length === 0) {
        task.setProblem("Select the Users rows to sync first (or choose every row of the sites).");
        return;
      }
      setPlan(next);
    });
  const drive = async (first: () => Promise<RunReport>, next: () => Promise<RunReport>, total: number) => {
    cancel.current = false;
    // Each chunk reports its own counts; the person reads the run's.
    const totals = {
      created: 0,
      updated: 0,
      deleted: 0,
      failed: 0,
      roleChanged: 0,
      roles: { created: 0, updated: 0, deleted: 0 },
      leftAlone: [] as string[],
    };
    let report = await first();
    let progress: RunProgress = { done: 0, total };
    for (;;) {
      progress = progressAfter(progress, total, report);
      for (const key of ["created", "updated", "deleted", "failed", "roleChanged"] as const) totals[key] += report[key];
      for (const key of ["created", "updated", "deleted"] as const) totals.roles[key] += report.roles[key];
      totals.leftAlone.push(...report.leftAlone);
      setProgress({ ...progress, report: { ...report, ...totals }, cancelled: false });
      if (report.done) break;
      // RingCentral refused the credential, a permission, or did not answer: what was done is written back.
      if (report.stop) {
        setStatus(report.stop.message);
        break;
      }
      if (cancel.current) {
        setProgress({ ...progress, report: { ...report, ...totals }, cancelled: true });
        break;
      }
      report = await next();
    }
    setPlan(null);
    setChoices(await rpc("workspaceChoices", {}));
  };
  const run = () =>
    task.run("run", async () => {
      setStatus("");
      // The run keeps the plan's scope: the rows selected when it was planned, not whatever is selected now.
      // Only the users the person confirmed by name: the run deletes no one else, whatever the sheet shows by then.
      const named = confirmRemoved && plan ? removedByHand(plan).flatMap((d) => (d.rcId ? [d.rcId] : [])) : [];
      const input = { ...(plan?.scope ?? { sites }), confirmDeletes: named, budgetMs: SIDEBAR_CHUNK_MS };
      setProgress({ done: 0, total: plan ? planSteps(plan) : 0, report: null, cancelled: false });
      await drive(
        async () => unlessBusy(await rpc("runSync", input)),
        async () => unlessBusy(await rpc("runSync", { ...input, continues: true })),
        plan ? planSteps(plan) : 0,
      );
    });
  const retry = () =>
    task.run("retry", async () => {
      setProgress({ done: 0, total: 0, report: null, cancelled: false });
      // The chunks after the first stay on the users it retried, never the whole sites.
      let emails: string[] = [];
      await drive(
        async () => {
          const first = unlessBusy(await rpc("retryFailed", { sites }));
          emails = first.emails;
          return first;
        },
        async () => unlessBusy(await rpc("runSync", { sites, emails, budgetMs: SIDEBAR_CHUNK_MS, continues: true })),
        0,
      );
    });

  const running = task.busy === "run" || task.busy === "retry";
  return (
    <>
      <p class="lead">Sync site by site. Nothing is sent until you press Sync.</p>
      <fieldset disabled={running}>
        <legend>Sites</legend>
        {choices?.sites.map((site) => (
          <Fragment key={site.name}>
            <label class={site.refusal ? "check refused" : "check"}>
              <input
                type="checkbox"
                checked={!site.refusal && sites.includes(site.name)}
                disabled={Boolean(site.refusal)}
                onChange={() => toggle(site.name)}
              />
              {site.name}
              <span class="muted">
                {" "}
                {counted(site.users, "user")}
                {site.from === "sheet" && !site.refusal ? ", new" : ""}
              </span>
              {/* Not offered: the plan would block every row of it with the same words. */}
              {site.refusal && <span class="refusal small">{site.refusal}</span>}
            </label>
            {(site.unknown || site.incomplete) && (
              <AddSite
                name={site.name}
                complete={Boolean(site.incomplete)}
                onAdded={(message) => {
                  setStatus(message);
                  void load();
                }}
              />
            )}
          </Fragment>
        ))}
        {choices && choices.sites.length === 0 && <p class="status">No sites yet: add them on the Sites tab.</p>}
      </fieldset>
      <fieldset disabled={running}>
        <legend>Rows</legend>
        <label class="check">
          <input type="radio" name="sync-rows" checked={narrow === "all"} onChange={() => choose("all")} />
          Every row of the sites
        </label>
        <label class="check">
          <input type="radio" name="sync-rows" checked={narrow === "selected"} onChange={() => choose("selected")} />
          The rows selected on the Users tab
        </label>
        <label class="check">
          <input
            type="radio"
            name="sync-rows"
            checked={narrow === "tag" && Boolean(filter)}
            disabled={!filter}
            onChange={() => choose("tag")}
          />
          {filter ? `The rows shown by the filter ${filter}` : "The rows a tag filter shows (filter on the Tags panel)"}
        </label>
      </fieldset>
      <div class="actions">
        <button type="button" onClick={refresh} disabled={task.busy !== null}>
          {task.busy === "refresh" ? "Refreshing…" : "Refresh account"}
        </button>
        <button type="button" class="primary" onClick={preview} disabled={task.busy !== null}>
          {task.busy === "plan" ? "Planning…" : "Preview plan"}
        </button>
      </div>
      {plan && !running && <PlanView plan={plan} confirmRemoved={confirmRemoved} onConfirm={setConfirmRemoved} />}
      {plan && !running && (
        <div class="actions">
          <button type="button" class="primary" onClick={run} disabled={task.busy !== null}>
            {sites.length ? `Sync ${sites.join(", ")}` : "Sync the account's roles"}
          </button>
        </div>
      )}
      {progress && <ProgressView progress={progress} running={running} />}
      {running && (
        <div class="actions">
          <button
            type="button"
            onClick={() => {
              cancel.current = true;
              setStatus("Stopping after this chunk…");
            }}
          >
            Cancel
          </button>
        </div>
      )}
      {!running && (progress?.report?.failed ?? 0) > 0 && (
        <div class="actions">
          <button type="button" onClick={retry} disabled={task.busy !== null}>
            Retry failed rows
          </button>
        </div>
      )}
      <Notice status={status} problem={task.problem} />
      <SyncHistoryView version={choices} />
    </>
  );
}

function ProgressView({ progress, running }: { progress: Progress; running: boolean }) {
  const { done, total, report } = progress;
  const percent = percentOf({ done, total }, Boolean(report?.done));
  const words = report ? runWords(report) : "";
  return (
    <section aria-label="Sync progress">
      <div class="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div style={{ width: `${percent}%` }} />
      </div>
      <p class="status">
        {report?.done
          ? "Sync finished."
          : progress.cancelled
            ? "Stopped: what was sent is written back; Sync again continues."
            : running
              ? report
                ? `${percent}%: ${words}.`
                : "Starting…"
              : words && `${words}.`}
        {report?.done && ` ${words}.`}
      </p>
      {report && report.leftAlone.length > 0 && <p class="status problem">{leftAloneWords(report.leftAlone)}</p>}
      {report && <p class="muted small">{syncingAs(report.by, running)}</p>}
    </section>
  );
}

function PlanView({
  plan,
  confirmRemoved,
  onConfirm,
}: {
  plan: SyncPlan;
  confirmRemoved: boolean;
  onConfirm: (v: boolean) => void;
}) {
  const removed = removedByHand(plan);
  const counts: [string, string, number][] = [
    ["sites", counted(plan.sites.length, "new site"), plan.sites.length],
    ["roles", counted(roleChanges(plan), "role change"), roleChanges(plan)],
    ["given", `${usersGivenRole(plan)} given another role`, usersGivenRole(plan)],
    ["to create", `${plan.creates.length} to create`, plan.creates.length],
    ["to update", `${plan.updates.length + plan.credentials.length} to update`, plan.updates.length + plan.credentials.length],
    ["to delete", `${plan.deletes.length} to delete`, plan.deletes.length],
    ["drifted", `${plan.drift.length} drifted`, plan.drift.length],
    ["blocked", `${plan.blocked.length} blocked`, plan.blocked.length],
  ];
  return (
    <section aria-label="Plan">
      <h2>Plan</h2>
      <div class="counts wrap">
        {counts.map(([label, text, n]) => (
          <span key={label} class={`badge ${badgeOf(label, n)}`}>
            {text}
          </span>
        ))}
      </div>
      {plan.shortfalls.length > 0 && (
        <p class="status problem">Not enough unassigned lines for every row: see the blocked rows.</p>
      )}
      {plan.claims.sentence && <p class="status">{plan.claims.sentence}</p>}
      <PlanList title="Sites to create" items={plan.sites.map((s) => [place("Sites", s.row, s.name), "create"])} />
      <PlanList
        title="Roles"
        items={[
          ...plan.roles.create.map((r): [string, string] => [place("Roles", r.row, r.name), `create (from ${r.basedOn})`]),
          ...plan.roles.update.map((r): [string, string] => [
            place("Roles", r.row, r.name),
            `update (${counted(r.permissions.length, "permission")})`,
          ]),
          ...plan.roles.delete.map((r): [string, string] => [place("Roles", r.row, r.name), "delete"]),
          ...plan.roles.held.map((r): [string, string] => [
            place("Roles", r.row, r.name),
            `keep: Users rows ${r.users.join(", ")} still have it`,
          ]),
          ...plan.roles.skipped.map((r): [string, string] => [place("Roles", r.row, r.name), `skip: ${r.reason}`]),
        ]}
      />
      <PlanList
        title="Roles given"
        items={plan.roleAssignments.flatMap((a) =>
          a.rows.map((row, i): [string, string] => [place("Users", row, a.names[i] ?? ""), `given ${a.role}`]),
        )}
      />
      <PlanList
        title="Creates"
        items={plan.creates.map((c) => [
          place("Users", c.row, c.name),
          `${c.email} (${c.userType}) ${c.line ? `takes ${c.line.phone || `line ${c.line.rcId}`} (${c.lineRule})` : "needs no line"}`,
        ])}
      />
      <PlanList
        title="Updates"
        items={[
          ...plan.updates.map((u): [string, string] => [
            place("Users", u.row, u.name),
            u.changes.map((c) => `${c.field}: ${c.from || "(blank)"} → ${c.to || "(blank)"}`).join("; "),
          ]),
          ...plan.credentials.map((c): [string, string] => [place("Users", c.row, c.name), "new PIN, password or secret answer"]),
        ]}
      />
      <PlanList
        title="Deletes"
        items={plan.deletes.map((d) => [
          d.row ? place("Users", d.row, d.name) : `Removed by hand, ${d.name}`,
          `delete${d.releases ? `, releases ${d.releases}` : ""}${d.rcId ? "" : " (never synced: leaves the sheet)"}`,
        ])}
      />
      {removed.length > 0 && (
        <label class="check confirm">
          <input type="checkbox" checked={confirmRemoved} onChange={(e) => onConfirm(e.currentTarget.checked)} />
          Also delete {removed.length === 1 ? "this user" : `these ${removed.length} users`}, whose rows were removed from the
          sheet by hand: {removed.map((d) => d.name).join(", ")}
        </label>
      )}
      <PlanList
        title="Drift (changed in the account; not overwritten)"
        items={plan.drift.map((d) => [
          place("Users", d.row, d.name),
          d.changes.map((c) => `${c.field}: sheet ${c.from || "(blank)"}, account ${c.to || "(blank)"}`).join("; "),
        ])}
      />
      <PlanList
        title="Made by a sync cut short (written onto their rows)"
        items={plan.adopted.map((a) => [`Users row ${a.row}`, `${a.email} (RC Id ${a.rcId})`])}
      />
      <PlanList
        title="Blocked"
        items={plan.blocked.map((b) => [place("Users", b.row, b.name), [...new Set(b.reasons)].join(" ")])}
      />
    </section>
  );
}

/** A plan line's row by tab, number and name: "Users row 13, Kofi Egan", "Roles row 11, Sales Manager". */
function place(tab: string, row: number, name: string): string {
  return name ? `${tab} row ${row}, ${name}` : `${tab} row ${row}`;
}

function roleChanges(plan: SyncPlan): number {
  return plan.roles.create.length + plan.roles.update.length + plan.roles.delete.length;
}

/** Users the plan gives a role, as the sync's report counts them ("given another role"). */
function usersGivenRole(plan: SyncPlan): number {
  return plan.roleAssignments.reduce((n, a) => n + a.rows.length, 0);
}

function removedByHand(plan: SyncPlan): SyncPlan["deletes"] {
  return plan.deletes.filter((d) => d.needsConfirmation);
}

function badgeOf(label: string, n: number): string {
  if (!n) return "info";
  if (label === "to delete") return "destructive";
  return label === "blocked" ? "error" : label === "drifted" ? "warning" : "info";
}

/** A plan list; long ones are folded so the sidebar stays readable. */
function PlanList({ title, items }: { title: string; items: [string, string][] }) {
  if (items.length === 0) return null;
  return (
    <details open={items.length <= 10}>
      <summary>
        {title} ({items.length})
      </summary>
      <ul class="plan">
        {items.map(([where, what], i) => (
          <li key={`${where}-${i}`}>
            <span class="where">{where}</span>
            {what}
          </li>
        ))}
      </ul>
    </details>
  );
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { UnassignedLineRecord, UserRecord } from "../../src/domain/records";
import { validateWorkspace } from "../../src/domain/validation/index";
import type { Workspace } from "../../src/domain/workspace";
import { type LedgerEntry, syncedValues } from "../../src/sync/ledger";
import { isSettled, planSync, type SyncPlan } from "../../src/sync/plan";
import { accountSite, line, role, rows, site, user, workspace } from "../domain/fixture";

const SCOPE = { sites: ["San Mateo", "Main Site"] };

/** What the account and the sheet look like once a plan has been carried out, as the runner writes them back. */
function apply(ws: Workspace, plan: SyncPlan, ledger: LedgerEntry[]): { ws: Workspace; ledger: LedgerEntry[] } {
  const next: Workspace = structuredClone(ws);
  const entries = new Map(ledger.map((e) => [e.rcId, e]));
  const byRow = (row: number) => next.users.find((u) => u.row === row) as UserRecord;
  for (const s of plan.sites)
    next.account.sites.push({ row: 0, rcId: `s${s.row}`, name: s.name, ext: "", country: "US", areaCode: "" });
  for (const r of plan.roles.create) (next.roles.find((x) => x.row === r.row) as Workspace["roles"][number]).rcId = `r${r.row}`;
  let id = 9000;
  for (const create of plan.creates) {
    const u = byRow(create.row);
    u.rcId = String(id++);
    next.account.users.push({
      row: 0,
      rcId: u.rcId,
      ext: u.ext,
      userType: u.userType,
      firstName: u.firstName,
      lastName: u.lastName,
      email: u.email,
      site: u.site,
      status: "Enabled",
      phone: create.line?.phone ?? "",
      dept: u.dept,
      role: "",
    });
    next.account.lines = next.account.lines.filter((l) => l.rcId !== create.line?.rcId);
  }
  for (const update of plan.updates) {
    const u = byRow(update.row);
    const account = next.account.users.find((a) => a.rcId === update.rcId);
    Object.assign(account ?? {}, {
      firstName: u.firstName,
      lastName: u.lastName,
      email: u.email,
      ext: u.ext,
      site: u.site,
      dept: u.dept,
    });
  }
  for (const c of plan.credentials) Object.assign(byRow(c.row), { pin: "", password: "", secretAnswer: "" });
  for (const create of plan.creates) Object.assign(byRow(create.row), { pin: "", password: "", secretAnswer: "" });
  for (const assignment of plan.roleAssignments)
    for (const row of assignment.rows) {
      const account = next.account.users.find((a) => a.rcId === byRow(row).rcId);
      if (account) account.role = assignment.role;
    }
  for (const u of [...plan.creates, ...plan.updates].map((c) => byRow(c.row)))
    entries.set(u.rcId, { rcId: u.rcId, site: u.site, values: syncedValues(u) });
  next.account.users.forEach((a, i) => {
    a.row = i + 2;
  });
  return { ws: next, ledger: [...entries.values()] };
}

const TYPES = ["User", "Virtual User", "Limited Extension", "Message Only", "Announcement Only"] as const;

const arbitraryWorkspace = fc
  .record({
    users: fc.array(
      fc.record({
        type: fc.constantFrom(...TYPES),
        site: fc.constantFrom("San Mateo", "Main Site", "Elsewhere"),
        completed: fc.boolean(),
        role: fc.constantFrom("", "Standard", "Front Desk"),
        area: fc.constantFrom("", "650", "415"),
      }),
      { maxLength: 25 },
    ),
    lines: fc.array(
      fc.record({ type: fc.constantFrom("User", "Virtual User", "Limited"), area: fc.constantFrom("650", "415") }),
      { maxLength: 25 },
    ),
  })
  .map(({ users, lines }) => {
    const none = { pin: "", password: "", secretQuestion: "", secretAnswer: "" };
    const records = rows(
      users.map((u, i) =>
        user(
          {
            userType: u.type,
            site: u.site,
            role: u.role,
            email: `u${i}@example.com`,
            ext: String(2000 + i),
            ...(u.completed && u.type !== "Limited Extension" ? {} : none),
            ...(u.type === "Limited Extension" ? { password: "Blue42horse!", setupWizard: "Completed" } : {}),
            ...(u.type === "Message Only" ? { pin: "274916" } : {}),
            ...(u.type === "Announcement Only" ? { pin: "" } : {}),
          },
          i + 2,
        ),
      ),
    );
    const pool: UnassignedLineRecord[] = rows(
      lines.map((l, i) =>
        line({ rcId: String(700 + i), lineType: l.type, areaCode: l.area, phone: `+1${l.area}555${String(1000 + i)}` }),
      ),
    );
    return workspace({
      users: records,
      sites: [site()],
      roles: rows([role(), role({ name: "Front Desk", kind: "Custom", basedOn: "Standard", rcId: "" })]),
      account: { lines: pool, sites: [accountSite({ rcId: "main-site", name: "Main Site", country: "US" })] },
    });
  });

describe("the sync plan (properties)", () => {
  it("plans nothing once its plan has been applied", () => {
    fc.assert(
      fc.property(arbitraryWorkspace, (ws) => {
        const first = planSync({ workspace: ws, findings: validateWorkspace(ws), ledger: [], scope: SCOPE });
        const applied = apply(ws, first, []);
        const second = planSync({
          workspace: applied.ws,
          findings: validateWorkspace(applied.ws),
          ledger: applied.ledger,
          scope: SCOPE,
        });
        // Rows blocked from the start stay blocked (and keep the plan from being settled); no synced row joins them.
        expect(second.blocked.map((b) => b.row)).toEqual(first.blocked.map((b) => b.row));
        expect(isSettled({ ...second, blocked: [] })).toBe(true);
        expect(isSettled(second)).toBe(first.blocked.length === 0);
        expect(second.drift).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("never gives one line to two rows, and only lines that fit", () => {
    fc.assert(
      fc.property(arbitraryWorkspace, (ws) => {
        const plan = planSync({ workspace: ws, findings: validateWorkspace(ws), ledger: [], scope: SCOPE });
        const lines = plan.creates.flatMap((c) => (c.line ? [c.line.rcId] : []));
        expect(new Set(lines).size).toBe(lines.length);
        for (const create of plan.creates) {
          const wanted = { User: "User", "Virtual User": "Virtual User", "Limited Extension": "Limited" }[
            create.userType as string
          ];
          expect(create.line?.lineType).toBe(wanted);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("draws workspaces whose plans create, assign roles and block (so the properties above say something)", () => {
    const plans = fc
      .sample(arbitraryWorkspace, { numRuns: 60, seed: 7 })
      .map((ws) => planSync({ workspace: ws, findings: validateWorkspace(ws), ledger: [], scope: SCOPE }));
    expect(plans.reduce((n, p) => n + p.creates.filter((c) => c.line).length, 0)).toBeGreaterThan(30);
    expect(plans.reduce((n, p) => n + p.roleAssignments.length, 0)).toBeGreaterThan(20);
    expect(plans.reduce((n, p) => n + p.blocked.length, 0)).toBeGreaterThan(10);
  });

  it("keeps rows out of scope, and blocks rows with errors", () => {
    const ws = workspace({ users: rows([user({ site: "Elsewhere" }, 2), user({ email: "bad" }, 3)]) });
    const plan = planSync({ workspace: ws, findings: validateWorkspace(ws), ledger: [], scope: SCOPE });
    expect(plan.creates).toEqual([]);
    expect(plan.blocked.map((b) => b.row)).toEqual([3]);
  });
});

import { counted } from "../domain/counted";
import type { Finding } from "../domain/finding";
import { assignLines, describeShortfall, type LineShortfall, lineDemands } from "../domain/lines";
import type { AccountUserRecord, RoleRecord, UnassignedLineRecord, UserRecord } from "../domain/records";
import { personName } from "../domain/row-names";
import { isUserType, USER_TYPE_RULES, type UserType } from "../domain/user-type";
import { permissionTokens } from "../domain/validation/field-rules";
import type { AccountRole, Workspace } from "../domain/workspace";
import { changedFields, type LedgerEntry, type SyncedField, type SyncedValues, syncedValues } from "./ledger";
import { needsSecretCall, rolePermissions } from "./requests";
import { inScope, type SyncScope } from "./scope";
import { inAccount, siteErrors, siteRefusal } from "./site-refusal";

export interface PlanInput {
  workspace: Workspace;
  /** Validation's findings: a row with an error does not sync. */
  findings: readonly Finding[];
  ledger: readonly LedgerEntry[];
  scope: SyncScope;
  /** Users chunks cut short made, whose rows the workspace already shows with their RC Ids (adoption.ts). */
  adopted?: readonly AdoptedUser[];
}

/** A user a sync cut short made: the next sync writes it onto its row instead of making another. */
export interface AdoptedUser {
  row: number;
  email: string;
  rcId: string;
}

export interface FieldChange {
  field: SyncedField;
  from: string;
  to: string;
}

export interface SiteCreate {
  row: number;
  name: string;
}
export interface RoleCreate {
  row: number;
  name: string;
  basedOn: string;
  /** Permission ids it is created with: its base role's, edited by the row's Permissions. */
  permissions: string[];
}
/** A synced custom role whose Permissions or Description the sheet changed. */
export interface RoleUpdate {
  row: number;
  name: string;
  rcId: string;
  permissions: string[];
  description: string;
}
export interface RoleDelete {
  row: number;
  name: string;
  rcId: string;
}
/** A custom role marked Pending Delete that Users rows still have: not deleted (the platform would refuse). */
export interface RoleHeld {
  row: number;
  name: string;
  users: number[];
}
/** A custom role the plan neither creates nor updates, and why (the person fixes its row). */
export interface RoleSkipped {
  row: number;
  name: string;
  reason: string;
}
export interface UserCreate {
  row: number;
  /** Whom the row is about: "Kofi Egan" (else the email), so a plan line names more than a number. */
  name: string;
  email: string;
  userType: UserType;
  /** The unassigned extension it is made from; null for the types created new. */
  line: UnassignedLineRecord | null;
  /** Which rule picked the line ("the site's country US", "the Unassigned Ext on Locations"), or '' with no line. */
  lineRule: string;
}
export interface UserUpdate {
  row: number;
  /** Whom the row is about: "Kofi Egan" (else the email), so a plan line names more than a number. */
  name: string;
  rcId: string;
  changes: FieldChange[];
}
/** New credentials typed on a synced row (the sheet holds secrets only until the account has them). */
export interface CredentialUpdate {
  row: number;
  /** Whom the row is about: "Kofi Egan" (else the email), so a plan line names more than a number. */
  name: string;
  rcId: string;
}
/** A role given to users (new ones, or synced ones whose account role differs): one bulk-assign per role. */
export interface RoleAssignment {
  role: string;
  rows: number[];
  /** Whom each row is about ("Kofi Egan", else the email), in the order of `rows`: a plan line names people. */
  names: string[];
}
export interface UserDelete {
  /** The sheet row, or null when the row was removed from the sheet by hand. */
  row: number | null;
  /** The account's id, or null for a row never synced (it only leaves the sheet). */
  rcId: string | null;
  name: string;
  /** The phone number of the line that goes back to the pool, or ''. */
  releases: string;
  /** Rows removed by hand are deleted only once the person confirms. */
  needsConfirmation: boolean;
}
export interface BlockedRow {
  row: number;
  /** Whom the row is about: "Kofi Egan" (else the email), so a plan line names more than a number. */
  name: string;
  reasons: string[];
}
export interface DriftedRow {
  row: number;
  /** Whom the row is about: "Kofi Egan" (else the email), so a plan line names more than a number. */
  name: string;
  rcId: string;
  /** What changed in the account since the last sync. */
  changes: FieldChange[];
}

/** Exactly what a sync of the scope will change, before anything is sent. */
export interface SyncPlan {
  scope: SyncScope;
  sites: SiteCreate[];
  roles: { create: RoleCreate[]; update: RoleUpdate[]; delete: RoleDelete[]; held: RoleHeld[]; skipped: RoleSkipped[] };
  creates: UserCreate[];
  updates: UserUpdate[];
  credentials: CredentialUpdate[];
  roleAssignments: RoleAssignment[];
  deletes: UserDelete[];
  blocked: BlockedRow[];
  shortfalls: LineShortfall[];
  drift: DriftedRow[];
  /** Users made by a sync cut short that the next one writes onto their rows (a preview shows them; a run does it). */
  adopted: AdoptedUser[];
  /**
   * How the creates on lines claim them: in bulk tasks, or one call each (Bulk Claims Off, by hand or learnt), and
   * the plan's sentence saying so ('' when no create takes a line); `questions`, the claimed users' secret questions,
   * each set by a call of its own once its user is claimed (progress counts them).
   */
  claims: { way: "bulk" | "single"; sentence: string; questions: number };
}

function claimsOf(plan: SyncPlan, workspace: Workspace): SyncPlan["claims"] {
  const { settings } = workspace;
  const onLines = plan.creates.filter((c) => c.line);
  const byRow = new Map(workspace.users.map((u) => [u.row, u]));
  const questions = onLines.filter((c) => {
    const user = byRow.get(c.row);
    return user !== undefined && needsSecretCall(user, settings);
  }).length;
  const some = counted(onLines.length, "line");
  const way = settings.bulkClaims ? "bulk" : "single";
  if (onLines.length === 0) return { way, sentence: "", questions };
  return settings.bulkClaims
    ? { way, sentence: `${some} claimed in bulk (up to 500 a call; one by one if RingCentral refuses).`, questions }
    : { way, sentence: `${some} claimed one by one (Bulk Claims is Off on Settings).`, questions };
}

/**
 * The sync plan: a pure diff of the workspace against the account snapshot and the ledger of the last sync. A plan
 * that has been applied plans nothing the next time.
 */
export function planSync(input: PlanInput): SyncPlan {
  const { workspace, scope } = input;
  const accountById = new Map(workspace.account.users.map((u) => [u.rcId, u]));
  const ledgerById = new Map(input.ledger.map((e) => [e.rcId, e]));
  const errors = errorsByRow(input.findings);
  const plan = emptyPlan(scope);
  plan.adopted = (input.adopted ?? []).map(({ row, email, rcId }) => ({ row, email, rcId }));
  const siteProblems = planSites(workspace, siteErrors(input.findings), scope, plan);
  const candidates: UserRecord[] = [];

  for (const user of workspace.users.filter((u) => inScope(u, scope))) {
    if (user.status === "Pending Delete") {
      plan.deletes.push(deletionOf(user, accountById.get(user.rcId)));
      continue;
    }
    const reasons = [...(errors.get(user.row) ?? []), ...(siteProblems.get(user.site) ?? [])];
    if (reasons.length) plan.blocked.push({ row: user.row, name: personName(user), reasons });
    else if (!user.rcId) candidates.push(user);
    else planSyncedRow(user, accountById.get(user.rcId), ledgerById.get(user.rcId), plan);
  }
  planCreates(workspace, candidates, plan);
  planRemovedByHand(workspace, input.ledger, accountById, plan);
  planRoles(workspace, roleErrorRows(input.findings), plan);
  plan.claims = claimsOf(plan, workspace);
  return plan;
}

/** Nothing to send and nothing blocked: a blocked row waits for a person, so the sheet and the account disagree. */
export function isSettled(plan: SyncPlan): boolean {
  return (
    plan.blocked.length === 0 &&
    plan.sites.length + roleSteps(plan) + plan.creates.length + plan.updates.length === 0 &&
    plan.credentials.length + plan.roleAssignments.length + plan.deletes.length === 0
  );
}

/** Role creates, updates and deletes: the steps a plan sends for the Roles tab. */
export function roleSteps(plan: SyncPlan): number {
  return plan.roles.create.length + plan.roles.update.length + plan.roles.delete.length;
}

function emptyPlan(scope: SyncScope): SyncPlan {
  return {
    scope,
    sites: [],
    roles: { create: [], update: [], delete: [], held: [], skipped: [] },
    creates: [],
    updates: [],
    credentials: [],
    roleAssignments: [],
    deletes: [],
    blocked: [],
    shortfalls: [],
    drift: [],
    claims: { way: "bulk", sentence: "", questions: 0 },
    adopted: [],
  };
}

function errorsByRow(findings: readonly Finding[]): Map<number, string[]> {
  const byRow = new Map<number, string[]>();
  for (const finding of findings) {
    // Line capacity is the plan's own business: it assigns lines for the scope alone.
    if (finding.tab !== "users" || finding.severity !== "error" || finding.rule.startsWith("lines.")) continue;
    for (const row of finding.rows ?? [finding.row]) byRow.set(row, [...(byRow.get(row) ?? []), finding.message]);
  }
  return byRow;
}

/**
 * Sites of the scope the account lacks are created; a site that cannot be created (gone from the account, or its
 * Sites row fails validation) blocks its rows with the site's reason.
 */
function planSites(
  workspace: Workspace,
  siteProblems: Map<number, string[]>,
  scope: SyncScope,
  plan: SyncPlan,
): Map<string, string[]> {
  const problems = new Map<string, string[]>();
  for (const name of scope.sites) {
    if (inAccount(workspace, name)) continue;
    const refusal = siteRefusal(workspace, name, siteProblems);
    const site = workspace.sites.find((s) => s.name === name);
    if (refusal) problems.set(name, [refusal]);
    else if (site) plan.sites.push({ row: site.row, name });
  }
  return problems;
}

function planSyncedRow(
  user: UserRecord,
  account: AccountUserRecord | undefined,
  ledger: LedgerEntry | undefined,
  plan: SyncPlan,
): void {
  if (!account) {
    plan.blocked.push({
      row: user.row,
      name: personName(user),
      reasons: [`RC Id ${user.rcId} is not in the account: it was deleted there. Clear the RC Id to create the user again.`],
    });
    return;
  }
  const now = accountValues(account);
  const wanted = syncedValues(user);
  // Drift: a field the account changed since the last sync, where the sheet says otherwise. Where the sheet already
  // agrees with the account, the change is accepted. Roles are not drift: the sheet's role is applied whenever the
  // account's differs (a blank role leaves it alone).
  const drift = ledger
    ? changedFields(ledger.values, now).filter((field) => field !== "role" && wanted[field] !== now[field])
    : [];
  if (drift.length) {
    plan.drift.push({
      row: user.row,
      name: personName(user),
      rcId: user.rcId,
      changes: drift.map((field) => change(field, ledger?.values ?? now, now)),
    });
    return;
  }
  const changes = changedFields(now, wanted).filter((field) => field !== "role");
  if (changes.length)
    plan.updates.push({
      row: user.row,
      name: personName(user),
      rcId: user.rcId,
      changes: changes.map((field) => change(field, now, wanted)),
    });
  if (user.pin || user.password || user.secretAnswer)
    plan.credentials.push({ row: user.row, name: personName(user), rcId: user.rcId });
  if (wanted.role && wanted.role !== now.role) assignRole(plan, wanted.role, user);
}

/** Each new row takes its own line; rows the pool cannot serve are blocked with the shortfall's words. */
function planCreates(workspace: Workspace, candidates: UserRecord[], plan: SyncPlan): void {
  const demands = lineDemands({ ...workspace, users: candidates });
  const ruleOf = new Map(demands.map((d) => [d.row, d.rule]));
  const assignment = assignLines(demands, workspace.account.lines);
  plan.shortfalls.push(...assignment.shortfalls);
  const refused = new Map(assignment.refusals.map((r) => [r.row, r.reason]));
  const short = new Map(assignment.shortfalls.flatMap((s) => s.rows.map((row) => [row, describeShortfall(s)] as const)));
  for (const user of candidates) {
    if (!isUserType(user.userType)) continue;
    const needsLine = USER_TYPE_RULES[user.userType].line !== null;
    const line = assignment.lines.get(user.row) ?? null;
    const reason = refused.get(user.row) ?? short.get(user.row);
    if (needsLine && !line) {
      plan.blocked.push({ row: user.row, name: personName(user), reasons: [reason ?? "No unassigned line fits this row."] });
      continue;
    }
    const lineRule = line ? (ruleOf.get(user.row) ?? "") : "";
    plan.creates.push({ row: user.row, name: personName(user), email: user.email, userType: user.userType, line, lineRule });
    if (user.role) assignRole(plan, user.role, user);
  }
}

/**
 * Users the ledger says a sync of this document made, whose rows are truly gone (neither their RC Id nor their email,
 * as recorded or as the account has it, is on any row): deletions the person must confirm by name. A row that lost
 * its RC Id (a chunk cut short before writing it) is not a removal: its user is adopted back.
 */
function planRemovedByHand(
  workspace: Workspace,
  ledger: readonly LedgerEntry[],
  accountById: Map<string, AccountUserRecord>,
  plan: SyncPlan,
) {
  const onSheet = new Set(workspace.users.map((u) => u.rcId).filter(Boolean));
  const emails = new Set(workspace.users.map((u) => u.email.trim().toLowerCase()).filter(Boolean));
  for (const entry of ledger) {
    const account = accountById.get(entry.rcId);
    if (onSheet.has(entry.rcId) || !account || !plan.scope.sites.includes(entry.site)) continue;
    if (emails.has(entry.values.email) || emails.has(account.email.toLowerCase())) continue;
    plan.deletes.push({ ...deletionOf(null, account), needsConfirmation: true });
  }
}

function deletionOf(user: UserRecord | null, account: AccountUserRecord | undefined): UserDelete {
  const name = [account?.firstName ?? user?.firstName, account?.lastName ?? user?.lastName].filter(Boolean).join(" ");
  const type = account?.userType ?? user?.userType ?? "";
  const isLine = isUserType(type) && USER_TYPE_RULES[type].line !== null;
  return {
    row: user?.row ?? null,
    rcId: account?.rcId ?? null,
    name: name || account?.email || user?.email || "",
    releases: account && isLine ? account.phone : "",
    needsConfirmation: false,
  };
}

/**
 * Custom roles the plan's rows use are created, changed ones updated, those marked Pending Delete deleted unless still
 * used. A role row with an error, or whose base the account does not list with its permissions, is neither created
 * nor updated (it is listed as skipped, with why): sending it would give the role only the cell's additions, or take
 * all its permissions away.
 */
function planRoles(workspace: Workspace, errorRows: ReadonlySet<number>, plan: SyncPlan): void {
  const used = new Set(plan.roleAssignments.map((a) => a.role));
  const account = workspace.account.roles ?? [];
  for (const role of workspace.roles) {
    if (role.kind !== "Custom") continue;
    if (role.status === "Pending Delete") {
      planRoleDelete(workspace, role, plan);
      continue;
    }
    const wanted = role.rcId || used.has(role.name);
    const permissions = errorRows.has(role.row) ? null : wantedPermissions(role, account);
    if (wanted && !permissions) {
      const reason = errorRows.has(role.row)
        ? "its row on the Roles tab has an error"
        : `the account lists ${role.basedOn || "it"} without permissions to build on`;
      plan.roles.skipped.push({ row: role.row, name: role.name, reason });
    }
    if (!permissions) continue;
    if (!role.rcId && used.has(role.name))
      plan.roles.create.push({ row: role.row, name: role.name, basedOn: role.basedOn, permissions });
    else if (role.rcId) planRoleUpdate(role, permissions, account, plan);
  }
}

function roleErrorRows(findings: readonly Finding[]): Set<number> {
  return new Set(findings.filter((f) => f.tab === "roles" && f.severity === "error").map((f) => f.row));
}

/**
 * What a custom role should hold: its base's permissions edited by the Permissions cell (`Id` adds, `-Id` removes).
 * The base is the Based On role; a role the account has without one is its own base, so the edits apply once. Null
 * when the account does not list the base with permissions (every role holds some): nothing to build on.
 */
export function wantedPermissions(role: RoleRecord, account: readonly AccountRole[]): string[] | null {
  const base = role.basedOn
    ? account.find((r) => !r.custom && r.name === role.basedOn)
    : account.find((r) => r.rcId === role.rcId);
  if (!base?.permissions?.length) return null;
  return rolePermissions(base.permissions, permissionTokens(role.permissions)).map((p) => p.id);
}

function planRoleUpdate(role: RoleRecord, permissions: string[], account: readonly AccountRole[], plan: SyncPlan): void {
  const now = account.find((r) => r.rcId === role.rcId);
  if (!now) return;
  const samePermissions = permissions.length === now.permissions.length && permissions.every((p) => now.permissions.includes(p));
  const description = role.description || now.description;
  if (samePermissions && description === now.description) return;
  plan.roles.update.push({ row: role.row, name: role.name, rcId: role.rcId, permissions, description });
}

function planRoleDelete(workspace: Workspace, role: RoleRecord, plan: SyncPlan): void {
  if (!role.rcId) return;
  const users = workspace.users.filter((u) => u.role === role.name).map((u) => u.row);
  if (users.length) plan.roles.held.push({ row: role.row, name: role.name, users });
  else plan.roles.delete.push({ row: role.row, name: role.name, rcId: role.rcId });
}

function assignRole(plan: SyncPlan, role: string, user: UserRecord): void {
  const existing = plan.roleAssignments.find((a) => a.role === role);
  if (existing) {
    existing.rows.push(user.row);
    existing.names.push(personName(user));
  } else plan.roleAssignments.push({ role, rows: [user.row], names: [personName(user)] });
}

function accountValues(account: AccountUserRecord): SyncedValues {
  return syncedValues({ ...account, dept: account.dept, role: account.role });
}

function change(field: SyncedField, from: SyncedValues, to: SyncedValues): FieldChange {
  return { field, from: from[field], to: to[field] };
}

import type GetExtensionInfoResponse from "@rc-ex/core/definitions/GetExtensionInfoResponse";
import type GetExtensionListInfoResponse from "@rc-ex/core/definitions/GetExtensionListInfoResponse";
import type RoleResource from "@rc-ex/core/definitions/RoleResource";
import type SiteInfo from "@rc-ex/core/definitions/SiteInfo";
import type { SyncLedgerRecord, UnassignedLineRecord, UserRecord } from "../domain/records";
import { bulkClaimsRefused, SETTING_NAMES } from "../domain/settings";
import { ROLES_TAB, SITES_TAB } from "../domain/tabs";
import { USER_TYPE_RULES, type UserType, wizardCorrection } from "../domain/user-type";
import { validateWorkspace } from "../domain/validation/index";
import { type AccountState, MAIN_SITE, type Workspace } from "../domain/workspace";
import { ApiError } from "../ringcentral/api-error";
import { OutOfTimeError, type RingCentralClient } from "../ringcentral/client";
import type { Clock } from "../ringcentral/clock";
import { NetworkError } from "../ringcentral/http";
import { inDoubt } from "../ringcentral/in-doubt";
import { writeAccountState, writeSetting } from "../workbook/account-tabs";
import type { Workbook } from "../workbook/port";
import {
  appendSyncLog,
  type RowNames,
  type RunWriteBack,
  readLedger,
  writeLedger,
  writeRunResults,
} from "../workbook/sync-write-back";
import { readImage, recordsOf } from "../workbook/table-image";
import type { UserKey } from "../workbook/users-write-back";
import { readWorkspace } from "../workbook/workspace-reader";
import { fetchAccountState } from "./account-snapshot";
import { adoptions } from "./adoption";
import { CLAIM_ROUND_CALLS, type ClaimRows, claimMarkOf, type LineClaim, LineClaims, settleLeftClaims } from "./bulk-claims";
import { BULK_UPDATE_RECORDS, updateInBulk } from "./bulk-update";
import { type KeptAccountStore, type SyncRecord, syncRecordPrint, usableKept } from "./kept-account";
import { type LedgerEntry, syncedValues } from "./ledger";
import { isSettled, planSync, type RoleCreate, type RoleUpdate, type SyncPlan, type UserCreate } from "./plan";
import { claimBody, createBody, needsSecretCall, secretBody, siteBody, updateBody } from "./requests";
import { RunAccount } from "./run-account";
import { describeScope, type SyncScope } from "./scope";
import { type SyncStop, stopOf } from "./stop";
import { keepTasksLines, nextLine } from "./task-lines";

export interface SyncHome {
  workbook: Workbook;
  client: RingCentralClient;
  clock: Clock;
  /**
   * Makes what the workbook holds durable now (the CLI saves its file). Given, the runner writes back and calls it
   * before the first change and after every step; without it (Apps Script, whose sheet writes last), the runner
   * writes the intents before sending and the results once, in blocks, at the end of the chunk.
   */
  checkpoint?: () => Promise<void>;
  /** Where a chunk leaves the account as it knows it, for the run's next chunk to start from instead of reading it. */
  keptAccount?: KeptAccountStore;
}

export interface ChunkOptions {
  scope: SyncScope;
  /** Stop starting new steps this long after the sending began (well under Apps Script's 6 minutes). */
  budgetMs: number;
  /**
   * Delete users whose rows were removed from the sheet by hand: true for all the plan finds (the CLI's `--yes`), or
   * the RC Ids the person confirmed by name; a user not named is not deleted.
   */
  confirmDeletes?: boolean | readonly string[];
  who?: string;
  /**
   * This chunk goes on with a run whose last chunk left work: it may start from the account that chunk kept. The first
   * chunk of a run, and any chunk after an interrupted create or another sync of the document, reads the account.
   */
  continues?: boolean;
  /** Told after every step, for a progress bar. */
  onStep?: (done: number, total: number) => void;
  /**
   * When the execution is ended whatever it is doing (Apps Script's 6 minutes from its start), and the longest a
   * call's answer may take: no step starts that could not end, at its worst, before then with time left to write
   * back, and the client waits (backoff, Retry-After) only while that still holds.
   */
  execution?: ExecutionTime;
}

export interface ExecutionTime {
  endsAt: number;
  answerMs: number;
  /** Kept for writing back after the last step. */
  writeBackMs: number;
}

export interface ChunkReport {
  done: boolean;
  created: number;
  updated: number;
  deleted: number;
  failed: number;
  /** Steps of the plan this chunk did not reach. */
  remaining: number;
  blocked: number;
  /** Custom roles created, updated and deleted in the account. */
  roles: { created: number; updated: number; deleted: number };
  /** Users given another role in the account. */
  roleChanged: number;
  /** Set when the chunk ended early: the account could not be read, or the credential or a permission was refused. */
  stop?: SyncStop;
  /** Users whose rows were gone (deleted or changed by a person while the chunk ran): their results were not written. */
  leftAlone: string[];
  /** Users made by a chunk cut short that this one wrote onto their rows. */
  adopted: number;
  /**
   * Credentials sent on users already made (a claimed user's secret question, credentials typed on a synced row):
   * steps of the plan, as progress counts them. A refused one counts here too unless the row failed.
   */
  credentials: number;
}

export const DEFAULT_BUDGET_MS = 270_000;

/** The Status of a custom role whose deletion the account refused (a user not on the sheet may hold it). */
const DELETE_REFUSED = "Error: the account refused the delete (mark it Pending Delete to try again):";

/** A report of nothing done yet, to count into. */
export function emptyReport(): ChunkReport {
  return {
    done: false,
    created: 0,
    updated: 0,
    deleted: 0,
    failed: 0,
    remaining: 0,
    blocked: 0,
    roles: { created: 0, updated: 0, deleted: 0 },
    roleChanged: 0,
    leftAlone: [],
    adopted: 0,
    credentials: 0,
  };
}

/**
 * Updates of users already synced go 500 to a task through extension-bulk-update (one Heavy call and a few Light
 * looks, instead of a Medium call each); false sends one PUT per user. Creates claim their lines in bulk too, with a
 * fallback of their own (bulk-claims.ts, the Bulk Claims setting).
 */
const UPDATES_IN_BULK = true;

/**
 * One chunk of a sync run: refresh the account (or take it as the run's last chunk left it), adopt what an interrupted
 * chunk made, plan, send as many steps as the budget allows, write everything back in blocks. The caller drives
 * chunks until `done`. A row's failure is
 * written on that row and the others go on. Nothing is created twice: users being created are noted in the ledger
 * first, and a later chunk adopts them from the account instead of creating them again.
 */
export async function runSyncChunk(home: SyncHome, options: ChunkOptions): Promise<ChunkReport> {
  const run = new Chunk(home, options);
  return run.execute();
}

class Chunk {
  /** When the chunk stops starting steps: its budget, counted from when the sending begins. */
  private deadline: number;
  private readonly started: number;
  private readonly now: string;
  private readonly results: RunWriteBack = { users: [], sites: [], roles: [], removeUsers: [], removeRoles: [] };
  private readonly report: ChunkReport = emptyReport();
  private ledger = new Map<string, Omit<SyncLedgerRecord, "row">>();
  private workspace!: Workspace;
  private readonly siteIds = new Map<string, string>([[MAIN_SITE, "main-site"]]);
  private readonly roleIds = new Map<string, string>();
  private readonly rcIdOfRow = new Map<number, string>();
  private questions: Map<string, string> | null = null;
  /** The account as this chunk leaves it: as read, plus what it changed. */
  private account!: RunAccount;
  /** Lines this chunk's creates hold, and lines found taken by someone else since the account was read. */
  private readonly linesInUse = new Set<string>();
  /** Creates this chunk sent (or began to): only their intents may outlive it. */
  private readonly attempted = new Set<string>();
  private readonly takenLines = new Set<string>();
  /** Bulk tasks a chunk cut short left running: their rows wait (by email). */
  private held = new Map<string, string>();
  /** This chunk's line claims, from their rounds to their confirmation. */
  private lineClaims: LineClaims | null = null;
  /** Rows whose secret question's step found their claim not yet confirmed. */
  private readonly secretsWaiting = new Set<number>();
  /** Adopted users not yet on their rows. */
  private adoptedUnwritten = false;
  /** The workspace's users by row, for the steps that name a row (thousands a chunk). */
  private usersByRow: Map<number, UserRecord> | null = null;

  constructor(
    private readonly home: SyncHome,
    private readonly options: ChunkOptions,
  ) {
    this.started = home.clock.now();
    this.deadline = this.started + options.budgetMs;
    this.now = new Date(home.clock.now()).toISOString();
  }

  async execute(): Promise<ChunkReport> {
    let loaded: Awaited<ReturnType<typeof loadForSync>>;
    try {
      loaded = await loadForSync(this.home, this.now, {
        duringRun: true,
        continues: this.options.continues,
        settle: (ledger) => this.settleLeftClaims(ledger),
      });
    } catch (error) {
      this.home.keptAccount?.clear();
      return { ...this.report, stop: stopOf(error, "reading the account") };
    }
    const { workspace, state, ledger, kept } = loaded;
    this.workspace = workspace;
    this.account = new RunAccount(state, kept?.readAt ?? this.home.clock.now());
    if (kept?.questions) this.questions = new Map(kept.questions);
    this.ledger = new Map(ledger.map((r) => [ledgerKey(r), withoutRow(r)]));
    this.adoptMade();
    this.home.client.finishBy?.(this.latest(), this.options.execution?.answerMs ?? 0);
    this.linkExisting();
    for (const s of state.sites) this.siteIds.set(s.name, s.rcId);
    for (const r of this.workspace.roles) if (r.rcId) this.roleIds.set(r.name, r.rcId);
    const plan = planSync({
      workspace: this.workspace,
      findings: validateWorkspace(this.workspace),
      ledger: ledgerEntries([...this.ledger.values()]),
      scope: this.options.scope,
    });
    this.noteBlockedAndDrift(plan);
    this.holdWaiting(plan);
    for (const create of plan.creates) if (create.line) this.linesInUse.add(create.line.rcId);
    this.keepHeldLines(plan);
    this.noteIntents(plan.creates);
    this.report.blocked = plan.blocked.length;
    // The intents are durable before the first change is sent: a run killed at any moment leaves them for the next.
    await this.writeBack(false);
    // The budget is for sending: reading a large sheet and account takes its own time (the execution's end still
    // bounds every step).
    this.deadline = this.home.clock.now() + this.options.budgetMs;
    // Line claims this chunk did not settle (not reached, or in doubt): the run goes on for them.
    let claimsLeft = 0;
    try {
      await this.send(plan);
      // Claims seen ours are confirmed even when the budget ended first: like a task, they may run past it.
      if (!this.report.stop) await this.confirmClaims();
    } finally {
      claimsLeft = this.lineClaims?.end() ?? 0;
      await this.writeBack(true);
    }
    // A secret question whose step came before its claim was confirmed: the next chunk's plan sets it.
    const secretsLeft = [...this.secretsWaiting].filter((row) => this.rcIdOfRow.has(row)).length;
    this.report.remaining += claimsLeft + secretsLeft + this.held.size;
    this.report.done = this.report.remaining === 0 && !this.report.stop;
    if (this.report.done) await this.finish(plan);
    this.keepAccount();
    return this.report;
  }

  /** The account for the run's next chunk; a finished run, or an account this chunk lost track of, keeps nothing. */
  private keepAccount(): void {
    const store = this.home.keptAccount;
    if (!store) return;
    const kept =
      this.report.done || this.report.stop
        ? null
        : this.account.kept(syncRecordPrint(this.syncRecord()), this.takenLines, this.questions);
    if (kept) store.save(kept);
    else store.clear();
  }

  /**
   * Writes what is gathered and makes it durable: the ledger first, so that a chunk killed between the two leaves
   * every user it made recorded, for the next chunk to write onto its row. Removed rows wait for the end of the chunk.
   */
  private async writeBack(final: boolean): Promise<void> {
    const { workbook, checkpoint } = this.home;
    // A create the chunk never reached was never sent: its intent goes, so that the next chunk sees no interruption.
    if (final)
      for (const [key, entry] of this.ledger) if (entry.state === "Creating" && !this.attempted.has(key)) this.ledger.delete(key);
    writeLedger(workbook, [...this.ledger.values()]);
    // Without a checkpoint (Apps Script), the rows go in blocks at the end, and at the start the users a chunk cut
    // short made (so that chunks killed again and again still bring them onto their rows).
    if (final || checkpoint || this.adoptedUnwritten) {
      const { removeUsers, removeRoles } = this.results;
      const outcome = writeRunResults(
        workbook,
        { ...this.results, removeUsers: final ? removeUsers : [], removeRoles: final ? removeRoles : [] },
        this.rowNames,
      );
      Object.assign(this.results, { users: [], sites: [], roles: [] }, final ? { removeUsers: [], removeRoles: [] } : {});
      this.adoptedUnwritten = false;
      this.noteLeftAlone(outcome.unplaced);
    }
    await checkpoint?.();
  }

  /** The Sites and Roles rows' names as this chunk read them: how their results find their rows again. */
  private get rowNames(): RowNames {
    const byRow = (list: readonly { row: number; name: string }[]) => new Map(list.map((x) => [x.row, x.name]));
    return { sites: byRow(this.workspace.sites), roles: byRow(this.workspace.roles) };
  }

  /** Results whose rows a person deleted (or whose email they changed) meanwhile: not written anywhere, and told. */
  private noteLeftAlone(users: readonly UserKey[]): void {
    if (users.length === 0) return;
    const who = users.map((u) => u.email || `RC Id ${u.rcId}`);
    this.report.leftAlone.push(...who);
    appendSyncLog(this.home.workbook, {
      when: new Date(this.home.clock.now()).toISOString(),
      who: this.options.who ?? "",
      scope: `${describeScope(this.options.scope)}: rows not found (deleted or changed while the sync ran), left alone: ${who.join(", ")}`,
      created: "",
      updated: "",
      deleted: "",
      failed: "",
      seconds: "",
    });
  }

  /**
   * Users chunks cut short made that no row shows yet (adoption.ts): each goes onto its row. Its secrets stay: they
   * may not have reached the account, and the plan sets them again. Intents are settled here: a create the account
   * does not show was never made, and the plan makes it.
   */
  private adoptMade(): void {
    const found = adoptions(this.workspace, [...this.ledger.values()]);
    for (const [key, entry] of this.ledger)
      if (entry.state === "Creating" && !this.held.has(entry.email)) this.ledger.delete(key);
      else if (entry.state === "Creating") this.attempted.add(key);
    for (const adopted of found) {
      const user = this.user(adopted.row);
      user.rcId = adopted.rcId;
      this.synced(user, {
        rcId: adopted.rcId,
        tempNumber: adopted.phone,
        message: "Created (adopted after an interrupted run).",
        keepSecrets: true,
      });
      if (adopted.from !== "onRow") this.report.adopted++;
    }
    this.adoptedUnwritten = found.length > 0;
  }

  /**
   * Sites and custom roles the account has under the row's name but the row does not know as synced (made by a chunk
   * that was cut short, or by hand): the row gets the account's id instead of a second site or role.
   */
  private linkExisting(): void {
    const accountSites = new Map(this.workspace.account.sites.map((s) => [s.name, s.rcId]));
    for (const site of this.workspace.sites) {
      const rcId = accountSites.get(site.name);
      if (!site.rcId && rcId && this.options.scope.sites.includes(site.name))
        this.results.sites.push({ row: site.row, cells: { rcId, status: "Synced" } });
    }
    // A role whose deletion the account refused keeps saying so until the person marks it again.
    for (const role of this.workspace.roles)
      if (
        role.kind === "Custom" &&
        role.rcId &&
        !["Synced", "Pending Delete"].includes(role.status) &&
        !role.status.startsWith(DELETE_REFUSED)
      )
        this.results.roles.push({ row: role.row, cells: { rcId: role.rcId, status: "Synced" } });
  }

  /** Rows that will not sync say why on the row itself; drift is shown, never overwritten. */
  private noteBlockedAndDrift(plan: SyncPlan): void {
    for (const row of plan.blocked)
      this.results.users.push({ user: this.keyOf(row.row), cells: { message: `Not synced: ${row.reasons.join(" ")}` } });
    for (const row of plan.drift) {
      const changes = row.changes.map((c) => `${c.field} "${c.from}" → "${c.to}"`).join(", ");
      const message = `Changed in the account since the last sync (${changes}); not overwritten. Make the row match the account to accept it.`;
      this.results.users.push({ user: this.keyOf(row.row), cells: { status: "Drift", message } });
    }
  }

  /**
   * Bulk tasks that intents of a chunk cut short name are followed, and claims it saw ours but could not confirm are
   * waited out until they have settled (a quarter of the budget at most), before the account is read, so that the read
   * shows what they did. The rows of a task still running wait for a later chunk.
   */
  private async settleLeftClaims(ledger: readonly SyncLedgerRecord[]): Promise<void> {
    const running = await settleLeftClaims(this.home, ledger, this.home.clock.now() + this.options.budgetMs / 4);
    for (const entry of ledger) {
      const task = entry.state === "Creating" ? claimMarkOf(entry.values)?.task : undefined;
      if (task && running.has(task)) this.held.set(entry.email, task);
    }
  }

  /** Rows whose claim is in a task still running: not planned again, they say what they wait for. */
  private holdWaiting(plan: SyncPlan): void {
    if (this.held.size === 0) return;
    plan.creates = plan.creates.filter((create) => {
      const task = this.held.get(create.email.toLowerCase());
      if (task)
        this.results.users.push({
          user: this.keyOf(create.row),
          cells: { message: `Waiting for RingCentral's bulk task ${task}, still running: the next chunk settles it.` },
        });
      return !task;
    });
  }

  /** The lines running tasks are claiming stay their rows' (task-lines.ts); those rows wait (`holdWaiting`). */
  private keepHeldLines(plan: SyncPlan): void {
    const lines = new Map(this.workspace.account.lines.map((l) => [l.rcId, l]));
    const held = new Map<string, UnassignedLineRecord>();
    for (const email of this.held.keys()) {
      const line = lines.get(this.ledger.get(intentKey(email))?.line ?? "");
      if (line) held.set(email, line);
    }
    keepTasksLines(plan.creates, this.workspace, held, this.linesInUse);
  }

  private noteIntents(creates: UserCreate[]): void {
    for (const create of creates) {
      const user = this.user(create.row);
      const entry = {
        rcId: "",
        email: user.email.toLowerCase(),
        ext: user.ext,
        site: user.site,
        line: create.line?.rcId ?? "",
        state: "Creating",
        values: "",
        at: this.now,
      };
      this.ledger.set(ledgerKey(entry), entry);
    }
  }

  private async send(plan: SyncPlan): Promise<void> {
    const confirmed = this.options.confirmDeletes;
    const deletes = plan.deletes.filter(
      (d) =>
        !d.needsConfirmation || confirmed === true || (Array.isArray(confirmed) && d.rcId !== null && confirmed.includes(d.rcId)),
    );
    const lineCreates = plan.creates.filter((c) => c.line);
    // Each step with the calls it makes at most (retries aside: the client waits only while the execution allows).
    const steps: [number, () => Promise<void>][] = [
      ...plan.sites.map((s): Step => [1, () => this.createSite(s.row, s.name)]),
      ...plan.roles.create.map((r): Step => [1, () => this.createRole(r)]),
      ...plan.roles.update.map((r): Step => [1, () => this.updateRole(r)]),
      ...(lineCreates.length ? [[CLAIM_ROUND_CALLS, () => this.claimLines(lineCreates)] as Step] : []),
      // The claims' tasks run, and their claims settle, while these creates wait on the Medium limit.
      ...plan.creates.filter((c) => !c.line).map((c): Step => [CREATE_CALLS, () => this.createUser(c)]),
      // Secret questions of claimed users: one call each (the claim cannot carry them), each once its claim is confirmed.
      ...lineCreates.filter((c) => this.needsSecret(this.user(c.row))).map((c): Step => [1, () => this.secretAfterClaim(c.row)]),
      // Every claim confirmed before a role or anything else touches the new users.
      ...(lineCreates.length ? [[CLAIM_ROUND_CALLS, () => this.confirmClaims()] as Step] : []),
      ...(UPDATES_IN_BULK
        ? batches(plan.updates, BULK_UPDATE_RECORDS).map((batch): Step => [BULK_UPDATE_CALLS, () => this.updateUsers(batch)])
        : plan.updates.map(
            (u): Step => [
              1,
              () =>
                this.updateUser(
                  u.row,
                  u.rcId,
                  u.changes.map((c) => c.field),
                ),
            ],
          )),
      ...plan.credentials.map((c): Step => [2, () => this.updateCredentials(c.row, c.rcId)]),
      ...plan.roleAssignments.map((a): Step => [1, () => this.assignRole(a.role, a.rows)]),
      ...deletes.map((d): Step => [1, () => this.deleteUser(d)]),
      ...plan.roles.delete.map((r): Step => [1, () => this.deleteRole(r.row, r.rcId)]),
    ];
    const answerMs = this.options.execution?.answerMs ?? 0;
    for (const [index, [calls, step]] of steps.entries()) {
      const now = this.home.clock.now();
      // A step starts only if, at its worst, it ends before the execution does with time left to write back.
      if (now >= this.deadline || now + calls * answerMs > this.latest()) {
        this.report.remaining = steps.length - index;
        return;
      }
      try {
        await step();
      } catch (error) {
        if (!(error instanceof OutOfTimeError)) throw error;
        // The client would have waited past the execution's end: this step and the rest go to the next chunk (the step
        // said whether it lost track of the account).
        this.report.remaining = steps.length - index;
        return;
      }
      // The claims' tasks run meanwhile: those ended are read back between steps, not after the last.
      if (!this.report.stop) await this.claiming((claims) => claims.progress());
      if (this.home.checkpoint) await this.writeBack(false);
      this.options.onStep?.(index + 1, steps.length);
      if (this.report.stop) {
        this.report.remaining = steps.length - index - 1;
        return;
      }
    }
  }

  private async createSite(row: number, name: string): Promise<void> {
    const site = this.workspace.sites.find((s) => s.row === row);
    if (!site) return;
    try {
      const created = await this.home.client.call<SiteInfo>("createSite", { body: siteBody(site) });
      this.siteIds.set(name, String(created.id));
      this.account.siteCreated(created);
      this.results.sites.push({ row, cells: { rcId: String(created.id), status: "Synced" } });
    } catch (error) {
      this.unanswered(error);
      this.results.sites.push({ row, cells: { status: `Error: ${describe(error)}` } });
    }
  }

  /** The plan worked out its permissions from the base role as just read: no read of the base here. */
  private async createRole({ row, name, permissions }: RoleCreate): Promise<void> {
    const role = this.workspace.roles.find((r) => r.row === row);
    try {
      const created = await this.home.client.call<RoleResource>("createCustomRole", {
        body: { displayName: name, description: role?.description ?? "", permissions: permissions.map((id) => ({ id })) },
      });
      this.roleIds.set(name, String(created.id));
      this.account.roleCreated(created);
      this.report.roles.created++;
      this.results.roles.push({ row, cells: { rcId: String(created.id), status: "Synced" } });
    } catch (error) {
      this.unanswered(error);
      this.results.roles.push({ row, cells: { status: `Error: ${describe(error)}` } });
    }
  }

  private async updateRole(update: RoleUpdate): Promise<void> {
    try {
      await this.home.client.call("updateUserRole", {
        path: { roleId: update.rcId },
        body: {
          displayName: update.name,
          description: update.description,
          permissions: update.permissions.map((id) => ({ id })),
        },
      });
      this.report.roles.updated++;
      this.account.roleUpdated(update.rcId, update);
      this.results.roles.push({ row: update.row, cells: { status: "Synced" } });
    } catch (error) {
      this.unanswered(error);
      this.results.roles.push({ row: update.row, cells: { status: `Error: ${describe(error)}` } });
    }
  }

  /** A Message Only or Announcement Only user: one POST (they take no line). */
  private async createUser(create: UserCreate): Promise<void> {
    const user = this.user(create.row);
    const siteId = this.siteIds.get(user.site);
    if (!siteId) return this.failed(user, `Site ${user.site} was not created, so this user waits.`);
    this.attempted.add(intentKey(user.email));
    let extension: GetExtensionInfoResponse;
    try {
      extension = await this.home.client.call("createExtension", { body: createBody(user, siteId, this.workspace.settings) });
    } catch (error) {
      // A create that got no answer (or a server error, or no time to retry) may have happened: its intent stays for
      // the next chunk to adopt.
      if (error instanceof OutOfTimeError) {
        // Nothing of it went out: it is the next chunk's, and no create is in doubt.
        if (!error.inDoubt) this.attempted.delete(intentKey(user.email));
        else this.account.lostTrack();
        throw error;
      }
      if (!inDoubt(error)) this.dropIntent(user);
      return this.failed(user, describe(error));
    }
    const rcId = String(extension.id);
    this.dropIntent(user);
    this.account.userCreated(extension, "");
    this.rcIdOfRow.set(user.row, rcId);
    this.report.created++;
    const secret = await this.setSecret(user, rcId);
    this.synced(user, { rcId, tempNumber: "", message: secret ?? "Created.", credentialsFailed: secret !== null });
  }

  /**
   * The users on lines: claimed in bulk tasks, or one by one when the account refuses those or Bulk Claims is Off
   * (bulk-claims.ts). Each row gets its own claim's fate; what the chunk could not settle goes on in the next.
   */
  private async claimLines(creates: UserCreate[]): Promise<void> {
    const claims: LineClaim[] = [];
    for (const create of creates) {
      const user = this.user(create.row);
      const siteId = this.siteIds.get(user.site);
      if (!siteId || !create.line) this.failed(user, `Site ${user.site} was not created, so this user waits.`);
      else
        claims.push({ row: user.row, user, line: create.line, body: claimBody(user, siteId, this.workspace.settings), tries: 0 });
    }
    const answerMs = this.options.execution?.answerMs ?? 0;
    const time = {
      allows: (calls: number) => {
        const now = this.home.clock.now();
        return now < this.deadline && now + calls * answerMs <= this.latest();
      },
      // A task may run past the budget as any step may (not past the execution), up to a second budget in the CLI.
      latest: () => Math.min(this.deadline + this.options.budgetMs, this.latest()),
      leftMs: () => this.deadline - this.home.clock.now(),
      answerMs,
    };
    const way = this.workspace.settings.bulkClaims ? "bulk" : "single";
    this.lineClaims = new LineClaims(this.home, this.claimRows(), time, way);
    await this.claiming((lineClaims) => lineClaims.claimAll(claims));
  }

  /** The claims seen ours confirmed, once other syncs' claims of the same lines would have landed (bulk-claims.ts). */
  private async confirmClaims(): Promise<void> {
    await this.claiming((claims) => claims.confirmAll());
  }

  private async claiming(step: (claims: LineClaims) => Promise<void>): Promise<void> {
    if (!this.lineClaims) return;
    try {
      await step(this.lineClaims);
    } catch (error) {
      // The claims not settled wait for the next run, as after any read that failed.
      this.report.stop = stopOf(error, "claiming lines");
    }
  }

  private claimRows(): ClaimRows {
    return {
      noteSent: (claim, mark) => {
        const key = intentKey(claim.user.email);
        this.attempted.add(key);
        this.linesInUse.add(claim.line.rcId);
        const intent = this.ledger.get(key);
        if (intent) Object.assign(intent, { line: claim.line.rcId, values: JSON.stringify(mark) });
      },
      persist: () => this.writeBack(false),
      claimed: (claim, extension) => this.claimed(claim, extension),
      failed: (claim, reason) => {
        this.dropIntent(claim.user);
        this.failed(claim.user, typeof reason === "string" ? reason : describe(reason));
      },
      inDoubt: (claims, settleBy) => {
        this.account.lostTrack();
        if (settleBy === undefined) return;
        for (const { user } of claims) {
          const intent = this.ledger.get(intentKey(user.email));
          const mark = intent && claimMarkOf(intent.values);
          if (mark) intent.values = JSON.stringify({ ...mark, settleBy });
        }
      },
      nextLine: (claim) => {
        this.takenLines.add(claim.line.rcId);
        return this.nextLine(claim.user);
      },
      bulkRefused: () => {
        if (!this.workspace.settings.bulkClaims) return;
        this.workspace.settings.bulkClaims = false;
        writeSetting(this.home.workbook, SETTING_NAMES.bulkClaims, bulkClaimsRefused(this.now.slice(0, 10)));
      },
    };
  }

  /** A claimed line: the row is Synced with its RC Id and Temp #; a secret question still to set keeps its answer. */
  private claimed(claim: LineClaim, extension: GetExtensionListInfoResponse): void {
    const { user, line } = claim;
    const rcId = String(extension.id);
    this.dropIntent(user);
    this.account.userCreated(extension, line.phone);
    this.rcIdOfRow.set(user.row, rcId);
    this.report.created++;
    const moved = claim.tries > 0 ? ` on line ${line.phone || line.rcId} (another sync took the planned one)` : "";
    const secret = this.needsSecret(user);
    this.synced(user, {
      rcId,
      tempNumber: line.phone,
      message: secret ? `Created${moved}; the secret question follows.` : `Created${moved}.`,
      keepSecretAnswer: secret,
    });
  }

  /** The secret question of a user this chunk claimed a line for; out of time, the next chunk's plan sets it. */
  private async secretAfterClaim(row: number): Promise<void> {
    await this.claiming((claims) => claims.awaitClaim(row));
    const rcId = this.rcIdOfRow.get(row);
    if (!rcId || this.report.stop) {
      this.secretsWaiting.add(row);
      return;
    }
    const user = this.user(row);
    // Out of time, the step goes to the next chunk whole: the claim is done, the question is not.
    const failed = await this.sendSecret(user, rcId);
    this.report.credentials++;
    this.synced(user, failed ? { rcId, message: failed, credentialsFailed: true } : { rcId, message: "Created." });
  }

  private needsSecret(user: UserRecord): boolean {
    return needsSecretCall(user, this.workspace.settings);
  }

  private nextLine(user: UserRecord): UnassignedLineRecord | undefined {
    return nextLine(this.workspace, user, (l) => !this.linesInUse.has(l.rcId) && !this.takenLines.has(l.rcId));
  }

  /** The secret question goes in its own call; null when it went (or was not needed), else why it failed. */
  private async setSecret(user: UserRecord, rcId: string): Promise<string | null> {
    if (!this.needsSecret(user)) return null;
    try {
      return await this.sendSecret(user, rcId);
    } catch (error) {
      if (error instanceof OutOfTimeError) return "Created; no time was left for the secret question: the next sync sets it.";
      throw error;
    }
  }

  /** The secret question's call: null when it went, else why not. Only running out of time throws. */
  private async sendSecret(user: UserRecord, rcId: string): Promise<string | null> {
    try {
      const questionId = await this.questionId(user.secretQuestion);
      if (!questionId) return `Created, but the account has no secret question "${user.secretQuestion}".`;
      await this.home.client.call("updateCredentials", { path: { extensionId: rcId }, body: secretBody(user, questionId) });
      return null;
    } catch (error) {
      if (error instanceof OutOfTimeError) throw error;
      return `Created, but the secret question was refused: ${describe(error)}`;
    }
  }

  private async questionId(text: string): Promise<string | undefined> {
    if (!this.questions) {
      const list = await this.home.client.listAll<{ id: string; questionText: string }>("listSecretQuestions");
      this.questions = new Map(list.map((q) => [q.questionText.trim().toLowerCase(), String(q.id)]));
    }
    return this.questions.get(text.trim().toLowerCase());
  }

  private async updateUser(row: number, rcId: string, fields: Parameters<typeof updateBody>[1]): Promise<void> {
    const user = this.user(row);
    try {
      await this.home.client.call("updateExtension", {
        path: { extensionId: rcId },
        body: updateBody(user, fields, this.siteIds.get(user.site) ?? "main-site"),
      });
      this.report.updated++;
      this.account.userUpdated(rcId, user);
      this.synced(user, { rcId, message: `Updated ${fields.join(", ")}.` });
    } catch (error) {
      this.unanswered(error);
      this.failed(user, describe(error));
    }
  }

  /** One bulk task for the batch; each row gets its own record's outcome. */
  private async updateUsers(updates: SyncPlan["updates"]): Promise<void> {
    const fieldsOf = (u: SyncPlan["updates"][number]) => u.changes.map((c) => c.field);
    const records = updates.map((u) => {
      const user = this.user(u.row);
      return { id: u.rcId, ...updateBody(user, fieldsOf(u), this.siteIds.get(user.site) ?? "main-site") };
    });
    let outcomes: Awaited<ReturnType<typeof updateInBulk>>;
    try {
      outcomes = await updateInBulk(this.home, records);
    } catch (error) {
      if (error instanceof OutOfTimeError) {
        this.account.lostTrack();
        throw error;
      }
      // Unanswered, the task may have run: the rows keep their status and the next plan compares with the account.
      if (inDoubt(error)) {
        this.account.lostTrack();
        this.report.failed += updates.length;
        for (const u of updates) this.results.users.push({ user: this.keyOf(u.row), cells: { message: describe(error) } });
      } else for (const u of updates) this.failed(this.user(u.row), describe(error));
      return;
    }
    for (const u of updates) {
      const outcome = outcomes.get(u.rcId);
      if (outcome?.ok) {
        this.report.updated++;
        this.account.userUpdated(u.rcId, this.user(u.row));
        this.synced(this.user(u.row), { rcId: u.rcId, message: `Updated ${fieldsOf(u).join(", ")}.` });
      } else this.failed(this.user(u.row), outcome?.message ?? "No result from the bulk update.");
    }
  }

  private async updateCredentials(row: number, rcId: string): Promise<void> {
    const user = this.user(row);
    const rule = USER_TYPE_RULES[user.userType as UserType];
    const sendPassword = user.password && (!this.workspace.settings.sso || rule.password === "always");
    try {
      if (user.pin || sendPassword)
        await this.home.client.call("updateExtension", {
          path: { extensionId: rcId },
          body: { ...(user.pin ? { ivrPin: user.pin } : {}), ...(sendPassword ? { password: user.password } : {}) },
        });
      const secret = await this.setSecret(user, rcId);
      this.synced(user, { rcId, message: secret ?? "Credentials set.", credentialsFailed: secret !== null });
      this.report.credentials++;
    } catch (error) {
      if (error instanceof OutOfTimeError) throw error;
      this.failed(user, describe(error));
    }
  }

  private async assignRole(role: string, rows: number[]): Promise<void> {
    const roleId = this.roleIds.get(role);
    const ids = rows.map((row) => this.rcIdOfRow.get(row) ?? this.user(row).rcId).filter(Boolean);
    if (ids.length === 0) return;
    if (!roleId) {
      const message = `Role ${role} is not in the account, so it was not applied: the plan says why under Roles.`;
      for (const row of rows) this.results.users.push({ user: this.keyOf(row), cells: { message } });
      return;
    }
    try {
      await this.home.client.call("bulkAssignRole", { path: { roleId }, body: { addedExtensionIds: ids } });
      this.account.roleAssigned(role, ids);
      this.report.roleChanged += ids.length;
    } catch (error) {
      this.unanswered(error);
      for (const row of rows)
        this.results.users.push({
          user: this.keyOf(row),
          cells: { message: `Role ${role} was not applied: ${describe(error)}` },
        });
    }
  }

  private async deleteUser(deletion: SyncPlan["deletes"][number]): Promise<void> {
    // Where a released line goes back, and under which id, is the platform's to say: the next chunk reads it.
    this.account.lostTrack();
    try {
      if (deletion.rcId)
        await this.home.client.call("deleteExtension", {
          path: { extensionId: deletion.rcId },
          ...(deletion.releases ? { query: { savePhoneLines: true } } : {}),
        });
    } catch (error) {
      if (error instanceof OutOfTimeError) throw error;
      // A 404 means the user is gone: most often our own DELETE, whose answer was lost and which the retry repeated.
      if (!(error instanceof ApiError && error.status === 404)) return this.deleteFailed(deletion, error);
    }
    if (deletion.row !== null) this.results.removeUsers.push(this.keyOf(deletion.row));
    if (deletion.rcId) this.ledger.delete(deletion.rcId);
    this.report.deleted++;
  }

  /** The row stays Pending Delete, so the next sync deletes it (or, if it went after all, removes the row). */
  private deleteFailed(deletion: SyncPlan["deletes"][number], error: unknown): void {
    if (deletion.row !== null)
      this.results.users.push({
        user: this.keyOf(deletion.row),
        cells: { message: `Delete failed: ${describe(error)} The next sync tries again.` },
      });
    this.report.failed++;
  }

  private async deleteRole(row: number, rcId: string): Promise<void> {
    try {
      await this.home.client.call("deleteCustomRole", { path: { roleId: rcId } });
    } catch (error) {
      this.unanswered(error);
      // Without an answer the role stays Pending Delete: the next sync deletes it, or finds it gone (404).
      if (inDoubt(error)) return;
      // A 404 means the role is gone: most often our own DELETE, whose answer was lost and which the retry repeated.
      if (!(error instanceof ApiError && error.status === 404)) {
        this.results.roles.push({ row, cells: { status: `${DELETE_REFUSED} ${describe(error)}` } });
        return;
      }
    }
    this.account.roleDeleted(rcId);
    this.report.roles.deleted++;
    this.results.removeRoles.push(row);
  }

  /** A call that got no answer may have changed the account: what this chunk kept of it is not to be trusted. */
  private unanswered(error: unknown): void {
    if (inDoubt(error)) this.account.lostTrack();
    if (error instanceof OutOfTimeError) throw error;
  }

  /** The account read again into its tabs, and the log line. A failed read leaves the run to be finished by the next. */
  private async finish(plan: SyncPlan): Promise<void> {
    let state: AccountState;
    try {
      state = await fetchAccountState(this.home.client);
    } catch (error) {
      this.report.done = false;
      // Out of time, the read is the next chunk's (which has nothing left to send): not a stop.
      if (!(error instanceof OutOfTimeError)) this.report.stop = stopOf(error, "reading the account after the sync");
      return;
    }
    writeAccountState(this.home.workbook, state, new Date(this.home.clock.now()).toISOString());
    appendSyncLog(this.home.workbook, {
      when: this.now,
      who: this.options.who ?? "",
      scope: describeScope(plan.scope),
      created: String(this.report.created),
      updated: String(this.report.updated),
      deleted: String(this.report.deleted),
      failed: String(this.report.failed),
      seconds: String(Math.round((this.home.clock.now() - this.started) / 100) / 10),
    });
    await this.home.checkpoint?.();
  }

  /**
   * A row whose user the account has. Its secrets are cleared once the account holds them; when the credentials
   * failed, the row is an error that keeps them, for "retry failed" to send again.
   */
  private synced(user: UserRecord, result: SyncedRow): void {
    const status = result.credentialsFailed ? "Error" : "Synced";
    const cells: Record<string, string> = { status, rcId: result.rcId, syncedAt: this.now, message: result.message };
    if (result.tempNumber !== undefined) cells.tempNumber = result.tempNumber;
    // The sheet shows the wizard the sync used (a Limited Extension's is always Completed).
    const forced = wizardCorrection(user.userType, user.setupWizard);
    if (forced) cells.setupWizard = forced;
    if (result.credentialsFailed) this.report.failed++;
    if (result.keepSecretAnswer) Object.assign(cells, { pin: "", password: "" });
    else if (!result.keepSecrets && !result.credentialsFailed) Object.assign(cells, { pin: "", password: "", secretAnswer: "" });
    this.results.users.push({ user: this.keyOf(user.row), cells });
    const entry = {
      rcId: result.rcId,
      email: user.email.toLowerCase(),
      ext: user.ext,
      site: user.site,
      line: "",
      state: "Synced",
      values: JSON.stringify(syncedValues(user)),
      at: this.now,
    };
    this.ledger.set(result.rcId, entry);
  }

  /** The document's record of syncs as this chunk leaves it (the tabs as written back: no SpreadsheetApp call). */
  private syncRecord(): SyncRecord {
    const sites = readImage(this.home.workbook, SITES_TAB);
    const roles = readImage(this.home.workbook, ROLES_TAB);
    return {
      ledger: [...this.ledger.values()],
      sites: sites ? recordsOf(SITES_TAB, sites) : [],
      roles: roles ? recordsOf(ROLES_TAB, roles) : [],
    };
  }

  private failed(user: UserRecord, message: string): void {
    this.report.failed++;
    this.results.users.push({ user: this.keyOf(user.row), cells: { status: "Error", message } });
  }

  private dropIntent(user: UserRecord): void {
    this.ledger.delete(intentKey(user.email));
  }

  /** Whose row: results are written by user, since rows move while a chunk runs. */
  private keyOf(row: number): UserKey {
    const user = this.user(row);
    return { email: user.email.trim().toLowerCase(), rcId: user.rcId };
  }

  /** The last moment a call may end by: the budget's end or, sooner, the execution's end less the write-back. */
  private latest(): number {
    const execution = this.options.execution;
    return execution ? execution.endsAt - execution.writeBackMs : Number.POSITIVE_INFINITY;
  }

  private user(row: number): UserRecord {
    this.usersByRow ??= new Map(this.workspace.users.map((u) => [u.row, u]));
    const user = this.usersByRow.get(row);
    if (!user) throw new Error(`The plan names Users row ${row}, which the workspace lacks.`);
    return user;
  }
}

interface SyncedRow {
  rcId: string;
  tempNumber?: string;
  message: string;
  /** Secrets stay in the sheet (their fate in the account is not known yet). */
  keepSecrets?: boolean;
  /** The user exists but its credentials were refused. */
  credentialsFailed?: boolean;
  /** The claim carried PIN and password (cleared); the secret question follows in its own call. */
  keepSecretAnswer?: boolean;
}

/**
 * Account tabs written this recently are left as they are by a chunk of a run: the plan works from the account as
 * just read, never from the tabs, so rewriting thousands of cells every chunk only shows progress the rows show
 * already. The run's last chunk writes them (after the sync), and so does a chunk after an interrupted one.
 */
const ACCOUNT_TABS_FRESH_MS = 10 * 60_000;

/**
 * The workspace read once, the ledger, and the account: read from RingCentral (into its tabs, unless `duringRun` and
 * they are fresh), or, for a chunk that `continues` a run, as the run's last chunk kept it (its tabs left as they
 * are): what a plan starts from.
 */
export async function loadForSync(
  home: SyncHome,
  now: string,
  run: { duringRun?: boolean; continues?: boolean; settle?: (ledger: SyncLedgerRecord[]) => Promise<void> } = {},
) {
  // The account comes from RingCentral or the run's last chunk, never from its tabs.
  const read = readWorkspace(home.workbook, { account: false });
  const ledger = readLedger(home.workbook);
  // Bulk tasks a chunk cut short left running are followed first, for the read to show what they did.
  await run.settle?.(ledger);
  const record = { ledger, sites: read.workspace.sites, roles: read.workspace.roles };
  const kept = run.continues ? usableKept(home.keptAccount?.load() ?? null, record, Date.parse(now)) : null;
  const state = kept?.state ?? (await fetchAccountState(home.client));
  const interrupted = ledger.some((entry) => entry.state === "Creating");
  const age = Date.parse(now) - Date.parse(read.workspace.settings.accountRefreshedAt);
  if (!kept && (!run.duringRun || interrupted || !(age >= 0 && age < ACCOUNT_TABS_FRESH_MS)))
    writeAccountState(home.workbook, state, now);
  return { workspace: withAccount(read.workspace, state, now), state, ledger, kept, findings: read.findings };
}

/** The ledger's settled entries, as the plan compares with them. */
export function ledgerEntries(records: readonly Omit<SyncLedgerRecord, "row">[]): LedgerEntry[] {
  return records
    .filter((e) => e.state === "Synced" && e.rcId)
    .map((e) => ({ rcId: e.rcId, site: e.site, values: JSON.parse(e.values || "{}") }));
}

/** The workspace with the account as just read, so that the plan sees it without reading the sheet again. */
function withAccount(workspace: Workspace, state: AccountState, refreshedAt: string): Workspace {
  const numbered = <T>(rows: T[]) => rows.map((r, i) => ({ ...r, row: i + 2 }));
  return {
    ...workspace,
    users: workspace.users.map((u) => ({ ...u })),
    settings: { ...workspace.settings, accountRefreshedAt: refreshedAt },
    account: {
      users: numbered(state.users),
      sites: numbered(state.sites),
      lines: numbered(state.lines),
      roles: state.roles,
    },
    roles: [
      ...workspace.roles.map((r) => {
        const account = state.roles.find((a) => a.name === r.name);
        return account ? { ...r, rcId: account.rcId } : r;
      }),
      ...addedRoles(workspace, state),
    ],
  };
}

/** Account roles the Roles tab did not list yet, as writeAccountState appends them below its rows. */
function addedRoles(workspace: Workspace, state: AccountState): Workspace["roles"] {
  const known = new Set(workspace.roles.map((r) => r.name));
  const last = workspace.roles.reduce((max, r) => Math.max(max, r.row), 1);
  return state.roles
    .filter((r) => !known.has(r.name))
    .map((r, i) => ({
      row: last + 1 + i,
      name: r.name,
      kind: r.custom ? "Custom" : "Predefined",
      basedOn: "",
      description: r.description,
      permissions: "",
      rcId: r.rcId,
      status: "",
    }));
}

type Step = [number, () => Promise<void>];
/** A create's calls at most: the create, the secret questions listed, the credentials. */
const CREATE_CALLS = 3;
/** A bulk update's: the task, and the looks until it is done (its own waits are bounded by the same end). */
const BULK_UPDATE_CALLS = 6;

function batches<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

function ledgerKey(entry: { rcId: string; email: string; state: string }): string {
  return entry.state === "Creating" ? intentKey(entry.email) : entry.rcId;
}

function intentKey(email: string): string {
  return `creating:${email.toLowerCase()}`;
}

function withoutRow(record: SyncLedgerRecord): Omit<SyncLedgerRecord, "row"> {
  const { row: _row, ...rest } = record;
  return rest;
}

/** The platform's words for a refusal, with the parameter it names; never a secret (bodies are not echoed). */
function describe(error: unknown): string {
  if (error instanceof ApiError)
    return `${error.message}${error.parameterName ? ` (${error.parameterName})` : ""} [${error.errorCode}]`;
  if (error instanceof NetworkError) return `${error.message}; the next run checks whether it took effect.`;
  return error instanceof Error ? error.message : String(error);
}

export { isSettled };

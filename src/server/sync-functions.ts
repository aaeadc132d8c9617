import { z } from "zod";
import { counted } from "../domain/counted";
import { USERS_TAB } from "../domain/tabs";
import { NotSignedInError } from "../ringcentral/client";
import { systemClock } from "../ringcentral/clock";
import { checkServerAddress } from "../ringcentral/server-address";
import { fetchAccountState, fetchSecretQuestions } from "../sync/account-snapshot";
import type { SyncPlan } from "../sync/plan";
import { previewSync } from "../sync/preview";
import { type ChunkReport, DEFAULT_BUDGET_MS, type ExecutionTime, runSyncChunk, type SyncHome } from "../sync/runner";
import { chosenEmails, type SyncScope } from "../sync/scope";
import { writeAccountState } from "../workbook/account-tabs";
import { decodeTab } from "../workbook/codec";
import { writeSecretQuestions } from "../workbook/secret-question-list";
import { locateTabs } from "../workbook/tab-location";
import { refreshUsersDropdowns } from "../workbook/users-dropdowns";
import { ConnectRequestSchema } from "./connection";
import { lastAccountRead } from "./getting-started";
import type { Home } from "./home";
import { serverFunction } from "./server-function";
import type { SyncBusy, SyncHolder } from "./sync-lock";
import { ensureTabAccess } from "./tab-access";

/** What a plan and a chunk answer the sidebar (or SyncBusy: someone else is syncing the document). */
export type { ChunkReport, SyncBusy, SyncHolder, SyncPlan };

/** A chunk's report and who ran it: their email, blank where Google does not tell the add-in (or no home knows). */
export type RunReport = ChunkReport & { by: string };

const Scope = z.object({
  /** No site: only what is account-wide (custom roles changed or deleted), which needs no site ticked. */
  sites: z.array(z.string().min(1)),
  emails: z.array(z.string()).optional(),
  tag: z.string().optional(),
});

/** A plan may be narrowed to the rows selected now: their users become the plan's `emails`, which the run keeps. */
const PlanScope = Scope.extend({ selected: z.boolean().default(false) });

function withSelection(home: Home, input: z.output<typeof PlanScope>): SyncScope {
  const { selected, ...scope } = input;
  if (!selected) return scope;
  const sheet = locateTabs(home.workbook).get("users");
  if (!sheet) return { ...scope, emails: [] };
  const rows = home.selection.selectedRows?.(sheet) ?? [];
  return { ...scope, emails: chosenEmails(decodeTab(USERS_TAB, home.workbook.read(sheet)).records, rows) };
}

/**
 * The work under the document's sync lock, or who holds it. Checked first, under the lock (unless `checked`: a run's
 * later chunks were, at its first): a protection that refuses the person one of the add-in's tabs stops it before
 * anything is sent or written.
 */
function oneAtATime<T>(home: Home, work: (holder: SyncHolder) => Promise<T>, checked = false): Promise<T | SyncBusy> {
  const guarded = async (holder: SyncHolder) => {
    if (!checked) ensureTabAccess(home);
    return work(holder);
  };
  return home.syncLock ? home.syncLock.hold(guarded) : guarded({ email: "", since: new Date().toISOString() });
}

function syncHome(home: Home): SyncHome {
  if (!home.connection) throw new NotSignedInError();
  return {
    workbook: home.workbook,
    client: home.connection.client(),
    clock: home.clock ?? systemClock,
    ...(home.keptAccount ? { keptAccount: home.keptAccount } : {}),
  };
}

/** What reading the account found: counts, when (ISO), and the sentence that says it. */
export interface AccountRead {
  users: number;
  sites: number;
  lines: number;
  secretQuestions: number;
  refreshedAt: string;
  /** "Account read: 12 users, 3 sites, 40 unassigned lines." */
  message: string;
}

/**
 * Connect: saves the person's server and credentials and signs in once to prove them. A workspace that never read
 * the account reads it then (its sites, lines and roles are what import and validation compare with); a read that
 * fails leaves the connection made and says why.
 */
export const connect = serverFunction(
  ConnectRequestSchema,
  async (home, input): Promise<{ connected: boolean; message: string; account?: AccountRead }> => {
    if (!home.connection) throw new NotSignedInError();
    const server = checkServerAddress(input.server);
    if (!server.ok) return { connected: false, message: server.problem };
    home.connection.save({ ...input, server: server.address });
    const connected = `Connected to ${server.address}.`;
    try {
      const client = home.connection.client();
      if (input.jwt) await client.loginWithJwt(input.jwt);
    } catch (error) {
      home.connection.clear();
      return { connected: false, message: error instanceof Error ? error.message : String(error) };
    }
    // Only a set-up workspace: connecting alone adds no tabs to someone's spreadsheet.
    const setUp = locateTabs(home.workbook).has("settings");
    if (!input.jwt || !setUp || lastAccountRead(home.workbook)) return { connected: true, message: connected };
    try {
      const read = await oneAtATime(home, () => readAccount(home));
      if ("busy" in read)
        return {
          connected: true,
          message: `${connected} ${read.busy.email || "Someone"} is syncing: read the account once they are done.`,
        };
      return { connected: true, message: `${connected} ${read.message}`, account: read };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { connected: true, message: `${connected} The account could not be read: ${why}` };
    }
  },
);

/** Whether the person's calls can go; when settings are kept but the sign-in is not (spent, unreadable), why. */
export interface ConnectionStatus {
  connected: boolean;
  server: string;
  message?: string;
}

/** Connected means calls can go: a JWT logs in by itself; a sign-in through RingCentral's page needs its token. */
export const connectionStatus = serverFunction(z.object({}).default({}), (home): ConnectionStatus => {
  const settings = home.connection?.settings();
  if (!home.connection || !settings) return { connected: false, server: "" };
  const state = home.connection.client().signInState();
  if (state.signedIn) return { connected: true, server: settings.server };
  return { connected: false, server: settings.server, message: state.reason };
});

/**
 * Disconnect: ends the session at RingCentral and forgets the person's connection, whatever is stored: the local
 * sign-in goes even when the revoke fails.
 */
export const disconnect = serverFunction(z.object({}).default({}), async (home): Promise<{ connected: false }> => {
  try {
    if (home.connection?.settings()) await home.connection.client().revoke();
  } finally {
    home.connection?.clear();
  }
  return { connected: false };
});

/** Refresh: the account into the account tabs (users, sites, unassigned lines, roles) and its secret questions. */
export const refreshAccount = serverFunction(z.object({}).default({}), (home) => oneAtATime(home, () => readAccount(home)));

/** The account into its tabs, its secret questions onto Settings, and the Users dropdowns that list them. */
async function readAccount(home: Home): Promise<AccountRead> {
  const sync = syncHome(home);
  const state = await fetchAccountState(sync.client);
  const at = new Date(sync.clock.now()).toISOString();
  writeAccountState(home.workbook, state, at);
  const questions = await fetchSecretQuestions(sync.client);
  writeSecretQuestions(home.workbook, questions);
  refreshUsersDropdowns(home.workbook);
  const [users, sites, lines] = [state.users.length, state.sites.length, state.lines.length];
  const message = `Account read: ${counted(users, "user")}, ${counted(sites, "site")}, ${counted(lines, "unassigned line")}.`;
  return { users, sites, lines, secretQuestions: questions.length, refreshedAt: at, message };
}

/** Plan: exactly what a sync of the scope would change, nothing sent. */
export const planSync = serverFunction(
  PlanScope,
  (home, input): Promise<SyncPlan | SyncBusy> => oneAtATime(home, () => previewSync(syncHome(home), withSelection(home, input))),
);

/** Apps Script ends an execution six minutes after it starts, whatever it is doing. */
const EXECUTION_MS = 6 * 60_000;

/**
 * The execution's time as a chunk plans its steps by: it ends `limitMs` after it started, an answer is given a
 * thirty-sixth of it (10 s of 6 minutes) and the write-back a twelfth (30 s).
 */
function executionTime(home: Home, limitMs: number): ExecutionTime {
  const started = home.executionStartedAt ?? (home.clock ?? systemClock).now();
  return { endsAt: started + limitMs, answerMs: limitMs / 36, writeBackMs: limitMs / 12 };
}

/** Run: one chunk of the sync under the time budget; the sidebar calls it again until `done`. */
export const runSync = serverFunction(
  Scope.extend({
    /** The RC Ids of the users removed by hand whose deletion the person confirmed, by name, in the plan. */
    confirmDeletes: z.array(z.string()).default([]),
    budgetMs: z.number().int().min(1000).max(DEFAULT_BUDGET_MS).default(DEFAULT_BUDGET_MS),
    /** Apps Script's execution limit; a runtime run at a time scale (tests, the playground) gives its own. */
    limitMs: z.number().int().min(1000).max(EXECUTION_MS).default(EXECUTION_MS),
    /** The chunk after one that left work: it may start from the account that chunk kept. */
    continues: z.boolean().default(false),
  }),
  (home, input): Promise<RunReport | SyncBusy> => {
    const { confirmDeletes, budgetMs, limitMs, continues, ...scope } = input;
    const execution = executionTime(home, limitMs);
    const options = { scope, confirmDeletes, budgetMs, continues, execution };
    return oneAtATime(
      home,
      async ({ email }) => ({ ...(await runSyncChunk(syncHome(home), { ...options, who: logName(email) })), by: email }),
      continues,
    );
  },
);

/** The Sync Log's Who: the person's email, or "you" where Google does not tell the add-in (as the Sync panel says). */
function logName(email: string): string {
  return email || "you";
}

/**
 * Retry failed: a run over the rows of the sites whose Status is Error. Its first chunk answers their users
 * (`emails`), for the chunks after it (runSync with `emails`) to stay on them.
 */
export const retryFailed = serverFunction(
  Scope.pick({ sites: true }).extend({
    limitMs: z.number().int().min(1000).max(EXECUTION_MS).default(EXECUTION_MS),
  }),
  (home, input): Promise<(RunReport & { emails: string[] }) | SyncBusy> =>
    oneAtATime(home, async ({ email }) => {
      const execution = executionTime(home, input.limitMs);
      const sheet = locateTabs(home.workbook).get("users");
      const users = sheet ? decodeTab(USERS_TAB, home.workbook.read(sheet)).records : [];
      const failed = users.filter((u) => u.status === "Error").map((u) => u.row);
      const emails = chosenEmails(users, failed);
      const report = await runSyncChunk(syncHome(home), {
        scope: { sites: input.sites, emails },
        budgetMs: DEFAULT_BUDGET_MS,
        execution,
        who: `${logName(email)} (retry)`,
      });
      return { ...report, emails, by: email };
    }),
);

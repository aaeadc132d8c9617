import { DEFAULT_LATENCY, ExecutionHost, type Latency } from "./execution-host";
import {
  EXCEEDED_MAXIMUM_EXECUTION_TIME,
  SCRIPT_RUNTIME_MS,
  SIMPLE_TRIGGER_RUNTIME_MS,
  SIMULTANEOUS_EXECUTIONS_PER_USER,
  TOO_MANY_SIMULTANEOUS,
} from "./execution-limits";
import type { AuthMode, Execution, HostService } from "./host-service";
import { librarySources } from "./libraries";
import type { Manifest } from "./manifest";
import { checkRunArguments } from "./run-arguments";
import { type StandardServices, standardServices } from "./services/standard-services";
import { type ExecutionWorker, WorkerPool } from "./worker-pool";

/**
 * How a function is started: `server` a google.script.run call from the sidebar (its arguments and return value
 * follow google.script.run's rules), `menu` a menu item, `trigger` a simple trigger (onOpen, onEdit: 30 seconds,
 * LIMITED unless told), `editor` a direct call.
 */
export type RunKind = "server" | "menu" | "trigger" | "editor";

export interface RunRequest {
  function: string;
  kind: RunKind;
  args?: unknown[];
  /** For a trigger: its event object, or one made from the execution's service roots (e.g. a Range for onEdit). */
  event?: object | ((roots: Readonly<Record<string, object>>) => object);
  /** The person running it (email); the runtime's user by default. */
  user?: string;
  /** FULL by default; LIMITED by default for triggers. */
  authMode?: AuthMode;
  /**
   * Runs outside a containing document, as a web app or the /usercallback of a sign-in does (the default for
   * `userCallback`): the document's lock, cache and properties and the active spreadsheet are null.
   */
  standalone?: boolean;
}

export interface LogEntry {
  level: string;
  text: string;
  at: number;
}

export interface Outcome {
  executionId: number;
  ok: boolean;
  /** The function's return value (for `server`: as the success handler receives it). */
  value?: unknown;
  /** The uncaught error's message, or the runtime's (time limit, too many executions, illegal arguments). */
  error?: string;
  log: LogEntry[];
  /** Calls by `Class.method`, e.g. `Range.getValues`, `UrlFetchApp.fetch`. */
  calls: Record<string, number>;
  /** Calls by service (global), e.g. `SpreadsheetApp` for every call on its spreadsheets, sheets and ranges. */
  serviceCalls: Record<string, number>;
  durationMs: number;
}

export interface RuntimeOptions {
  /** The bundle as clasp pushes it (dist/Code.js). */
  code: string;
  manifest: Manifest;
  /** Services beyond the standard ones (SpreadsheetApp). */
  services?: HostService[];
  /** Script-visible origin → local origin, as a hosts file would: `{"https://platform.ringcentral.com": "http://127.0.0.1:8788"}`. */
  routes?: Readonly<Record<string, string>>;
  /** HTML files of the project for HtmlService.createHtmlOutputFromFile, by name without `.html`. */
  files?: Readonly<Record<string, string>>;
  /** The default person (email). */
  user?: string;
  /** People whose email `Session` answers blank, as Google does where it withholds it (consumer accounts, other domains). */
  hiddenEmails?: readonly string[];
  /** UrlFetchApp calls a person may make in 24 hours: 20,000 by default (a consumer account), 100,000 for Workspace. */
  urlFetchCallsPerDay?: number;
  /** Execution time limits are divided by this (a test's 6 minutes can be 60 ms). */
  timeScale?: number;
  /**
   * Milliseconds added to each call on these services, e.g. `{ SpreadsheetApp: 40 }`. By default each SpreadsheetApp
   * call costs `SPREADSHEET_CALL_MS` (30 ms; execution-host.ts says where the figure comes from); `{}` prices none,
   * for tests that need speed rather than Sheets' pace.
   */
  latencyMs?: Latency;
  scriptId?: string;
  /**
   * Keep Node's ECMAScript built-ins newer than ES2020 (`Array.prototype.at`, `Object.hasOwn`, `replaceAll`…) in
   * each context. Off by default: Google does not say which V8 Apps Script runs, so a context offers only the
   * built-ins it is known to have (docs/apps-script-runtime.md), and a script that uses a newer one fails here first.
   */
  newerBuiltIns?: boolean;
  /**
   * What becomes of the promise jobs a function leaves when it returns, about which Google says nothing: `drop` (the
   * default) ends the execution at the return, so nothing may depend on them; `run` runs them first.
   */
  jobsAtReturn?: JobsAtReturn;
}

export type JobsAtReturn = "drop" | "run";

export interface AppsScriptRuntime {
  run(request: RunRequest): Promise<Outcome>;
  /**
   * Apps Script's /usercallback: the state token names the function and its arguments; the function receives
   * `{ parameter: { ...query, ...token's arguments } }`. An unknown or expired token runs nothing.
   */
  userCallback(query: Readonly<Record<string, string>>, user?: string): Promise<Outcome>;
  /** The standard services' host sides (properties, caches, locks…), for tests and the playground. */
  readonly services: StandardServices;
  /**
   * Ends every running execution now, exactly as its time limit does (its worker terminated wherever it is, the
   * outcome "Exceeded maximum execution time"): how a test kills an execution at a moment of its choosing. How many.
   */
  exceedTimeLimit(): number;
  close(): Promise<void>;
}

const DEFAULT_USER = "person@example.com";

export function startAppsScriptRuntime(options: RuntimeOptions): AppsScriptRuntime {
  const standard = standardServices(options);
  const services = [...standard.list, ...(options.services ?? [])];
  const pool = new WorkerPool(options.code, "Code.gs", librarySources(options.manifest), options.newerBuiltIns ?? false);
  const running = new Map<string, number>();
  /** How each running execution is ended by its time limit. */
  const limits = new Set<() => void>();
  let nextId = 1;

  async function run(request: RunRequest): Promise<Outcome> {
    const started = Date.now();
    const user = request.user ?? options.user ?? DEFAULT_USER;
    const authMode = request.authMode ?? (request.kind === "trigger" ? "LIMITED" : "FULL");
    const execution: Execution = {
      id: nextId++,
      user,
      authMode,
      scopes: options.manifest.oauthScopes ?? [],
      startedAt: started,
      ...(request.standalone ? { standalone: true } : {}),
    };
    const host = new ExecutionHost(execution, options.manifest.oauthScopes, options.latencyMs ?? DEFAULT_LATENCY);
    const refused = (error: string): Outcome => outcomeOf(host, started, [], { error });
    if ((running.get(user) ?? 0) >= SIMULTANEOUS_EXECUTIONS_PER_USER) return refused(TOO_MANY_SIMULTANEOUS);
    const args = argumentsOf(request, host, services);
    if ("refusal" in args) return refused(args.refusal);
    running.set(user, (running.get(user) ?? 0) + 1);
    try {
      const globals = host.globals(services);
      const worker = await pool.acquire();
      // The execution's time starts when its worker is ready, as Apps Script's starts when the script does.
      return await execute(worker, host, { globals, args: host.encodeArguments(args.args) }, request, Date.now());
    } finally {
      running.set(user, (running.get(user) ?? 1) - 1);
      for (const service of services) service.ended?.(execution);
    }
  }

  function execute(
    worker: ExecutionWorker,
    host: ExecutionHost,
    encoded: { globals: string; args: string },
    request: RunRequest,
    started: number,
  ): Promise<Outcome> {
    const log: LogEntry[] = [];
    const limit = (request.kind === "trigger" ? SIMPLE_TRIGGER_RUNTIME_MS : SCRIPT_RUNTIME_MS) / (options.timeScale ?? 1);
    return new Promise((resolve) => {
      const finish = (ending: { result?: string | null; error?: string }, reuse: boolean) => {
        clearTimeout(timer);
        limits.delete(exceeded);
        if (reuse) pool.release(worker);
        else void pool.discard(worker);
        resolve(outcomeOf(host, started, log, ending));
      };
      // Apps Script stops the execution where it is: the worker is terminated, whatever it was doing.
      const exceeded = () => finish({ error: EXCEEDED_MAXIMUM_EXECUTION_TIME }, false);
      const timer = setTimeout(exceeded, limit);
      limits.add(exceeded);
      worker.run(
        {
          executionId: host.execution.id,
          functionName: request.function,
          kind: request.kind,
          jobsAtReturn: options.jobsAtReturn ?? "drop",
          ...encoded,
        },
        {
          call: (json) => host.call(json),
          log: (entry) => log.push(entry),
          done: (message) => {
            host.addLocalCalls(message.localCalls);
            finish(message.error === undefined || message.error === null ? { result: message.result } : message, true);
          },
          failed: (error) => finish({ error: error.message }, false),
        },
      );
    });
  }

  async function userCallback(query: Readonly<Record<string, string>>, user?: string): Promise<Outcome> {
    const token = standard.stateTokens.open(query.state ?? "");
    if (!token) return refusedOutcome("The state token is invalid or has expired.");
    const parameter = { ...query, ...token.arguments };
    // Google serves /usercallback as a web request: the add-on runs there without the document it was opened in.
    return run({ function: token.method, kind: "editor", args: [{ parameter }], standalone: true, ...(user ? { user } : {}) });
  }

  return {
    run,
    userCallback,
    services: standard,
    exceedTimeLimit: () => {
      const ending = [...limits];
      for (const exceeded of ending) exceeded();
      return ending.length;
    },
    close: () => pool.close(),
  };
}

function argumentsOf(
  request: RunRequest,
  host: ExecutionHost,
  services: readonly HostService[],
): { args: unknown[] } | { refusal: string } {
  if (request.kind === "server") return checkRunArguments(request.args ?? []);
  if (request.kind !== "trigger" || request.event === undefined) return { args: request.args ?? [] };
  const event =
    typeof request.event === "function"
      ? request.event(Object.fromEntries(host.roots(services)))
      : { ...(request.event as object) };
  return { args: [{ authMode: host.execution.authMode, ...event }] };
}

function refusedOutcome(error: string): Outcome {
  return { executionId: 0, ok: false, error, log: [], calls: {}, serviceCalls: {}, durationMs: 0 };
}

function outcomeOf(
  host: ExecutionHost,
  started: number,
  log: LogEntry[],
  ending: { result?: string | null; error?: string },
): Outcome {
  const base = {
    executionId: host.execution.id,
    log,
    calls: host.calls,
    serviceCalls: host.serviceCalls,
    durationMs: Date.now() - started,
  };
  if (ending.error !== undefined) return { ...base, ok: false, error: ending.error };
  const value = ending.result ? host.decodeResult(ending.result) : undefined;
  return { ...base, ok: true, value };
}

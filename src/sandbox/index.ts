import { appendFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import type { AccountData } from "./account/model";
import { seedAccount } from "./account/seed";
import { loadState, saveState } from "./account/state-file";
import type { BulkClaims } from "./api/bulk-update";
import { SandboxClock } from "./clock";
import { FaultInjector, type FaultKind, parseFaults, type QueuedFault, queuedFaultSchema } from "./faults";
import type { AppRegistration } from "./oauth/apps";
import { operationRouter } from "./operations";
import { Platform } from "./platform";
import { SeededRandom } from "./seeded-random";
import { type Exchange, handleRequest } from "./server";

export { seededPassword, seededPin } from "./account/seed";
export type { BulkClaims } from "./api/bulk-update";
export type { FaultKind, QueuedFault } from "./faults";
export type { AppPermission, AppRegistration, Grant } from "./oauth/apps";
export type { Exchange } from "./server";

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loaded at start when it exists; written by `close()`. */
  stateFile?: string;
  seed?: number;
  users?: number;
  lines?: number;
  /** Divides every window, penalty, delay and token lifetime (default 1). */
  timeScale?: number;
  /** Random faults, see faults.ts for the grammar, e.g. `5xx=0.05,latency=20ms`. */
  faults?: string;
  /** Whether extension-bulk-update claims unassigned extensions (default `accepted`; see api/bulk-update.ts). */
  bulkClaims?: BulkClaims;
  onExchange?: (exchange: Exchange) => void;
}

export interface RunningSandbox {
  serverUrl: string;
  clientId: string;
  clientSecret: string;
  jwt: string;
  accountId: number;
  /** The admin extension that owns `jwt`; it can also sign in on the authorize page. */
  owner: { id: number; username: string; password: string };
  /** Another app, e.g. with fewer permissions or public (PKCE, `clientSecret: null`). */
  registerApp(registration?: AppRegistration): { clientId: string; clientSecret?: string };
  /** A JWT credential for any extension (default: the owner). */
  createJwt(ownerId?: number, clientIds?: readonly string[]): string;
  /** Queue a one-shot fault for the next `count` matching requests. */
  injectFault(fault: Partial<QueuedFault> & Pick<QueuedFault, "kind">): void;
  clearFaults(): void;
  /** How many requests each kind of fault has hit since the start. */
  faultsFired(): Record<FaultKind, number>;
  setSso(enabled: boolean): void;
  /** How extension-bulk-update treats a record that claims an unassigned extension. */
  setBulkClaims(claims: BulkClaims): void;
  /** The next `count` bulk-update tasks stay InProgress an hour (platform time) beyond their own time: a fault. */
  stickBulkTasks(count: number): void;
  /** A copy of the whole account. */
  state(): AccountData;
  /** Write the state file now (close() does it too). */
  save(): Promise<void>;
  close(): Promise<void>;
  /** The live platform, for tests that need to look deeper. */
  platform: Platform;
}

/**
 * With RC_CONFORMANCE_LOG set, every exchange is appended to that file as a JSON line, for the conformance check
 * (`npm run test:conformance`) to hold against the official spec.
 */
function exchangeLogFromEnvironment(): ((exchange: Exchange) => void) | undefined {
  const path = process.env.RC_CONFORMANCE_LOG;
  if (!path) return undefined;
  mkdirSync(dirname(path), { recursive: true });
  return (exchange) => appendFileSync(path, `${JSON.stringify(exchange)}\n`);
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const onExchange = options.onExchange ?? exchangeLogFromEnvironment();
  const loaded = options.stateFile ? await loadState(options.stateFile) : undefined;
  const seed = loaded?.seed ?? options.seed ?? 1;
  const seeded = loaded ?? seedAccount({ seed, users: options.users ?? 24, lines: options.lines ?? 300 });
  const clock = new SandboxClock(options.timeScale ?? 1);
  const faults = new FaultInjector(parseFaults(options.faults), new SeededRandom(seed ^ 0x5eed));
  const platform = new Platform(seeded.account, seeded.ownerId, clock, faults, seed);
  if (options.bulkClaims) platform.bulkUpdate.claims = options.bulkClaims;
  const app = platform.registerApp();
  const jwt = platform.createJwt(seeded.ownerId);
  const router = operationRouter();

  let baseUrl = "";
  const server = createServer((request, response) => {
    const deps = {
      platform,
      router,
      baseUrl: () => baseUrl,
      connection: () => ({ clientId: app.clientId, clientSecret: app.clientSecret ?? "", jwt }),
      ...(onExchange ? { onExchange } : {}),
    };
    handleRequest(deps, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "application/json" });
      response.end(
        JSON.stringify({
          errorCode: "CMN-500",
          message: String(error),
          errors: [{ errorCode: "CMN-500", message: "Internal error" }],
        }),
      );
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const owner = platform.account.extensions.get(seeded.ownerId);

  const save = async (): Promise<void> => {
    if (options.stateFile)
      await saveState(options.stateFile, { version: 1, seed, ownerId: seeded.ownerId, account: platform.account.toData() });
  };
  let closed: Promise<void> | undefined;
  return {
    serverUrl: baseUrl,
    clientId: app.clientId,
    clientSecret: app.clientSecret ?? "",
    jwt,
    accountId: platform.account.id,
    owner: { id: seeded.ownerId, username: owner?.contact.email ?? "", password: owner?.password ?? "" },
    registerApp: (registration) => {
      const registered = platform.registerApp(registration);
      return registered.clientSecret === undefined
        ? { clientId: registered.clientId }
        : { clientId: registered.clientId, clientSecret: registered.clientSecret };
    },
    createJwt: (ownerId, clientIds) => platform.createJwt(ownerId ?? seeded.ownerId, clientIds),
    injectFault: (fault) => faults.enqueue(queuedFaultSchema.parse(fault)),
    clearFaults: () => faults.clear(),
    faultsFired: () => faults.fired(),
    setSso: (enabled) => {
      platform.account.sso = enabled;
    },
    setBulkClaims: (claims) => {
      platform.bulkUpdate.claims = claims;
    },
    stickBulkTasks: (count) => {
      platform.bulkUpdate.stuckTasks = count;
    },
    state: () => structuredClone(platform.account.toData()),
    save,
    close: () => {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await save();
      })();
      return closed;
    },
    platform,
  };
}

import { createHmac } from "node:crypto";
import type { Account } from "./account/model";
import type { BulkUpdateSwitches } from "./api/bulk-update";
import type { SandboxClock } from "./clock";
import type { FaultInjector } from "./faults";
import { type AppRegistration, allGrants, type JwtCredential, productPermissions, type RegisteredApp } from "./oauth/apps";
import { SessionStore } from "./oauth/sessions";
import { RateLimiter } from "./rate-limiter";

/** Everything one running sandbox knows: the account, the apps and their sessions, the limits, the faults. */
export class Platform {
  readonly apps = new Map<string, RegisteredApp>();
  readonly jwts = new Map<string, JwtCredential>();
  readonly sessions: SessionStore;
  readonly limiter: RateLimiter;
  private appCount = 0;
  /** How bulk-update takes claims of unassigned extensions, and the stuck-task fault (api/bulk-update.ts). */
  readonly bulkUpdate: BulkUpdateSwitches = { claims: "accepted", stuckTasks: 0 };

  constructor(
    readonly account: Account,
    /** The admin who owns the default JWT. */
    readonly ownerId: number,
    readonly clock: SandboxClock,
    readonly faults: FaultInjector,
    private readonly seed: number,
  ) {
    this.sessions = new SessionStore(clock);
    this.limiter = new RateLimiter(clock);
  }

  /** Register an app. Ids and secrets are derived from the seed, so the same seed prints the same credentials. */
  registerApp(registration: AppRegistration = {}): RegisteredApp {
    this.appCount++;
    const clientId = registration.clientId ?? derive(this.seed, `client-${this.appCount}`).slice(0, 22);
    const app: RegisteredApp = {
      clientId,
      permissions: new Set(registration.permissions ?? productPermissions),
      grants: new Set(registration.grants ?? allGrants),
      redirectUris: registration.redirectUris ?? [],
    };
    if (registration.clientSecret !== null)
      app.clientSecret = registration.clientSecret ?? derive(this.seed, `secret-${clientId}`).slice(0, 32);
    this.apps.set(clientId, app);
    return app;
  }

  /** A JWT credential as the Developer Console would make one: opaque to clients, it names its owner. */
  createJwt(ownerId: number, clientIds?: readonly string[]): string {
    const header = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");
    const payload = Buffer.from(JSON.stringify({ sub: String(ownerId), iss: "rcsheets-sandbox", n: this.jwts.size })).toString(
      "base64url",
    );
    const jwt = `${header}.${payload}.${derive(this.seed, `${header}.${payload}`)}`;
    this.jwts.set(jwt, clientIds ? { ownerId, clientIds } : { ownerId });
    return jwt;
  }
}

function derive(seed: number, label: string): string {
  return createHmac("sha256", `rcsheets-sandbox-${seed}`).update(label).digest("base64url");
}

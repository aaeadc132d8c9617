import { createHash, randomBytes } from "node:crypto";
import type { SandboxClock } from "../clock";

/**
 * OAuth sessions. A session holds one live access token and at most one live refresh token; a refresh replaces
 * both at once (the old access token dies immediately, the old refresh token is refused after its one use: the
 * platform's ~10 s grace for a lost response is not modelled, so a client that reuses one is caught here).
 */
export interface Session {
  id: string;
  clientId: string;
  ownerId: number;
  scope: string;
  accessToken: string;
  refreshToken?: string;
  accessExpiresAt: number;
  refreshExpiresAt: number;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

export type TokenCheck = { kind: "valid"; session: Session } | { kind: "expired" } | { kind: "unknown" } | { kind: "malformed" };

export interface AuthorizationCode {
  clientId: string;
  ownerId: number;
  redirectUri: string;
  challenge?: string;
  challengeMethod: "S256" | "plain";
  expiresAt: number;
}

const tokenPrefix = "SBX1";

export class SessionStore {
  private readonly byAccess = new Map<string, Session>();
  private readonly byRefresh = new Map<string, Session>();
  private readonly codes = new Map<string, AuthorizationCode>();

  constructor(private readonly clock: SandboxClock) {}

  open(
    clientId: string,
    ownerId: number,
    scope: string,
    accessTtlSeconds: number,
    refreshTtlSeconds: number,
    withRefresh: boolean,
  ): Session {
    const session: Session = {
      id: newToken("session"),
      clientId,
      ownerId,
      scope,
      accessToken: "",
      accessExpiresAt: 0,
      refreshExpiresAt: 0,
      accessTtlSeconds,
      refreshTtlSeconds: withRefresh ? refreshTtlSeconds : 0,
    };
    this.renew(session, withRefresh);
    return session;
  }

  check(accessToken: string): TokenCheck {
    if (!accessToken.startsWith(`${tokenPrefix}.`)) return { kind: "malformed" };
    const session = this.byAccess.get(accessToken);
    if (!session) return { kind: "unknown" };
    if (this.clock.now() >= session.accessExpiresAt) return { kind: "expired" };
    return { kind: "valid", session };
  }

  /** Trade a refresh token for a new pair; the old pair stops working now. */
  refresh(refreshToken: string, clientId: string): Session | "invalid" | "expired" {
    const session = this.byRefresh.get(refreshToken);
    if (!session || session.clientId !== clientId) return "invalid";
    if (this.clock.now() >= session.refreshExpiresAt) {
      this.end(session);
      return "expired";
    }
    this.renew(session, true);
    return session;
  }

  /** Revoke by either token: the whole session ends. */
  revoke(token: string): boolean {
    const session = this.byAccess.get(token) ?? this.byRefresh.get(token);
    if (!session) return false;
    this.end(session);
    return true;
  }

  /** A fault: the token stops working as if its lifetime had run out. */
  expireNow(accessToken: string): void {
    const session = this.byAccess.get(accessToken);
    if (session) session.accessExpiresAt = this.clock.now() - 1;
  }

  issueCode(code: Omit<AuthorizationCode, "expiresAt">): string {
    const value = newToken("code");
    this.codes.set(value, { ...code, expiresAt: this.clock.now() + this.clock.millis(60) });
    return value;
  }

  /** Codes are single-use: taking one removes it. */
  takeCode(value: string): AuthorizationCode | undefined {
    const code = this.codes.get(value);
    this.codes.delete(value);
    if (!code || this.clock.now() >= code.expiresAt) return undefined;
    return code;
  }

  private renew(session: Session, withRefresh: boolean): void {
    this.byAccess.delete(session.accessToken);
    if (session.refreshToken) this.byRefresh.delete(session.refreshToken);
    const now = this.clock.now();
    session.accessToken = newToken("access");
    session.accessExpiresAt = now + this.clock.millis(session.accessTtlSeconds);
    this.byAccess.set(session.accessToken, session);
    if (withRefresh) {
      session.refreshToken = newToken("refresh");
      session.refreshExpiresAt = now + this.clock.millis(session.refreshTtlSeconds);
      this.byRefresh.set(session.refreshToken, session);
    } else {
      delete session.refreshToken;
    }
  }

  private end(session: Session): void {
    this.byAccess.delete(session.accessToken);
    if (session.refreshToken) this.byRefresh.delete(session.refreshToken);
  }
}

function newToken(kind: string): string {
  return `${tokenPrefix}.${kind}.${randomBytes(24).toString("base64url")}`;
}

/** PKCE: does the verifier answer the challenge given at authorize? */
export function verifierMatches(code: AuthorizationCode, verifier: string | undefined): boolean {
  if (code.challenge === undefined) return true;
  if (!verifier) return false;
  if (code.challengeMethod === "plain") return verifier === code.challenge;
  return createHash("sha256").update(verifier).digest("base64url") === code.challenge;
}

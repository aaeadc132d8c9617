import type TokenInfo from "@rc-ex/core/definitions/TokenInfo";
import type { ApiRequest } from "../api/context";
import { json, oauthError, type Reply } from "../http/reply";
import type { Platform } from "../platform";
import type { RegisteredApp } from "./apps";
import { authenticateClient } from "./client-auth";
import { type Session, verifierMatches } from "./sessions";

const jwtGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

/** Decision: every refused grant (bad JWT, code, verifier, refresh token) answers 400 invalid_grant with OAU-140. */
const invalidGrant = (description: string): Reply => oauthError(400, "invalid_grant", "OAU-140", description);
const grantNotAllowed = (): Reply =>
  oauthError(401, "unauthorized_client", "OAU-125", "Grant type is not allowed for application");

/** POST /restapi/oauth/token: JWT bearer, authorization code (+PKCE) and refresh grants. */
export function issueToken(request: ApiRequest): Reply {
  if (request.body.kind !== "form" && request.body.kind !== "none") {
    return oauthError(415, "invalid_request", "CMN-104", "Content type must be application/x-www-form-urlencoded");
  }
  const form = request.body.kind === "form" ? request.body.value : {};
  const client = authenticateClient(request.platform, request.headers, form);
  if (!client.ok) return client.reply;
  const { app } = client;
  switch (form.grant_type) {
    case jwtGrant:
      return jwtBearer(request.platform, app, form);
    case "authorization_code":
      return authorizationCode(request.platform, app, form);
    case "refresh_token":
      return refresh(request.platform, app, form);
    case undefined:
      return oauthError(400, "invalid_request", "OAU-101", "Parameter [grant_type] is required");
    default:
      return oauthError(400, "unsupported_grant_type", "OAU-125", `Unsupported grant type [${form.grant_type}]`);
  }
}

function jwtBearer(platform: Platform, app: RegisteredApp, form: Record<string, string>): Reply {
  if (!app.grants.has("jwt") || app.clientSecret === undefined) return grantNotAllowed();
  const credential = form.assertion ? platform.jwts.get(form.assertion) : undefined;
  if (!credential || (credential.clientIds && !credential.clientIds.includes(app.clientId)))
    return invalidGrant("Invalid resource owner credentials");
  return openSession(platform, app, credential.ownerId, form);
}

function authorizationCode(platform: Platform, app: RegisteredApp, form: Record<string, string>): Reply {
  if (!app.grants.has("authorization_code")) return grantNotAllowed();
  const code = form.code ? platform.sessions.takeCode(form.code) : undefined;
  if (!code || code.clientId !== app.clientId) return invalidGrant("Authorization code is invalid or expired");
  if (code.redirectUri !== form.redirect_uri)
    return invalidGrant("Parameter [redirect_uri] does not match the one used to authorize");
  if (!verifierMatches(code, form.code_verifier))
    return invalidGrant("Parameter [code_verifier] does not match the code challenge");
  return openSession(platform, app, code.ownerId, form);
}

function refresh(platform: Platform, app: RegisteredApp, form: Record<string, string>): Reply {
  if (!app.grants.has("refresh_token")) return grantNotAllowed();
  const session = platform.sessions.refresh(form.refresh_token ?? "", app.clientId);
  if (session === "invalid") return invalidGrant("Refresh token is invalid or already used");
  if (session === "expired") return invalidGrant("Refresh token has expired");
  return json(tokenInfo(platform, session, form));
}

function openSession(platform: Platform, app: RegisteredApp, ownerId: number, form: Record<string, string>): Reply {
  const owner = platform.account.extensions.get(ownerId);
  if (owner?.status !== "Enabled") return invalidGrant("Invalid resource owner credentials");
  const accessTtl = clamp(Number(form.access_token_ttl ?? 3600), 600, 3600, 3600);
  const refreshTtl = clamp(Number(form.refresh_token_ttl ?? 604800), 600, 2_592_000, 604800);
  const scope = [...app.permissions].join(" ");
  const session = platform.sessions.open(app.clientId, ownerId, scope, accessTtl, refreshTtl, app.grants.has("refresh_token"));
  return json(tokenInfo(platform, session, form));
}

/** `TokenInfo`; lifetimes are reported in real seconds at the time scale, so a client refreshing on `expires_in` is right. */
function tokenInfo(platform: Platform, session: Session, form: Record<string, string>): TokenInfo {
  const info: TokenInfo = {
    access_token: session.accessToken,
    token_type: "bearer",
    expires_in: platform.clock.bodySeconds(session.accessTtlSeconds),
    scope: session.scope,
    owner_id: String(session.ownerId),
    endpoint_id: form.endpoint_id ?? session.id.slice(-22),
    session_id: session.id,
  };
  if (session.refreshToken) {
    info.refresh_token = session.refreshToken;
    info.refresh_token_expires_in = platform.clock.bodySeconds(session.refreshTtlSeconds);
  }
  return info;
}

function clamp(value: number, min: number, max: number, fallback: number): number {
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

/** POST /restapi/oauth/revoke: either token ends the whole session; an unknown token is not an error (RFC 7009). */
export function revokeToken(request: ApiRequest): Reply {
  const form = request.body.kind === "form" ? request.body.value : {};
  const token = form.token ?? request.query.get("token") ?? "";
  const client = authenticateClient(request.platform, request.headers, form);
  if (!client.ok) return client.reply;
  request.platform.sessions.revoke(token);
  return { status: 200 };
}

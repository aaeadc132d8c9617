import type { IncomingHttpHeaders } from "node:http";
import { oauthError, type Reply } from "../http/reply";
import type { Platform } from "../platform";
import type { RegisteredApp } from "./apps";

export type ClientCheck = { ok: true; app: RegisteredApp } | { ok: false; reply: Reply };

const badClient = (): ClientCheck => ({
  ok: false,
  reply: oauthError(401, "invalid_client", "OAU-146", "Invalid client credentials"),
});

/**
 * Who is calling the OAuth endpoints: a confidential app by `Authorization: Basic base64(id:secret)`, a public (PKCE)
 * app by `client_id` in the form and no secret. A confidential app must present its secret.
 */
export function authenticateClient(platform: Platform, headers: IncomingHttpHeaders, form: Record<string, string>): ClientCheck {
  const basic = basicCredentials(headers.authorization);
  if (basic) {
    const app = platform.apps.get(basic.clientId);
    if (!app || app.clientSecret === undefined || app.clientSecret !== basic.clientSecret) return badClient();
    return { ok: true, app };
  }
  const app = form.client_id ? platform.apps.get(form.client_id) : undefined;
  if (!app || app.clientSecret !== undefined) return badClient();
  return { ok: true, app };
}

/** The client id a request claims, before any check: the rate-limit key of the Auth group. */
export function claimedClientId(headers: IncomingHttpHeaders, form: Record<string, string>, query: URLSearchParams): string {
  return basicCredentials(headers.authorization)?.clientId ?? form.client_id ?? query.get("client_id") ?? "anonymous";
}

function basicCredentials(header: string | undefined): { clientId: string; clientSecret: string } | undefined {
  if (!header?.startsWith("Basic ")) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return { clientId: decodeURIComponent(decoded.slice(0, colon)), clientSecret: decodeURIComponent(decoded.slice(colon + 1)) };
}

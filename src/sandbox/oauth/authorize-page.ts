import type { ApiRequest } from "../api/context";
import { oauthError, type Reply } from "../http/reply";
import type { Platform } from "../platform";
import type { RegisteredApp } from "./apps";

interface AuthorizeParams {
  app: RegisteredApp;
  redirectUri: string;
  state: string;
  challenge?: string;
  challengeMethod: "S256" | "plain";
}

/** GET /restapi/oauth/authorize: a small sign-in page; its form POSTs back here. */
export function showSignIn(request: ApiRequest): Reply {
  const params = authorizeParams(request.platform, Object.fromEntries(request.query));
  if ("status" in params) return params;
  return signInPage(params, "", 200);
}

/** POST /restapi/oauth/authorize: an enabled extension's email or number and password → 302 to the app with a code. */
export function signIn(request: ApiRequest): Reply {
  const form = request.body.kind === "form" ? request.body.value : {};
  const params = authorizeParams(request.platform, form);
  if ("status" in params) return params;
  const { account } = request.platform;
  const login = (form.username ?? "").trim();
  const byNumber = account.numberOwner(login);
  const id = account.extensionByEmail(login) ?? (byNumber?.kind === "extension" ? byNumber.id : undefined);
  const extension = id === undefined ? undefined : account.extensions.get(id);
  if (extension?.status !== "Enabled" || !extension.password || extension.password !== form.password) {
    return signInPage(params, "Invalid login or password.", 400);
  }
  const code = request.platform.sessions.issueCode({
    clientId: params.app.clientId,
    ownerId: extension.id,
    redirectUri: params.redirectUri,
    challengeMethod: params.challengeMethod,
    ...(params.challenge !== undefined ? { challenge: params.challenge } : {}),
  });
  const target = new URL(params.redirectUri);
  target.searchParams.set("code", code);
  if (params.state) target.searchParams.set("state", params.state);
  target.searchParams.set("expires_in", "60");
  return { status: 302, headers: { Location: target.toString() } };
}

function authorizeParams(platform: Platform, input: Record<string, string | undefined>): AuthorizeParams | Reply {
  if (input.response_type !== "code")
    return oauthError(400, "unsupported_response_type", "OAU-101", "Parameter [response_type] must be code");
  const app = input.client_id ? platform.apps.get(input.client_id) : undefined;
  if (!app) return oauthError(400, "invalid_client", "OAU-146", "Unknown client_id");
  if (!app.grants.has("authorization_code"))
    return oauthError(400, "unauthorized_client", "OAU-125", "Grant type is not allowed for application");
  const redirectUri = input.redirect_uri ?? "";
  if (!redirectAllowed(app, redirectUri))
    return oauthError(400, "invalid_request", "OAU-101", "Parameter [redirect_uri] is invalid");
  const method = input.code_challenge_method || "plain";
  if (method !== "S256" && method !== "plain")
    return oauthError(400, "invalid_request", "OAU-101", "Parameter [code_challenge_method] is invalid");
  const params: AuthorizeParams = { app, redirectUri, state: input.state ?? "", challengeMethod: method };
  if (input.code_challenge) params.challenge = input.code_challenge;
  return params;
}

function redirectAllowed(app: RegisteredApp, uri: string): boolean {
  if (app.redirectUris.length > 0) return app.redirectUris.includes(uri);
  try {
    const url = new URL(uri);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function signInPage(params: AuthorizeParams, error: string, status: number): Reply {
  const hidden = {
    response_type: "code",
    client_id: params.app.clientId,
    redirect_uri: params.redirectUri,
    state: params.state,
    code_challenge: params.challenge ?? "",
    code_challenge_method: params.challengeMethod,
  };
  const fields = Object.entries(hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("\n      ");
  const html = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Sign in - RingCentral sandbox</title></head>
  <body style="font-family: sans-serif; max-width: 24rem; margin: 4rem auto">
    <h1>Sign in</h1>
    <p>to allow <b>${escapeHtml(params.app.clientId)}</b> to use the sandbox account.</p>
    ${error ? `<p role="alert" style="color: #b00">${escapeHtml(error)}</p>` : ""}
    <form method="post" action="/restapi/oauth/authorize">
      ${fields}
      <label>Email or extension number <input name="username" autocomplete="username" required></label><br>
      <label>Password <input name="password" type="password" autocomplete="current-password" required></label><br>
      <button type="submit">Sign in</button>
    </form>
  </body>
</html>`;
  return { status, html };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

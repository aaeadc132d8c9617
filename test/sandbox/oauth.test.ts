import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { basic, harness, jwtGrant, v1 } from "./sandbox-fixture";

describe("sandbox OAuth", () => {
  it("exchanges the JWT for a TokenInfo with the spec's fields", async () => {
    const h = await harness();
    const token = await h.login();
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({
      token_type: "bearer",
      expires_in: 3600,
      refresh_token_expires_in: 604800,
      owner_id: String(h.sandbox.owner.id),
    });
    expect(token.body.scope.split(" ")).toEqual(
      expect.arrayContaining(["ReadAccounts", "EditAccounts", "EditExtensions", "RoleManagement"]),
    );
    for (const field of ["access_token", "refresh_token", "session_id", "endpoint_id"])
      expect(typeof token.body[field]).toBe("string");
    expect(token.headers.get("x-rate-limit-group")).toBe("auth");
  });

  it("refuses a bad client secret (OAU-146), a bad JWT (invalid_grant) and a grant the app may not use (OAU-125)", async () => {
    const h = await harness();
    const badClient = await h.login(h.sandbox.clientId, "wrong");
    expect(badClient.status).toBe(401);
    expect(badClient.body).toMatchObject({ error: "invalid_client", errors: [{ errorCode: "OAU-146" }] });
    expect(typeof badClient.body.error_description).toBe("string");
    const badJwt = await h.login(h.sandbox.clientId, h.sandbox.clientSecret, "not.a.jwt");
    expect(badJwt.status).toBe(400);
    expect(badJwt.body).toMatchObject({ error: "invalid_grant", errors: [{ errorCode: "OAU-140" }] });
    const noJwt = h.sandbox.registerApp({ grants: ["authorization_code"] });
    const refused = await h.login(noJwt.clientId, noJwt.clientSecret);
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].errorCode).toBe("OAU-125");
  });

  it("checks the bearer: missing OAU-149, unknown OAU-129, expired OAU-128", async () => {
    const h = await harness({ timeScale: 1000 });
    const missing = await fetch(`${h.sandbox.serverUrl}${v1}/extension`);
    expect(missing.status).toBe(401);
    expect((await missing.json()).errors[0].errorCode).toBe("OAU-149");
    const unknown = await h.call("GET", `${v1}/extension`, { token: "SBX1.access.nope" });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ errorCode: "OAU-129", errors: [{ errorCode: "OAU-129" }] });
    // access_token_ttl 600 s at time scale 1000 lives 0.6 s.
    const short = await h.form(
      "/restapi/oauth/token",
      { grant_type: jwtGrant, assertion: h.sandbox.jwt, access_token_ttl: "600" },
      { Authorization: basic(h.sandbox.clientId, h.sandbox.clientSecret) },
    );
    expect(short.body.expires_in).toBe(1);
    await new Promise((r) => setTimeout(r, 700));
    const expired = await h.call("GET", `${v1}/extension`, { token: short.body.access_token });
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0].errorCode).toBe("OAU-128");
  });

  it("answers 403 CMN-401 when the app lacks the operation's permission", async () => {
    const h = await harness();
    const reader = h.sandbox.registerApp({ permissions: ["ReadAccounts"] });
    const token = (await h.login(reader.clientId, reader.clientSecret)).body.access_token;
    expect((await h.call("GET", `${v1}/extension`, { token })).status).toBe(200);
    const refused = await h.call("POST", `${v1}/extension`, {
      token,
      body: { type: "Announcement", contact: { firstName: "A", email: "a@x.example.com" } },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0]).toMatchObject({
      errorCode: "CMN-401",
      message: "In order to call this API endpoint, application needs to have [EditAccounts] permission",
    });
  });

  it("runs the authorization code flow with PKCE S256 through the sign-in form", async () => {
    const h = await harness();
    const app = h.sandbox.registerApp({ clientSecret: null, redirectUris: ["http://127.0.0.1/callback"] });
    const verifier = "a-long-random-verifier-string-0123456789-abcdefghijkl";
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const query = new URLSearchParams({
      response_type: "code",
      client_id: app.clientId,
      redirect_uri: "http://127.0.0.1/callback",
      state: `<script>"x"</script>`,
      code_challenge: challenge,
      code_challenge_method: "S256",
    });
    const page = await fetch(`${h.sandbox.serverUrl}/restapi/oauth/authorize?${query}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('action="/restapi/oauth/authorize"');
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;&quot;x&quot;");
    const signedIn = await h.form("/restapi/oauth/authorize", {
      ...Object.fromEntries(query),
      username: h.sandbox.owner.username,
      password: h.sandbox.owner.password,
    });
    expect(signedIn.status).toBe(302);
    const location = new URL(signedIn.headers.get("location") ?? "");
    expect(location.origin + location.pathname).toBe("http://127.0.0.1/callback");
    expect(location.searchParams.get("state")).toBe(`<script>"x"</script>`);
    const code = location.searchParams.get("code") ?? "";
    const exchange = (verifierSent: string) =>
      h.form("/restapi/oauth/token", {
        grant_type: "authorization_code",
        code,
        redirect_uri: "http://127.0.0.1/callback",
        client_id: app.clientId,
        code_verifier: verifierSent,
      });
    const badVerifier = await exchange("wrong-verifier");
    expect(badVerifier.body.error).toBe("invalid_grant");
    // The failed attempt used the code up: codes are single-use. Sign in again.
    const again = await h.form("/restapi/oauth/authorize", {
      ...Object.fromEntries(query),
      username: h.sandbox.owner.username,
      password: h.sandbox.owner.password,
    });
    const code2 = new URL(again.headers.get("location") ?? "").searchParams.get("code") ?? "";
    const token = await h.form("/restapi/oauth/token", {
      grant_type: "authorization_code",
      code: code2,
      redirect_uri: "http://127.0.0.1/callback",
      client_id: app.clientId,
      code_verifier: verifier,
    });
    expect(token.status).toBe(200);
    expect(token.body.owner_id).toBe(String(h.sandbox.owner.id));
    expect((await h.call("GET", `${v1}`, { token: token.body.access_token })).status).toBe(200);
  });

  it("accepts a plain PKCE challenge, refuses a wrong password and the JWT grant for a public app", async () => {
    const h = await harness();
    const app = h.sandbox.registerApp({ clientSecret: null });
    const fields = {
      response_type: "code",
      client_id: app.clientId,
      redirect_uri: "http://localhost:9/cb",
      state: "s",
      code_challenge: "plain-verifier",
      code_challenge_method: "plain",
    };
    const wrong = await h.form("/restapi/oauth/authorize", { ...fields, username: "101", password: "nope" });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain("Invalid login or password.");
    const jwtByPublic = await h.form("/restapi/oauth/token", {
      grant_type: jwtGrant,
      assertion: h.sandbox.jwt,
      client_id: app.clientId,
    });
    expect(jwtByPublic.body.errors[0].errorCode).toBe("OAU-125");
    const signedIn = await h.form("/restapi/oauth/authorize", { ...fields, username: "101", password: h.sandbox.owner.password });
    const code = new URL(signedIn.headers.get("location") ?? "").searchParams.get("code") ?? "";
    const token = await h.form("/restapi/oauth/token", {
      grant_type: "authorization_code",
      code,
      redirect_uri: "http://localhost:9/cb",
      client_id: app.clientId,
      code_verifier: "plain-verifier",
    });
    expect(token.status).toBe(200);
  });

  it("makes refresh tokens single-use and kills the old access token at once", async () => {
    const h = await harness();
    const first = (await h.login()).body;
    const auth = { Authorization: basic(h.sandbox.clientId, h.sandbox.clientSecret) };
    const second = await h.form(
      "/restapi/oauth/token",
      { grant_type: "refresh_token", refresh_token: first.refresh_token },
      auth,
    );
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect((await h.call("GET", v1, { token: first.access_token })).status).toBe(401);
    expect((await h.call("GET", v1, { token: second.body.access_token })).status).toBe(200);
    const reused = await h.form(
      "/restapi/oauth/token",
      { grant_type: "refresh_token", refresh_token: first.refresh_token },
      auth,
    );
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe("invalid_grant");
  });

  it("revokes the whole session", async () => {
    const h = await harness();
    const session = (await h.login()).body;
    const auth = { Authorization: basic(h.sandbox.clientId, h.sandbox.clientSecret) };
    expect((await h.form("/restapi/oauth/revoke", { token: session.access_token }, auth)).status).toBe(200);
    expect((await h.call("GET", v1, { token: session.access_token })).status).toBe(401);
    const refresh = await h.form(
      "/restapi/oauth/token",
      { grant_type: "refresh_token", refresh_token: session.refresh_token },
      auth,
    );
    expect(refresh.status).toBe(400);
  });

  it("answers unknown paths 404 in the platform's error shape", async () => {
    const h = await harness();
    const answer = await h.call("GET", "/restapi/v1.0/account/~/no-such-thing");
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ errorCode: "CMN-102", errors: [{ errorCode: "CMN-102" }] });
    const otherAccount = await h.call("GET", "/restapi/v1.0/account/123/extension");
    expect(otherAccount.status).toBe(404);
    expect((await h.call("GET", `/restapi/v1.0/account/${h.sandbox.accountId}/extension`)).status).toBe(200);
  });
});

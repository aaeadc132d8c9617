import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppsScriptRuntime } from "../../src/apps-script-runtime/runtime";
import { HtmlOutput } from "../../src/apps-script-runtime/services/html-service";
import { SheetsDocument } from "../../src/apps-script-runtime/spreadsheet/document";
import { type Exchange, type FaultKind, type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import { PRODUCTION, sidebarCall, startBuiltAddIn } from "../built-add-in";

/**
 * Signing in from Sheets, against the built add-in in the local Apps Script runtime and the sandbox: RingCentral's
 * page (Google's OAuth2 library, /usercallback) for two people, a refresh whose answer is lost, and whatever a
 * person's properties may hold in place of a token.
 */
const ANN = "ann@example.com";
const BEN = "ben@example.com";
const FOREIGN_OR_EXPIRED = "This sign-in link was started by someone else or has expired: start again from the sidebar.";
const LIBRARY_TOKEN = "oauth2.ringcentral";

describe("signing in from Sheets (dist/Code.js in the Apps Script runtime)", () => {
  let sandbox: RunningSandbox;
  let runtime: AppsScriptRuntime;
  /** Every exchange the sandbox answered: a request whose answer was lost is not among them. */
  const exchanges: Exchange[] = [];

  beforeAll(async () => {
    // Time ×10: an authorization code lives 6 s, enough for a loaded machine to reach the callback.
    sandbox = await startSandbox({ seed: 11, timeScale: 10, onExchange: (exchange) => exchanges.push(exchange) });
    const document = SheetsDocument.blank("sign-in", { owner: ANN, editors: [ANN, BEN], domain: null });
    runtime = startBuiltAddIn({ document, user: ANN, sandbox: sandbox.serverUrl });
  });
  afterAll(async () => {
    await runtime?.close();
    await sandbox?.close();
  });

  const properties = (user: string) => runtime.services.properties.user(user).values;
  const signInKeys = (user: string) => [...properties(user).keys()].filter((k) => /^(rcsheets|oauth2)\./.test(k));

  /** A sidebar call as `user`; the value, or the error its outcome carries (as the sidebar would show it). */
  async function call(user: string, name: string, input: unknown = {}): Promise<{ value?: unknown; error?: string }> {
    const answer = await sidebarCall(runtime, name, input, user);
    if (!answer.outcome.ok) return { error: answer.outcome.error ?? "" };
    return { value: answer.value };
  }

  /** A public app of its own per test: the Auth usage group is counted per app. */
  const publicApp = () => sandbox.registerApp({ grants: ["authorization_code", "refresh_token"], clientSecret: null }).clientId;

  async function startSignIn(user: string, clientId: string): Promise<string> {
    const { value } = await call(user, "startAuthorization", { server: PRODUCTION, clientId });
    return (value as { url: string }).url;
  }

  /** The person signs in on the sandbox's page; RingCentral redirects to /usercallback with these parameters. */
  async function signInOnPage(authorizationUrl: string, login: { username: string; password: string }) {
    const form = new URLSearchParams({ ...Object.fromEntries(new URL(authorizationUrl).searchParams), ...login });
    const answer = await fetch(`${sandbox.serverUrl}/restapi/oauth/authorize`, {
      method: "POST",
      body: form,
      redirect: "manual",
    });
    expect(answer.status).toBe(302);
    return Object.fromEntries(new URL(answer.headers.get("location") ?? "").searchParams);
  }

  /** Opening the callback link in `user`'s browser: Apps Script runs authCallback as them; the page's text. */
  async function openCallback(user: string, query: Record<string, string>): Promise<string> {
    const outcome = await runtime.userCallback(query, user);
    expect(outcome, outcome.error).toMatchObject({ ok: true });
    return HtmlOutput.contentOf(outcome.value as HtmlOutput).content;
  }

  const owner = () => ({ username: sandbox.owner.username, password: sandbox.owner.password });
  /** Another enabled user of the account who can sign in on the page: Ben's RingCentral identity. */
  function anotherUser() {
    const other = sandbox
      .state()
      .extensions.find((e) => e.type === "User" && e.status === "Enabled" && e.password && e.id !== sandbox.owner.id);
    if (!other?.password) throw new Error("the seeded account has no second user with a password");
    return { username: other.contact.email ?? "", password: other.password, extensionNumber: other.extensionNumber };
  }

  const codeExchanges = (code: string | undefined) =>
    exchanges.filter((e) => e.path === "/restapi/oauth/token" && (e.requestBody as Record<string, string>)?.code === code);
  const refreshesWith = (refreshToken: string) =>
    exchanges.filter(
      (e) => e.path === "/restapi/oauth/token" && (e.requestBody as Record<string, string>)?.refresh_token === refreshToken,
    );
  const fired = (kind: FaultKind) => sandbox.faultsFired()[kind];

  it("refuses another person's callback link (login CSRF): Ann, who abandoned a sign-in, is not connected as Ben", async () => {
    const clientId = publicApp();
    const annUrl = await startSignIn(ANN, clientId); // Ann starts, and abandons the popup.
    const benUrl = await startSignIn(BEN, clientId);
    const ben = anotherUser();
    const benCallback = await signInOnPage(benUrl, ben);

    // Ben's callback link, opened in Ann's browser, runs as Ann: refused, nothing exchanged, nothing stored.
    expect(await openCallback(ANN, benCallback)).toContain(FOREIGN_OR_EXPIRED);
    expect((await call(ANN, "connectionStatus")).value).toEqual({ connected: false, server: "" });
    expect(codeExchanges(benCallback.code)).toEqual([]);
    expect(properties(ANN).has(LIBRARY_TOKEN)).toBe(false);
    expect(properties(ANN).has("rcsheets.connection")).toBe(false);

    // Ben's own sign-in was not spent: he finishes it, as himself.
    expect(await openCallback(BEN, benCallback)).toContain(`Connected to ${PRODUCTION}`);
    expect((await call(BEN, "connectedAs")).value).toMatchObject({ connected: true, extensionNumber: ben.extensionNumber });

    // Ann's own sign-in still waits for her, and connects her as herself.
    expect(await openCallback(ANN, await signInOnPage(annUrl, owner()))).toContain(`Connected to ${PRODUCTION}`);
    expect((await call(ANN, "connectedAs")).value).toMatchObject({ connected: true, extensionNumber: "101" });
    expect((await call(ANN, "disconnect")).value).toEqual({ connected: false });
    expect((await call(BEN, "disconnect")).value).toEqual({ connected: false });
  });

  it("refuses a callback after the pending sign-in expired (10 minutes), storing nothing", async () => {
    const url = await startSignIn(ANN, publicApp());
    const callback = await signInOnPage(url, owner());
    // Ten minutes pass before the link is opened: the pending record's expiry, moved to now.
    const pending = JSON.parse(properties(ANN).get("rcsheets.authorizing") ?? "{}") as { expiresAt: number };
    expect(pending.expiresAt - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(pending.expiresAt - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    properties(ANN).set("rcsheets.authorizing", JSON.stringify({ ...pending, expiresAt: Date.now() - 1 }));

    expect(await openCallback(ANN, callback)).toContain(FOREIGN_OR_EXPIRED);
    expect(codeExchanges(callback.code)).toEqual([]);
    expect(signInKeys(ANN)).toEqual([]);
    expect((await call(ANN, "connectionStatus")).value).toEqual({ connected: false, server: "" });
  });

  it("a refresh whose answer was lost: the spent token is dropped, never sent again, and the status says signed out", async () => {
    const url = await startSignIn(ANN, publicApp());
    expect(await openCallback(ANN, await signInOnPage(url, owner()))).toContain(`Connected to ${PRODUCTION}`);
    const spent = (JSON.parse(properties(ANN).get(LIBRARY_TOKEN) ?? "{}") as { refresh_token: string }).refresh_token;
    expect(spent).toMatch(/^SBX1\.refresh\./);

    // The access token dies at the next call (401), and the refresh that follows is done but its answer lost.
    const before = { expire: fired("expire"), lose: fired("lose") };
    sandbox.injectFault({ kind: "expire", method: "GET", path: "/restapi/v1.0/account/~/extension/~" });
    sandbox.injectFault({ kind: "lose", method: "POST", path: "/restapi/oauth/token" });
    const answer = await call(ANN, "connectedAs");
    expect({ expire: fired("expire"), lose: fired("lose") }).toEqual({ expire: before.expire + 1, lose: before.lose + 1 });
    expect(answer.error).toMatch(/answer to renewing your sign-in was lost.*sign in again/);

    expect(refreshesWith(spent)).toEqual([]);
    expect(properties(ANN).has(LIBRARY_TOKEN)).toBe(false);
    expect((await call(ANN, "connectionStatus")).value).toEqual({
      connected: false,
      server: PRODUCTION,
      message: "Signed out of RingCentral: sign in again.",
    });
    expect((await call(ANN, "refreshAccount")).error).toMatch(/Not signed in to RingCentral/);
    expect(refreshesWith(spent)).toEqual([]);
    expect((await call(ANN, "disconnect")).value).toEqual({ connected: false });
    expect(signInKeys(ANN)).toEqual([]);
  });

  it("a JWT connection whose refresh answer was lost logs in again by itself, never with the spent token", async () => {
    const credential = { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, jwt: sandbox.jwt };
    expect((await call(ANN, "connect", { server: PRODUCTION, ...credential })).value).toMatchObject({ connected: true });
    const key = signInKeys(ANN).find((k) => k.startsWith("rcsheets.token.")) ?? "";
    const spent = (JSON.parse(properties(ANN).get(key) ?? "{}") as { refreshToken: string }).refreshToken;
    expect(spent).toMatch(/^SBX1\.refresh\./);
    const logins = () => exchanges.filter((e) => (e.requestBody as Record<string, string>)?.assertion === sandbox.jwt).length;
    const loginsBefore = logins();

    const lostBefore = fired("lose");
    sandbox.injectFault({ kind: "expire", method: "GET", path: "/restapi/v1.0/account/~/extension/~" });
    sandbox.injectFault({ kind: "lose", method: "POST", path: "/restapi/oauth/token" });
    expect((await call(ANN, "connectedAs")).value).toMatchObject({ connected: true, extensionNumber: "101" });
    expect(fired("lose")).toBe(lostBefore + 1);
    expect(refreshesWith(spent)).toEqual([]);
    expect(logins()).toBe(loginsBefore + 1);
    expect((await call(ANN, "connectionStatus")).value).toEqual({ connected: true, server: PRODUCTION });
    expect((await call(ANN, "disconnect")).value).toEqual({ connected: false });
  });

  describe("an unreadable token reads as signed out, with a message, and Disconnect always works", () => {
    const unreadable = {
      "cut short": '{"access_token":"SBX1.access.abc","expires_in":36',
      "not JSON": "%%%",
      "a string": '"SBX1.access.abc"',
      "an array": "[1,2]",
      "another shape": '{"token":"abc","expires":3600}',
      "a number as the access token": '{"access_token":42}',
    };
    for (const [what, record] of Object.entries(unreadable))
      it(`the library's record: ${what}`, async () => {
        properties(ANN).set("rcsheets.connection", JSON.stringify({ server: PRODUCTION, clientId: "public-app" }));
        properties(ANN).set(LIBRARY_TOKEN, record);
        runtime.services.caches.user(ANN).remove(LIBRARY_TOKEN);
        const message = "Your saved RingCentral sign-in could not be read: sign in again.";
        expect((await call(ANN, "connectionStatus")).value).toEqual({ connected: false, server: PRODUCTION, message });
        for (const name of ["connectedAs", "refreshAccount"]) {
          const answer = await call(ANN, name);
          expect(answer.error, name).toContain(message);
          expect(answer.error, name).not.toMatch(/SyntaxError|JSON/);
        }
        expect((await call(ANN, "disconnect")).value).toEqual({ connected: false });
        expect(signInKeys(ANN)).toEqual([]);
        expect((await call(ANN, "connectionStatus")).value).toEqual({ connected: false, server: "" });
      });

    it("the library's record cut short in the person's cache (read before the properties)", async () => {
      properties(ANN).set("rcsheets.connection", JSON.stringify({ server: PRODUCTION, clientId: "public-app" }));
      runtime.services.caches.user(ANN).put(LIBRARY_TOKEN, '{"access_token":"SBX1.acc', 600);
      expect((await call(ANN, "connectionStatus")).value).toMatchObject({ connected: false, message: /could not be read/ });
      expect((await call(ANN, "disconnect")).value).toEqual({ connected: false });
      expect(runtime.services.caches.user(ANN).get(LIBRARY_TOKEN)).toBeNull();
    });

    it("a JWT token cut short: the JWT logs in again by itself; Disconnect clears every kept token", async () => {
      const credential = { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, jwt: sandbox.jwt };
      expect((await call(ANN, "connect", { server: PRODUCTION, ...credential })).value).toMatchObject({ connected: true });
      const key = signInKeys(ANN).find((k) => k.startsWith("rcsheets.token.")) ?? "";
      properties(ANN).set(key, '{"accessToken":"SBX1.access.x","issuedAt":17');
      properties(ANN).set("rcsheets.token.other-server.app.0000000000000000", "{");
      expect((await call(ANN, "connectionStatus")).value).toEqual({ connected: true, server: PRODUCTION });
      expect((await call(ANN, "connectedAs")).value).toMatchObject({ connected: true, extensionNumber: "101" });
      expect((await call(ANN, "disconnect")).value).toEqual({ connected: false });
      expect(signInKeys(ANN)).toEqual([]);
    });

    it("an unreadable connection record and a pending sign-in: Disconnect still forgets them all", async () => {
      properties(ANN).set("rcsheets.connection", '{"server":"https://platform.ring');
      properties(ANN).set("rcsheets.authorizing", "{}");
      properties(ANN).set(LIBRARY_TOKEN, "{");
      expect((await call(ANN, "connectionStatus")).value).toEqual({ connected: false, server: "" });
      expect((await call(ANN, "disconnect")).value).toEqual({ connected: false });
      expect(signInKeys(ANN)).toEqual([]);
    });
  });
});

import { describe, expect, it } from "vitest";
import { appsScriptHome } from "../../src/gas/home";
import { OAuth2TokenStore } from "../../src/gas/oauth2-token-store";
import { ringCentralService } from "../../src/gas/ringcentral-authorization";
import { authCallback } from "../../src/gas/triggers";
import { serverFunctions } from "../../src/server/functions";
import { type AnyServerFunction, invoke, type OutputOf } from "../../src/server/server-function";
import { useAppsScriptGlobals } from "./apps-script-globals";

const SERVER = "https://platform.ringcentral.biz";

/** Signing in through RingCentral's page in Apps Script: the OAuth2 library, the callback, the person's properties. */
describe("the Apps Script connection", () => {
  const current = useAppsScriptGlobals({ spreadsheet: true });
  const call = <K extends keyof typeof serverFunctions>(name: K, input: unknown) =>
    invoke(name, serverFunctions[name] as AnyServerFunction, appsScriptHome(), input) as OutputOf<(typeof serverFunctions)[K]>;

  it("answers the authorization URL (PKCE), and connects only once the callback has a token", () => {
    const started = call("startAuthorization", { server: SERVER, clientId: "app-1", clientSecret: "s3cret" });
    expect(started).toEqual({
      url: expect.stringMatching(
        /^https:\/\/platform\.ringcentral\.biz\/restapi\/oauth\/authorize\?client_id=app-1.*code_challenge_method=S256/,
      ),
      redirectUri: "https://script.google.com/macros/d/SCRIPT_ID/usercallback",
    });
    expect(call("connectionStatus", {})).toEqual({ connected: false, server: "" });

    const page = authCallback({
      parameter: { ...current().stateArguments, code: "the-code", state: "fake-state" },
    }) as unknown as { html: string };
    expect(page.html).toContain(`Connected to ${SERVER}`);
    expect(call("connectionStatus", {})).toEqual({ connected: true, server: SERVER });
    expect(current().properties.has("rcsheets.authorizing")).toBe(false);
    // Per person: in user properties, never in the sheet.
    expect(JSON.parse(current().properties.get("rcsheets.connection") ?? "{}")).toEqual({
      server: SERVER,
      clientId: "app-1",
      clientSecret: "s3cret",
    });
  });

  it("a declined sign-in leaves the person unconnected, and says so as text", () => {
    call("startAuthorization", { server: SERVER, clientId: "app-1" });
    const page = authCallback({ parameter: { ...current().stateArguments, error: "access_denied" } }) as unknown as {
      html: string;
    };
    expect(page.html).toContain("declined");
    expect(call("connectionStatus", {})).toMatchObject({ connected: false });
    const stray = authCallback({ parameter: { code: "x" } }) as unknown as { html: string };
    expect(stray.html).toContain("start again");
  });

  it("the client's TokenStore is the library's storage: read, refreshed tokens saved back, cleared by disconnect", () => {
    call("startAuthorization", { server: SERVER, clientId: "app-1" });
    authCallback({ parameter: { ...current().stateArguments, code: "the-code" } });
    const store = new OAuth2TokenStore(ringCentralService({ server: SERVER, clientId: "app-1" }));
    const token = store.load();
    expect(token).toMatchObject({ accessToken: "access-1", refreshToken: "refresh-1", ownerId: "42" });
    expect((token?.expiresAt ?? 0) - (token?.issuedAt ?? 0)).toBe(3_600_000);
    expect((token?.refreshExpiresAt ?? 0) - (token?.issuedAt ?? 0)).toBe(604_800_000);

    const now = Date.now();
    store.save({ accessToken: "access-2", refreshToken: "refresh-2", issuedAt: now, expiresAt: now + 3_600_000 });
    expect(ringCentralService({ server: SERVER, clientId: "app-1" }).hasAccess()).toBe(true);
    expect(store.load()).toMatchObject({ accessToken: "access-2", refreshToken: "refresh-2" });

    appsScriptHome().connection?.clear();
    expect(store.load()).toBeNull();
    expect(call("connectionStatus", {})).toMatchObject({ connected: false });
  });

  it("a JWT connection keeps its token apart from the library's", () => {
    const home = appsScriptHome();
    home.connection?.save({ server: SERVER, clientId: "app-1", clientSecret: "s", jwt: "a.b.c" });
    expect(call("connectionStatus", {})).toEqual({ connected: true, server: SERVER });
    home.connection?.clear();
    expect(call("connectionStatus", {})).toEqual({ connected: false, server: "" });
    expect([...current().properties.keys()].filter((k) => k.startsWith("rcsheets."))).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppsScriptRuntime, startAppsScriptRuntime } from "../../src/apps-script-runtime/runtime";

const SCRIPT = `
function authorizationUrl() {
  var service = OAuth2.createService("ringcentral")
    .setAuthorizationBaseUrl("https://platform.ringcentral.com/restapi/oauth/authorize")
    .setTokenUrl("https://platform.ringcentral.com/restapi/oauth/token")
    .setClientId("app-1")
    .setCallbackFunction("authCallback")
    .setPropertyStore(PropertiesService.getUserProperties())
    .setCache(CacheService.getUserCache())
    .setLock(LockService.getUserLock());
  return {
    url: service.generateCodeVerifier().getAuthorizationUrl(),
    redirectUri: service.getRedirectUri(),
    hasAccess: service.hasAccess(),
    exposed: Object.keys(OAuth2).sort(),
  };
}
function authCallback(request) { return request.parameter; }
`;

describe("Google's OAuth2 library in the Apps Script runtime", () => {
  let runtime: AppsScriptRuntime;
  beforeAll(() => {
    runtime = startAppsScriptRuntime({
      code: SCRIPT,
      manifest: { dependencies: { libraries: [{ userSymbol: "OAuth2", libraryId: "1B7FSrk5", version: "43" }] } },
      scriptId: "script-1",
    });
  });
  afterAll(() => runtime.close());

  it("loads as the OAuth2 global (public names only) and builds an authorization URL with PKCE", async () => {
    const outcome = await runtime.run({ function: "authorizationUrl", kind: "editor" });
    expect(outcome.ok).toBe(true);
    const value = outcome.value as { url: string; redirectUri: string; hasAccess: boolean; exposed: string[] };
    // Names ending in "_" (STORAGE_PREFIX_, Service_…) are the library's own, as in Apps Script.
    expect(value.exposed).toEqual(["TOKEN_FORMAT", "createService", "getRedirectUri", "getServiceNames"]);
    expect(value.redirectUri).toBe("https://script.google.com/macros/d/script-1/usercallback");
    expect(value.hasAccess).toBe(false);
    const url = new URL(value.url);
    expect(`${url.origin}${url.pathname}`).toBe("https://platform.ringcentral.com/restapi/oauth/authorize");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: "app-1",
      response_type: "code",
      redirect_uri: value.redirectUri,
      code_challenge_method: "S256",
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: expect.any(String),
    });
    // The state token is opaque; the runtime opens it for /usercallback with the verifier the library put in it.
    const callback = await runtime.userCallback({ state: url.searchParams.get("state") ?? "", code: "c-1" });
    expect(callback.value).toMatchObject({ code: "c-1", serviceName: "ringcentral", codeVerifier_: expect.any(String) });
  });
});

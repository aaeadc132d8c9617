import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppsScriptRuntime, startAppsScriptRuntime } from "../../src/apps-script-runtime/runtime";
import { CACHE_KEY_TOO_LARGE, CACHE_VALUE_TOO_LARGE } from "../../src/apps-script-runtime/services/cache-service";
import { PROPERTY_STORE_FULL, PROPERTY_VALUE_TOO_LARGE } from "../../src/apps-script-runtime/services/properties-service";

const SCRIPT = `
function attempt(fn) { try { fn(); return "ok"; } catch (e) { return e.message; } }
function limits() {
  var props = PropertiesService.getUserProperties();
  var cache = CacheService.getUserCache();
  var nineKb = new Array(9 * 1024 + 1).join("x");
  return {
    propertyAtLimit: attempt(function () { props.setProperty("fits", nineKb); }),
    propertyOver: attempt(function () { props.setProperty("big", nineKb + "x"); }),
    storeOver: attempt(function () {
      var many = {};
      for (var i = 0; i < 60; i++) many["k" + i] = nineKb;
      props.setProperties(many);
    }),
    cacheValueOver: attempt(function () { cache.put("v", new Array(100 * 1024 + 2).join("x")); }),
    cacheKeyOver: attempt(function () { cache.put(new Array(252).join("k"), "v"); }),
    cacheKeyAtLimit: attempt(function () { cache.put(new Array(251).join("k"), "v"); }),
  };
}
function cacheRoundTrip() {
  var cache = CacheService.getScriptCache();
  cache.putAll({ a: "1", b: "2" }, 30);
  cache.put("c", "3");
  cache.remove("b");
  return cache.getAll(["a", "b", "c"]);
}
function holdDocumentLock() {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(0)) return "not locked";
  while (CacheService.getScriptCache().get("release") !== "yes") Utilities.sleep(10);
  lock.releaseLock();
  return "held, then released";
}
function tryDocumentLock() {
  var got = LockService.getDocumentLock().tryLock(0);
  CacheService.getScriptCache().put("release", "yes");
  return got;
}
function fetchRouted(origin) {
  var response = UrlFetchApp.fetch(origin + "/restapi/v1.0/ping?x=1", {
    method: "post", payload: { a: "1", b: "two words" }, headers: { Authorization: "Bearer t0ken" } });
  return { code: response.getResponseCode(), text: response.getContentText(), header: response.getHeaders()["X-Answer"] };
}
function fetchMuted() {
  var response = UrlFetchApp.fetch("https://platform.ringcentral.com/missing", { muteHttpExceptions: true });
  return [response.getResponseCode(), response.getContentText()];
}
function fetchUnmuted() { return UrlFetchApp.fetch("https://platform.ringcentral.com/missing").getResponseCode(); }
function fetchElsewhere() { return UrlFetchApp.fetch("https://example.com/").getResponseCode(); }
`;

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe("the Apps Script runtime's services", () => {
  let runtime: AppsScriptRuntime;
  let server: Server;
  const seen: Seen[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        seen.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
        if (request.url === "/missing") {
          response.writeHead(404, { "Content-Type": "application/json" });
          response.end(JSON.stringify({ errorCode: "CMN-102", message: "Resource for parameter [x] is not found" }));
          return;
        }
        response.writeHead(200, { "Content-Type": "text/plain", "X-Answer": "42" });
        response.end("pong");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    runtime = startAppsScriptRuntime({
      code: SCRIPT,
      manifest: {
        oauthScopes: ["https://www.googleapis.com/auth/script.external_request"],
        urlFetchWhitelist: ["https://platform.ringcentral.com/", "https://platform.ringcentral.biz/"],
      },
      routes: { "https://platform.ringcentral.com": local, "https://platform.ringcentral.biz": local },
    });
  });
  afterAll(async () => {
    await runtime.close();
    await new Promise((resolve) => server.close(resolve));
  });
  const editor = (name: string, args: unknown[] = []) => runtime.run({ function: name, kind: "editor", args });

  it("refuses a property over 9 KB, a store over 500 KB, a cache value over 100 KB and a key over 250 characters", async () => {
    expect((await editor("limits")).value).toEqual({
      propertyAtLimit: "ok",
      propertyOver: PROPERTY_VALUE_TOO_LARGE,
      storeOver: PROPERTY_STORE_FULL,
      cacheValueOver: CACHE_VALUE_TOO_LARGE,
      cacheKeyOver: CACHE_KEY_TOO_LARGE,
      cacheKeyAtLimit: "ok",
    });
    // The refused batch wrote nothing.
    expect([...runtime.services.properties.user("person@example.com").values.keys()]).toEqual(["fits"]);
  });

  it("keeps cache entries for their lifetime, by the host's clock", async () => {
    expect((await editor("cacheRoundTrip")).value).toEqual({ a: "1", c: "3" });
  });

  it("excludes concurrent executions with the document lock", async () => {
    const holder = editor("holdDocumentLock");
    while (runtime.services.locks.document.holder === null) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await editor("tryDocumentLock")).toMatchObject({ ok: true, value: false });
    expect(await holder).toMatchObject({ ok: true, value: "held, then released" });
    expect(await editor("tryDocumentLock")).toMatchObject({ ok: true, value: true });
  });

  it("sends a RingCentral URL to its local route, as a hosts file would", async () => {
    seen.length = 0;
    const outcome = await editor("fetchRouted", ["https://platform.ringcentral.biz"]);
    expect(outcome.value).toEqual({ code: 200, text: "pong", header: "42" });
    expect(outcome.calls["UrlFetchApp.fetch"]).toBe(1);
    expect(seen).toEqual([
      expect.objectContaining({
        method: "POST",
        url: "/restapi/v1.0/ping?x=1",
        body: "a=1&b=two%20words",
        headers: expect.objectContaining({
          host: "platform.ringcentral.biz",
          authorization: "Bearer t0ken",
          "content-type": "application/x-www-form-urlencoded",
        }),
      }),
    ]);
  });

  it("hands back a 4xx with muteHttpExceptions, and throws Apps Script's text without it", async () => {
    expect((await editor("fetchMuted")).value).toEqual([
      404,
      '{"errorCode":"CMN-102","message":"Resource for parameter [x] is not found"}',
    ]);
    expect((await editor("fetchUnmuted")).error).toBe(
      'Exception: Request failed for https://platform.ringcentral.com returned code 404. Truncated server response: {"errorCode":"CMN-102","message":"Resource for parameter [x] is not found"} (use muteHttpExceptions option to examine full response)',
    );
  });

  it("refuses a host outside the manifest's urlFetchWhitelist", async () => {
    seen.length = 0;
    expect((await editor("fetchElsewhere")).error).toBe(
      "Exception: URL (https://example.com/) does not match any of the prefixes whitelisted for use in the add-on.",
    );
    expect(seen).toEqual([]);
  });

  it("never reaches the real network: a host without a route is unreachable", async () => {
    const open = startAppsScriptRuntime({ code: SCRIPT, manifest: {} });
    try {
      expect((await open.run({ function: "fetchElsewhere", kind: "editor" })).error).toBe(
        "Exception: DNS error: https://example.com/",
      );
    } finally {
      await open.close();
    }
  });
});

describe("Session in the Apps Script runtime", () => {
  it("answers a blank email for a person whose email Google withholds, theirs for everyone else", async () => {
    const runtime = startAppsScriptRuntime({
      code: "function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }",
      manifest: { oauthScopes: ["https://www.googleapis.com/auth/userinfo.email"] },
      hiddenEmails: ["someone@gmail.com"],
    });
    try {
      const as = (user: string) => runtime.run({ function: "who", kind: "editor", user });
      expect((await as("someone@gmail.com")).value).toEqual(["", ""]);
      expect((await as("ann@example.com")).value).toEqual(["ann@example.com", "ann@example.com"]);
    } finally {
      await runtime.close();
    }
  });
});

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SPREADSHEET_CALL_MS } from "../../src/apps-script-runtime/execution-host";
import type { HostService } from "../../src/apps-script-runtime/host-service";
import { type AppsScriptRuntime, startAppsScriptRuntime } from "../../src/apps-script-runtime/runtime";
import {
  DAILY_QUOTA_USED,
  HEADERS_TOO_LARGE,
  PAYLOAD_TOO_LARGE,
  RESPONSE_TOO_LARGE,
  TOO_MANY_HEADERS,
  URL_TOO_LONG,
} from "../../src/apps-script-runtime/services/url-fetch-limits";
import { SheetsDocument } from "../../src/apps-script-runtime/spreadsheet/document";
import { spreadsheetService } from "../../src/apps-script-runtime/spreadsheet/service";

/** Rules Google publishes that the runtime once let pass: each test is one page's rule (docs/apps-script-runtime.md). */
const SCRIPT = `
function attempt(fn) { try { return fn(); } catch (e) { return String(e); } }
function fillCache(count, firstSeconds) {
  var cache = CacheService.getScriptCache();
  cache.put("first", "1", firstSeconds);
  var many = {};
  for (var i = 0; i < count; i++) many["k" + i] = String(i);
  cache.putAll(many, 600);
  return [cache.get("first"), cache.get("k0"), cache.get("k" + (count - 1))];
}
function documentServices() {
  return {
    lock: LockService.getDocumentLock() === null,
    cache: CacheService.getDocumentCache() === null,
    properties: PropertiesService.getDocumentProperties() === null,
    spreadsheet: SpreadsheetApp.getActiveSpreadsheet() === null,
    script: CacheService.getScriptCache() !== null && LockService.getScriptLock() !== null,
    user: PropertiesService.getUserProperties() !== null,
  };
}
function callback(request) { return documentServices(); }
function sleepFor(ms) { return attempt(function () { Utilities.sleep(ms); return "slept"; }); }
function fetchWith(origin, what) {
  var url = origin + "/ok";
  return attempt(function () {
    if (what === "longUrl") return UrlFetchApp.fetch(url + "?q=" + new Array(2048).join("x")).getResponseCode();
    if (what === "urlAtLimit") return UrlFetchApp.fetch(url + "?q=" + new Array(2048 - url.length - 2).join("x")).getResponseCode();
    if (what === "bigPayload") return UrlFetchApp.fetch(url, { method: "post", payload: new Array(50 * 1024 * 1024 + 2).join("x") }).getResponseCode();
    if (what === "manyHeaders") {
      var headers = {};
      for (var i = 0; i < 101; i++) headers["X-H" + i] = "v";
      return UrlFetchApp.fetch(url, { headers: headers }).getResponseCode();
    }
    if (what === "bigHeaders") return UrlFetchApp.fetch(url, { headers: { "X-Big": new Array(8 * 1024).join("x") } }).getResponseCode();
    if (what === "bigResponse") return UrlFetchApp.fetch(origin + "/big").getResponseCode();
    return UrlFetchApp.fetch(url).getResponseCode();
  });
}
function fetchAllOf(origin, n) {
  var requests = [];
  for (var i = 0; i < n; i++) requests.push({ url: origin + "/ok" });
  return attempt(function () { return UrlFetchApp.fetchAll(requests).length; });
}
function touchSheets(times) {
  var spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  for (var i = 0; i < times; i++) spreadsheet.getName();
  return times;
}
`;

const ORIGIN = "https://platform.ringcentral.com";
const FETCH_SCOPES = ["https://www.googleapis.com/auth/script.external_request"];

function localServer(): Promise<{ server: Server; url: string; requests: () => number }> {
  let requests = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      requests++;
      if (request.url === "/big") {
        // Just over 50 MB, written in parts.
        response.writeHead(200, { "Content-Type": "text/plain" });
        const part = Buffer.alloc(1024 * 1024, "x");
        for (let i = 0; i < 50; i++) response.write(part);
        response.end("x");
        return;
      }
      response.writeHead(200, { "Content-Type": "text/plain" });
      response.end("ok");
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => requests }),
    ),
  );
}

describe("the cache's cap (reference/cache/cache#put: 1,000 items; past it, the 900 farthest from expiration stay)", () => {
  let runtime: AppsScriptRuntime;
  beforeAll(() => {
    runtime = startAppsScriptRuntime({ code: SCRIPT, manifest: {} });
  });
  afterAll(() => runtime.close());

  it("keeps 1,000 items, and of 1,001 keeps the 900 farthest from expiration", async () => {
    const full = await runtime.run({ function: "fillCache", kind: "editor", args: [999, 60] });
    expect(full.value).toEqual(["1", "0", "998"]);
    expect(runtime.services.caches.script.size()).toBe(1000);
    // One more: the soonest to expire ("first", 60 s) goes with the 100 next soonest (the oldest of the 600 s ones).
    const over = await runtime.run({ function: "fillCache", kind: "editor", args: [1000, 60] });
    expect(over.value).toEqual([null, null, "999"]);
    expect(runtime.services.caches.script.size()).toBe(900);
  });
});

describe("outside a containing document (the /usercallback of a sign-in)", () => {
  let runtime: AppsScriptRuntime;
  beforeAll(() => {
    const document = SheetsDocument.blank("doc", { owner: "person@example.com", editors: [], domain: null });
    runtime = startAppsScriptRuntime({ code: SCRIPT, manifest: {}, services: [spreadsheetService(document)] });
  });
  afterAll(() => runtime.close());

  it("answers null for the document's lock, cache, properties and spreadsheet; the script's and the person's stay", async () => {
    const token = runtime.services.stateTokens.sign({ method: "callback", arguments: {}, expiresAt: Date.now() + 60_000 });
    const outside = await runtime.userCallback({ state: token, code: "c" });
    expect(outside.value).toEqual({ lock: true, cache: true, properties: true, spreadsheet: true, script: true, user: true });
    const inside = await runtime.run({ function: "documentServices", kind: "server" });
    expect(inside.value).toEqual({ lock: false, cache: false, properties: false, spreadsheet: false, script: true, user: true });
    const asked = await runtime.run({ function: "documentServices", kind: "editor", standalone: true });
    expect(asked.value).toMatchObject({ lock: true, spreadsheet: true });
  });
});

describe("Utilities.sleep (reference/utilities/utilities#sleep: at most 300000 ms)", () => {
  let runtime: AppsScriptRuntime;
  beforeAll(() => {
    runtime = startAppsScriptRuntime({ code: SCRIPT, manifest: {} });
  });
  afterAll(() => runtime.close());

  it("refuses more than 300000 ms before sleeping at all", async () => {
    const started = Date.now();
    const over = await runtime.run({ function: "sleepFor", kind: "editor", args: [300_001] });
    expect(over.value).toBe("Exception: Invalid argument: milliseconds");
    expect(Date.now() - started).toBeLessThan(60_000);
    expect((await runtime.run({ function: "sleepFor", kind: "editor", args: [5] })).value).toBe("slept");
  });
});

describe("UrlFetchApp's limits and daily quota (guides/services/quotas)", () => {
  let runtime: AppsScriptRuntime;
  let local: Awaited<ReturnType<typeof localServer>>;
  beforeAll(async () => {
    local = await localServer();
    runtime = startAppsScriptRuntime({
      code: SCRIPT,
      manifest: { oauthScopes: FETCH_SCOPES },
      routes: { [ORIGIN]: local.url },
      // A day of 5 calls, so that the quota is reached in a test.
      urlFetchCallsPerDay: 5,
    });
  });
  afterAll(async () => {
    await runtime.close();
    await new Promise((resolve) => local.server.close(resolve));
  });
  const fetchAs = async (what: string, user = "ann@example.com") =>
    (await runtime.run({ function: "fetchWith", kind: "editor", args: [ORIGIN, what], user })).value;

  it("refuses a URL over 2 KB, a payload over 50 MB, over 100 headers or 8 KB of them, before anything is sent", async () => {
    const before = local.requests();
    expect(await fetchAs("longUrl")).toBe(`Exception: ${URL_TOO_LONG}`);
    expect(await fetchAs("bigPayload")).toBe(`Exception: ${PAYLOAD_TOO_LARGE}`);
    expect(await fetchAs("manyHeaders")).toBe(`Exception: ${TOO_MANY_HEADERS}`);
    expect(await fetchAs("bigHeaders")).toBe(`Exception: ${HEADERS_TOO_LARGE}`);
    expect(local.requests()).toBe(before);
    // Refused calls used none of the day's quota.
    expect(runtime.services.urlFetchQuota.used("ann@example.com")).toBe(0);
  });

  it("sends a URL of exactly 2 KB, and refuses an answer over 50 MB", async () => {
    expect(await fetchAs("urlAtLimit", "bo@example.com")).toBe(200);
    expect(await fetchAs("bigResponse", "bo@example.com")).toBe(`Exception: ${RESPONSE_TOO_LARGE}`);
  });

  it("counts each person's calls, fetchAll's each, and refuses the one past the day's quota", async () => {
    expect((await runtime.run({ function: "fetchAllOf", kind: "editor", args: [ORIGIN, 4], user: "cy@example.com" })).value).toBe(
      4,
    );
    expect(await fetchAs("ok", "cy@example.com")).toBe(200);
    expect(await fetchAs("ok", "cy@example.com")).toBe(`Exception: ${DAILY_QUOTA_USED}`);
    // A fetchAll that would pass the quota sends none of its requests.
    const sent = local.requests();
    expect((await runtime.run({ function: "fetchAllOf", kind: "editor", args: [ORIGIN, 2], user: "cy@example.com" })).value).toBe(
      `Exception: ${DAILY_QUOTA_USED}`,
    );
    expect(local.requests()).toBe(sent);
    // Another person's quota is their own.
    expect(await fetchAs("ok", "di@example.com")).toBe(200);
  });
});

describe("the price of a SpreadsheetApp call", () => {
  const counting: HostService = {
    name: "SpreadsheetApp",
    create: () => ({
      [Symbol.toStringTag]: "SpreadsheetApp",
      getActiveSpreadsheet: () => ({ [Symbol.toStringTag]: "Spreadsheet", getName: () => "Users" }),
    }),
  };

  it(`is ${SPREADSHEET_CALL_MS} ms by default, and nothing when the runtime is told {}`, async () => {
    const priced = startAppsScriptRuntime({ code: SCRIPT, manifest: {}, services: [counting] });
    const free = startAppsScriptRuntime({ code: SCRIPT, manifest: {}, services: [counting], latencyMs: {} });
    try {
      const slow = await priced.run({ function: "touchSheets", kind: "editor", args: [20] });
      const fast = await free.run({ function: "touchSheets", kind: "editor", args: [20] });
      expect(slow.serviceCalls.SpreadsheetApp).toBe(21);
      expect(slow.durationMs).toBeGreaterThanOrEqual(21 * SPREADSHEET_CALL_MS);
      // Free: what is left is the machine's own pace, whatever its load.
      expect(fast.durationMs).toBeLessThan(slow.durationMs);
    } finally {
      await Promise.all([priced.close(), free.close()]);
    }
  });
});

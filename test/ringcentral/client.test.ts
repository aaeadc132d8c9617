import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/ringcentral/api-error";
import { base64, NotSignedInError, RingCentralClient } from "../../src/ringcentral/client";
import { type HttpRequest, type HttpResponse, type HttpTransport, NetworkError } from "../../src/ringcentral/http";
import { MemoryTokenStore, type TokenLock } from "../../src/ringcentral/token";
import { FakeClock } from "./fake-clock";

type Reply = HttpResponse | NetworkError | ((request: HttpRequest) => HttpResponse);

/** A transport that answers token requests itself and API requests from a script, recording everything. */
class ScriptedTransport implements HttpTransport {
  readonly sent: HttpRequest[] = [];
  tokens = 0;
  constructor(
    private readonly replies: Reply[],
    private readonly expiresIn = 3600,
  ) {}
  async send(request: HttpRequest): Promise<HttpResponse> {
    this.sent.push(request);
    if (request.url.endsWith("/restapi/oauth/token")) {
      this.tokens++;
      return json(200, {
        access_token: `access-${this.tokens}`,
        refresh_token: `refresh-${this.tokens}`,
        expires_in: this.expiresIn,
        refresh_token_expires_in: 604800,
      });
    }
    const reply = this.replies.shift();
    if (!reply) throw new Error(`No reply scripted for ${request.method} ${request.url}`);
    if (reply instanceof NetworkError) throw reply;
    return typeof reply === "function" ? reply(request) : reply;
  }
  api(): HttpRequest[] {
    return this.sent.filter((r) => !r.url.includes("/oauth/"));
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

function client(replies: Reply[], options: { expiresIn?: number; jwt?: string | undefined } = {}) {
  const transport = new ScriptedTransport(replies, options.expiresIn);
  const clock = new FakeClock();
  const store = new MemoryTokenStore();
  const rc = new RingCentralClient({
    server: "http://127.0.0.1:9999/",
    clientId: "app-id",
    clientSecret: "app-secret",
    jwt: "jwt" in options ? options.jwt : "the-jwt",
    transport,
    clock,
    store,
    retry: { attempts: 3, baseMs: 1000, maxMs: 8000 },
  });
  return { rc, transport, clock, store };
}

describe("RingCentralClient", () => {
  it("signs in with the JWT once (Basic auth, form body) and sends the bearer token", async () => {
    const { rc, transport } = client([json(200, { id: 1 }), json(200, { id: 2 })]);
    await rc.call("readExtension", { path: { extensionId: 1 } });
    await rc.call("readExtension", { path: { extensionId: 2 } });
    const login = transport.sent[0] as HttpRequest;
    expect(login.headers.authorization).toBe(`Basic ${base64("app-id:app-secret")}`);
    expect(login.body).toBe("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=the-jwt");
    expect(transport.tokens).toBe(1);
    expect(transport.api().map((r) => [r.url, r.headers.authorization])).toEqual([
      ["http://127.0.0.1:9999/restapi/v1.0/account/~/extension/1", "Bearer access-1"],
      ["http://127.0.0.1:9999/restapi/v1.0/account/~/extension/2", "Bearer access-1"],
    ]);
  });

  it("refreshes ahead of expiry with the refresh token, once for calls made together", async () => {
    const { rc, transport, clock } = client([json(200, {}), json(200, {}), json(200, {})], { expiresIn: 600 });
    await rc.call("readAccount");
    clock.time += 580_000;
    await Promise.all([rc.call("readAccount"), rc.call("readAccount")]);
    const refreshes = transport.sent.filter((r) => r.body?.includes("grant_type=refresh_token"));
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]?.body).toContain("refresh_token=refresh-1");
    expect(
      transport
        .api()
        .slice(1)
        .map((r) => r.headers.authorization),
    ).toEqual(["Bearer access-2", "Bearer access-2"]);
  });

  it("on a 401 gets a fresh token and tries once more", async () => {
    const { rc, transport } = client([
      json(401, { errorCode: "OAU-128", message: "Access token expired" }),
      json(200, { ok: true }),
    ]);
    expect(await rc.call("readAccount")).toEqual({ ok: true });
    expect(transport.tokens).toBe(2);
  });

  it("without a token or a JWT, says that someone must sign in", async () => {
    const { rc } = client([], { jwt: undefined });
    await expect(rc.call("readAccount")).rejects.toThrow(NotSignedInError);
  });

  it("retries a GET after a 5xx and after a lost answer, with growing backoff", async () => {
    const { rc, clock } = client([json(503, {}), new NetworkError("reset"), json(200, { ok: 1 })]);
    expect(await rc.call("listSites")).toEqual({ ok: 1 });
    expect(clock.sleeps.filter((ms) => ms >= 1000)).toEqual([1000, 2000]);
  });

  it("never repeats a create after a 5xx or a lost answer", async () => {
    const first = client([json(503, { errorCode: "CMN-211", message: "Service unavailable" })]);
    await expect(first.rc.call("createExtension", { body: { type: "Voicemail" } })).rejects.toMatchObject({ status: 503 });
    expect(first.transport.api()).toHaveLength(1);
    const second = client([new NetworkError("socket hang up")]);
    await expect(second.rc.call("createExtension", { body: {} })).rejects.toThrow(NetworkError);
    expect(second.transport.api()).toHaveLength(1);
  });

  it("waits out a 429's Retry-After and sends again, even a create", async () => {
    const { rc, clock, transport } = client([json(429, { errorCode: "CMN-301" }, { "retry-after": "2" }), json(200, { id: 5 })]);
    const before = clock.now();
    expect(await rc.call("createExtension", { body: {} })).toEqual({ id: 5 });
    expect(clock.now() - before).toBeGreaterThanOrEqual(2000);
    expect(transport.api()).toHaveLength(2);
  });

  it("turns a refusal into an ApiError with its code and parameter", async () => {
    const { rc } = client([
      json(400, {
        errorCode: "CMN-101",
        message: "Parameter [extensionNumber] value is invalid",
        errors: [{ errorCode: "CMN-101", message: "dup", parameterName: "extensionNumber" }],
      }),
    ]);
    const error = await rc.call("updateExtension", { path: { extensionId: 7 }, body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, errorCode: "CMN-101", parameterName: "extensionNumber" });
  });

  it("follows navigation.nextPage, only ever to the configured server", async () => {
    const { rc, transport } = client([
      json(200, {
        records: [{ id: 1 }],
        navigation: { nextPage: { uri: "https://elsewhere.example/restapi/v1.0/account/~/extension?page=2&perPage=1" } },
      }),
      json(200, { records: [{ id: 2 }], navigation: {} }),
    ]);
    const records = await rc.listAll<{ id: number }>("listExtensions", { query: { perPage: 1, type: ["User", "Limited"] } });
    expect(records.map((r) => r.id)).toEqual([1, 2]);
    expect(transport.api().map((r) => r.url)).toEqual([
      "http://127.0.0.1:9999/restapi/v1.0/account/~/extension?perPage=1&type=User&type=Limited",
      "http://127.0.0.1:9999/restapi/v1.0/account/~/extension?page=2&perPage=1",
    ]);
  });

  it("revokes the session and forgets the token, whatever the platform answers", async () => {
    const { rc, store, transport } = client([json(200, {})]);
    await rc.call("readAccount");
    await rc.revoke();
    expect(store.load()).toBeNull();
    expect(transport.sent.at(-1)?.url).toBe("http://127.0.0.1:9999/restapi/oauth/revoke");
  });

  it("encodes Basic credentials as base64 of UTF-8", () => {
    expect(base64("app-id:app-secret")).toBe(Buffer.from("app-id:app-secret").toString("base64"));
    expect(base64("é:ü✓")).toBe(Buffer.from("é:ü✓").toString("base64"));
    expect(base64("a")).toBe("YQ==");
  });
});

/** A lock shared by everything given it: one holder at a time, the others queued (Apps Script's user lock). */
class QueueLock implements TokenLock {
  private tail: Promise<unknown> = Promise.resolve();
  hold<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

describe("two executions of one person (two clients over one token store)", () => {
  const twoClients = (tokenLock?: TokenLock) => {
    const transport = new ScriptedTransport([json(200, {}), json(200, {}), json(200, {})], 600);
    const clock = new FakeClock();
    const store = new MemoryTokenStore();
    const make = () =>
      new RingCentralClient({
        server: "http://127.0.0.1:9999",
        clientId: "app-id",
        transport,
        clock,
        store,
        ...(tokenLock ? { tokenLock } : {}),
      });
    store.save({
      accessToken: "access-0",
      refreshToken: "refresh-0",
      issuedAt: clock.time - 590_000,
      expiresAt: clock.time + 10_000,
    });
    return { first: make(), second: make(), transport, store };
  };
  const refreshes = (transport: ScriptedTransport) =>
    transport.sent.filter((r) => r.body?.includes("grant_type=refresh_token")).map((r) => r.body);

  it("refresh once under the lock: the second reads the first's new token inside it and sends no refresh", async () => {
    const { first, second, transport, store } = twoClients(new QueueLock());
    await Promise.all([first.call("readAccount"), second.call("readAccount")]);
    expect(refreshes(transport)).toEqual(["grant_type=refresh_token&refresh_token=refresh-0&client_id=app-id"]);
    expect(transport.api().map((r) => r.headers.authorization)).toEqual(["Bearer access-1", "Bearer access-1"]);
    expect(store.load()).toMatchObject({ accessToken: "access-1", refreshToken: "refresh-1" });
  });

  it("without a lock both would spend the one refresh token (what the lock is for)", async () => {
    const { first, second, transport } = twoClients();
    await Promise.all([first.call("readAccount"), second.call("readAccount")]);
    expect(refreshes(transport)).toHaveLength(2);
  });
});

import { describe, expect, it } from "vitest";
import { NotSignedInError, RingCentralClient } from "../../src/ringcentral/client";
import { type HttpRequest, type HttpResponse, NetworkError } from "../../src/ringcentral/http";
import { MemoryTokenStore, type Token, UnreadableTokenError } from "../../src/ringcentral/token";
import { FakeClock } from "./fake-clock";

/** What the token endpoint does with a refresh: a lost answer, a refusal, a server error, or a new pair. */
type TokenReply = "lost" | "refused" | "5xx" | "ok";

const json = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** A client with a token due for renewal; the token endpoint answers refreshes as told, JWT logins always. */
function clientWithStaleToken(refreshReply: TokenReply, options: { jwt?: string } = {}) {
  const clock = new FakeClock();
  const store = new MemoryTokenStore();
  const sent: HttpRequest[] = [];
  store.save({ accessToken: "access-0", refreshToken: "refresh-0", issuedAt: clock.time - 3_600_000, expiresAt: clock.time });
  const transport = {
    async send(request: HttpRequest): Promise<HttpResponse> {
      sent.push(request);
      if (!request.url.endsWith("/restapi/oauth/token")) return json(200, { id: 1 });
      if (request.body?.includes("grant_type=refresh_token")) {
        if (refreshReply === "lost") throw new NetworkError("No answer from http://127.0.0.1:9999: connection reset");
        if (refreshReply === "refused")
          return json(400, { error: "invalid_grant", error_description: "Refresh token is invalid or already used" });
        if (refreshReply === "5xx") return json(503, { errorCode: "CMN-211", message: "Service unavailable" });
      }
      return json(200, { access_token: "access-1", refresh_token: "refresh-1", expires_in: 3600 });
    },
  };
  const rc = new RingCentralClient({
    server: "http://127.0.0.1:9999",
    clientId: "app-id",
    ...(options.jwt ? { clientSecret: "secret", jwt: options.jwt } : {}),
    transport,
    clock,
    store,
    retry: { attempts: 3, baseMs: 1000, maxMs: 8000 },
  });
  const refreshes = () => sent.filter((r) => r.body?.includes("grant_type=refresh_token")).length;
  return { rc, store, sent, refreshes };
}

describe("a refresh token is good once: a refresh is sent once", () => {
  it("a lost answer: not sent again, the token dropped, the person told to sign in again", async () => {
    const { rc, store, refreshes } = clientWithStaleToken("lost");
    const call = rc.call("readAccount");
    await expect(call).rejects.toThrow(NotSignedInError);
    await expect(call).rejects.toThrow(/answer to renewing your sign-in was lost.*sign in again/);
    expect(refreshes()).toBe(1);
    expect(store.load()).toBeNull();
    expect(rc.signInState()).toEqual({ signedIn: false, reason: "Signed out of RingCentral: sign in again." });
  });

  it("a refusal (spent or ended): the token dropped, the person told why", async () => {
    const { rc, store, refreshes } = clientWithStaleToken("refused");
    await expect(rc.call("readAccount")).rejects.toThrow(/RingCentral ended your sign-in \(Refresh token is invalid/);
    expect(refreshes()).toBe(1);
    expect(store.load()).toBeNull();
  });

  it("a server error: not repeated, but the token kept (the platform did nothing), and the next call renews", async () => {
    const { rc, store, refreshes } = clientWithStaleToken("5xx");
    await expect(rc.call("readAccount")).rejects.toThrow(/Service unavailable/);
    expect(refreshes()).toBe(1);
    expect(store.load()).toMatchObject({ refreshToken: "refresh-0" });
  });

  it("a JWT client whose refresh answer was lost logs in again by itself, and the call goes on", async () => {
    const { rc, store, sent, refreshes } = clientWithStaleToken("lost", { jwt: "the-jwt" });
    expect(await rc.call("readAccount")).toEqual({ id: 1 });
    expect(refreshes()).toBe(1);
    expect(sent.filter((r) => r.body?.includes("assertion=the-jwt"))).toHaveLength(1);
    expect(store.load()).toMatchObject({ accessToken: "access-1" });
  });
});

describe("a token the store cannot read", () => {
  class UnreadableStore extends MemoryTokenStore {
    unreadable = true;
    override load(): Token | null {
      if (this.unreadable) throw new UnreadableTokenError();
      return super.load();
    }
    // Saving or clearing replaces the record, as a real store's write does.
    override save(token: Token): void {
      this.unreadable = false;
      super.save(token);
    }
    override clear(): void {
      this.unreadable = false;
      super.clear();
    }
  }
  const make = (jwt?: string) => {
    const store = new UnreadableStore();
    const transport = {
      send: async (request: HttpRequest) =>
        request.url.endsWith("/token")
          ? json(200, { access_token: "access-1", expires_in: 3600 })
          : request.url.endsWith("/revoke")
            ? json(200, {})
            : json(200, { id: 1 }),
    };
    const rc = new RingCentralClient({
      server: "http://127.0.0.1:9999",
      clientId: "app-id",
      ...(jwt ? { clientSecret: "s", jwt } : {}),
      transport,
      clock: new FakeClock(),
      store,
    });
    return { rc, store };
  };
  const message = "Your saved RingCentral sign-in could not be read: sign in again.";

  it("is not signed in, with a message: calls say so, never a SyntaxError; revoking clears it", async () => {
    const { rc, store } = make();
    expect(rc.signInState()).toEqual({ signedIn: false, reason: message });
    await expect(rc.call("readAccount")).rejects.toThrow(new NotSignedInError(message));
    await rc.revoke();
    expect(store.load()).toBeNull();
  });

  it("a JWT client logs in again in its place", async () => {
    const { rc, store } = make("the-jwt");
    expect(await rc.call("readAccount")).toEqual({ id: 1 });
    expect(store.load()).toMatchObject({ accessToken: "access-1" });
  });
});

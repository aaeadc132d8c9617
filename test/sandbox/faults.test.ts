import { describe, expect, it } from "vitest";
import { parseFaults } from "../../src/sandbox/faults";
import { type Exchange, startSandbox } from "../../src/sandbox/index";
import { harness, v1 } from "./sandbox-fixture";

const admin = (serverUrl: string, method: string, path: string, body?: unknown) =>
  fetch(`${serverUrl}/__sandbox/${path}`, {
    method,
    ...(body ? { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } } : {}),
  });

describe("sandbox faults", () => {
  it("queues one-shot 5xx, latency, 429 and expired-token faults for matching requests", async () => {
    const h = await harness();
    const url = h.sandbox.serverUrl;
    expect(
      (
        await admin(url, "POST", "faults", {
          kind: "5xx",
          status: 500,
          method: "GET",
          path: "/restapi/v1.0/account/*/extension",
          count: 2,
        })
      ).status,
    ).toBe(204);
    expect((await h.call("GET", `${v1}/extension/~`)).status).toBe(200);
    expect((await h.call("GET", `${v1}/extension`)).status).toBe(500);
    expect((await h.call("GET", `${v1}/extension`)).status).toBe(500);
    expect((await h.call("GET", `${v1}/extension`)).status).toBe(200);

    h.sandbox.injectFault({ kind: "latency", ms: 150, path: "**/sites" });
    const started = Date.now();
    expect((await h.call("GET", `${v1}/sites`)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);

    h.sandbox.injectFault({ kind: "429", count: 2 });
    const limited = await h.call("GET", `${v1}/sites`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect((await h.call("GET", `${v1}/sites`)).status).toBe(429);
    expect((await h.call("GET", `${v1}/sites`)).status).toBe(200);

    h.sandbox.injectFault({ kind: "expire" });
    const expired = await h.call("GET", `${v1}/sites`);
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0].errorCode).toBe("OAU-128");
    expect((await h.call("GET", `${v1}/sites`)).status).toBe(401);
  });

  it("drops the connection without a response", async () => {
    const h = await harness();
    h.sandbox.injectFault({ kind: "drop" });
    await expect(h.call("GET", `${v1}/sites`)).rejects.toThrow();
    expect((await h.call("GET", `${v1}/sites`)).status).toBe(200);
  });

  it("draws random faults from the seeded PRNG", async () => {
    expect(parseFaults("5xx=0.05,latency=20ms,drop=0.02,lose=0.03,expire=0.01")).toEqual({
      serverError: 0.05,
      latencyMs: 20,
      drop: 0.02,
      lose: 0.03,
      expire: 0.01,
      rateLimit: 0,
    });
    expect(() => parseFaults("5xx=2")).toThrow();
    expect(() => parseFaults("boom=0.1")).toThrow();
    const h = await harness({ faults: "5xx=1" });
    expect(h.token).toBeUndefined();
    expect((await h.login()).status).toBeGreaterThanOrEqual(500);
    expect(h.sandbox.faultsFired()["5xx"]).toBeGreaterThan(0);
    const fired = await (await admin(h.sandbox.serverUrl, "GET", "faults")).json();
    expect(fired.fired).toMatchObject({ "5xx": h.sandbox.faultsFired()["5xx"], lose: 0, drop: 0 });
  });

  it("reads the state and registers apps and JWTs through the admin routes", async () => {
    const h = await harness();
    const state = await (await admin(h.sandbox.serverUrl, "GET", "state")).json();
    expect(state.extensions.length).toBe(75);
    const app = await (await admin(h.sandbox.serverUrl, "POST", "apps", { permissions: ["ReadAccounts"] })).json();
    const { jwt } = await (await admin(h.sandbox.serverUrl, "POST", "jwt", {})).json();
    const token = await h.login(app.clientId, app.clientSecret, jwt);
    expect(token.body.scope).toBe("ReadAccounts");
  });

  it("reports every API exchange to onExchange, and no admin route", async () => {
    const exchanges: Exchange[] = [];
    const sandbox = await startSandbox({ users: 2, lines: 3, onExchange: (e) => exchanges.push(e) });
    try {
      await fetch(`${sandbox.serverUrl}/__sandbox/state`);
      const auth = `Basic ${Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString("base64")}`;
      const token = await fetch(`${sandbox.serverUrl}/restapi/oauth/token`, {
        method: "POST",
        headers: { Authorization: auth, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: sandbox.jwt }),
      });
      const { access_token } = (await token.json()) as { access_token: string };
      await fetch(`${sandbox.serverUrl}/restapi/v1.0/account/~/extension?perPage=1`, {
        headers: { Authorization: `Bearer ${access_token}` },
      });
      expect(exchanges.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
        "POST /restapi/oauth/token 200",
        "GET /restapi/v1.0/account/~/extension 200",
      ]);
      expect(exchanges[1]?.query).toBe("perPage=1");
      expect(exchanges[1]?.responseBody).toMatchObject({ records: [expect.anything()] });
      expect(exchanges[0]?.requestBody).toMatchObject({ grant_type: expect.stringContaining("jwt-bearer") });
    } finally {
      await sandbox.close();
    }
  });
});

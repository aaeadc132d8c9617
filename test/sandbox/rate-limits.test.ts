import { describe, expect, it } from "vitest";
import { harness, v1 } from "./sandbox-fixture";

describe("sandbox rate limits", () => {
  it("carries the X-Rate-Limit headers of the operation's group", async () => {
    const h = await harness();
    const light = await h.call("GET", `${v1}/extension/~`);
    expect(light.headers.get("x-rate-limit-group")).toBe("light");
    expect(light.headers.get("x-rate-limit-limit")).toBe("50");
    expect(light.headers.get("x-rate-limit-remaining")).toBe("49");
    expect(light.headers.get("x-rate-limit-window")).toBe("60");
    const heavy = await h.call("GET", `${v1}/phone-number`);
    expect(heavy.headers.get("x-rate-limit-group")).toBe("heavy");
    expect(heavy.headers.get("x-rate-limit-limit")).toBe("10");
    const secret = await h.call("GET", "/restapi/v1.0/dictionary/secret-question");
    expect(secret.headers.get("x-rate-limit-group")).toBe("light");
  });

  it("answers 429 CMN-301 with a decimal Retry-After at a time scale, and restarts the penalty while the client keeps sending", async () => {
    // Scale 100: window and penalty 0.6 s.
    const h = await harness({ timeScale: 100 });
    for (let i = 0; i < 10; i++) expect((await h.call("GET", `${v1}/phone-number?perPage=1`)).status).toBe(200);
    const over = await h.call("GET", `${v1}/phone-number?perPage=1`);
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ errorCode: "CMN-301", errors: [{ errorCode: "CMN-301" }] });
    expect(over.headers.get("x-rate-limit-window")).toBe("0.6");
    expect(Number(over.headers.get("retry-after"))).toBeCloseTo(0.6, 1);
    // Other groups are counted apart.
    expect((await h.call("GET", `${v1}/extension/~`)).status).toBe(200);
    // Keep knocking every 0.2 s for 0.8 s: longer than one penalty, yet still refused because each knock restarts it.
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 200));
      expect((await h.call("GET", `${v1}/phone-number?perPage=1`)).status).toBe(429);
    }
    await new Promise((r) => setTimeout(r, 650));
    const after = await h.call("GET", `${v1}/phone-number?perPage=1`);
    expect(after.status).toBe(200);
    expect(after.headers.get("x-rate-limit-remaining")).toBe("9");
  });

  it("counts per app and token owner", async () => {
    const h = await harness({ timeScale: 100 });
    for (let i = 0; i < 10; i++) await h.call("GET", `${v1}/phone-number?perPage=1`);
    expect((await h.call("GET", `${v1}/phone-number?perPage=1`)).status).toBe(429);
    const other = h.sandbox.registerApp();
    const token = (await h.login(other.clientId, other.clientSecret)).body.access_token;
    expect((await h.call("GET", `${v1}/phone-number?perPage=1`, { token })).status).toBe(200);
  });

  it("limits the token endpoint to 5 per window (Auth group)", async () => {
    const h = await harness({ timeScale: 100 });
    // The harness already logged in once.
    for (let i = 0; i < 4; i++) expect((await h.login()).status).toBe(200);
    const over = await h.login();
    expect(over.status).toBe(429);
    expect(over.headers.get("x-rate-limit-group")).toBe("auth");
  });
});

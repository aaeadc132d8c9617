import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { harness } from "./sandbox-fixture";

/** node:http, not fetch: fetch will not send a Host header of our choosing, and a browser's attack needs one. */
function send(
  serverUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  const url = new URL(path, serverUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        text += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

describe("sandbox admin routes", () => {
  it("answer their own loopback host, and the credentials they print reach no other", async () => {
    const { sandbox } = await harness();
    const own = new URL(sandbox.serverUrl);
    const mine = await send(sandbox.serverUrl, "GET", "/__sandbox/connection", { Host: own.host });
    expect(mine.status).toBe(200);
    expect(JSON.parse(mine.text).jwt).toBe(sandbox.jwt);
    const named = await send(sandbox.serverUrl, "GET", "/__sandbox/connection", { Host: `localhost:${own.port}` });
    expect(named.status).toBe(200);

    // A DNS name rebound to 127.0.0.1 by a web page keeps its own Host.
    const rebound = await send(sandbox.serverUrl, "GET", "/__sandbox/connection", { Host: `attacker.example:${own.port}` });
    expect(rebound.status).toBe(403);
    expect(rebound.text).not.toContain(sandbox.jwt);
    const otherPort = await send(sandbox.serverUrl, "GET", "/__sandbox/state", { Host: "127.0.0.1:1" });
    expect(otherPort.status).toBe(403);
  });

  it("refuse another origin, and bodies that are not JSON", async () => {
    const { sandbox } = await harness();
    const host = new URL(sandbox.serverUrl).host;
    const crossSite = await send(sandbox.serverUrl, "GET", "/__sandbox/connection", {
      Host: host,
      Origin: "https://attacker.example",
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.text).not.toContain(sandbox.jwt);
    const sameOrigin = await send(sandbox.serverUrl, "GET", "/__sandbox/state", { Host: host, Origin: sandbox.serverUrl });
    expect(sameOrigin.status).toBe(200);

    // A form (text/plain) can be posted cross-site without a preflight; it must not turn SSO off.
    const form = await send(
      sandbox.serverUrl,
      "PUT",
      "/__sandbox/sso",
      { Host: host, "Content-Type": "text/plain" },
      '{"enabled":true}',
    );
    expect(form.status).toBe(415);
    const json = await send(
      sandbox.serverUrl,
      "PUT",
      "/__sandbox/sso",
      { Host: host, "Content-Type": "application/json; charset=utf-8" },
      '{"enabled":true}',
    );
    expect(json.status).toBe(200);
    expect(JSON.parse(json.text)).toEqual({ sso: true });
  });

  it("switch how bulk-update takes claims, and stick the next tasks (a fault)", async () => {
    const { sandbox } = await harness();
    const host = new URL(sandbox.serverUrl).host;
    const put = (body: string) =>
      send(sandbox.serverUrl, "PUT", "/__sandbox/bulk-update", { Host: host, "Content-Type": "application/json" }, body);
    const set = await put('{"claims":"whole","stuckTasks":2}');
    expect([set.status, JSON.parse(set.text)]).toEqual([200, { claims: "whole", stuckTasks: 2 }]);
    expect(sandbox.platform.bulkUpdate).toEqual({ claims: "whole", stuckTasks: 2 });
    expect((await put('{"claims":"sometimes"}')).status).toBe(400);
  });
});

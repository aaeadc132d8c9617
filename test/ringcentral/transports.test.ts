import { createHash } from "node:crypto";
import { mkdtemp, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PropertiesTokenStore } from "../../src/gas/properties-token-store";
import { UrlFetchTransport } from "../../src/gas/url-fetch-transport";
import { FetchTransport } from "../../src/node/fetch-transport";
import { FileTokenStore } from "../../src/node/file-token-store";
import { NetworkError } from "../../src/ringcentral/http";
import type { Token } from "../../src/ringcentral/token";

const token: Token = { accessToken: "a", issuedAt: 1, expiresAt: 2, refreshToken: "r" };

describe("FetchTransport (Node)", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = request.url?.split("?")[0];
      if (path === "/slow") return setTimeout(() => response.end("late"), 500);
      if (path === "/drop") return request.socket.destroy();
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        response.writeHead(201, { "X-Rate-Limit-Group": "medium", "Content-Type": "application/json" });
        response.end(JSON.stringify({ method: request.method, body, auth: request.headers.authorization }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends method, headers and body; hands back status, lower-case headers and body", async () => {
    const response = await new FetchTransport().send({
      method: "PUT",
      url: `${base}/x`,
      headers: { authorization: "Bearer t" },
      body: "{}",
    });
    expect(response.status).toBe(201);
    expect(response.headers["x-rate-limit-group"]).toBe("medium");
    expect(JSON.parse(response.body)).toEqual({ method: "PUT", body: "{}", auth: "Bearer t" });
  });

  it("turns a dropped connection, a refused one and a timeout into a NetworkError naming only the origin", async () => {
    const transport = new FetchTransport(100);
    await expect(transport.send({ method: "GET", url: `${base}/drop?access_token=secret`, headers: {} })).rejects.toThrow(
      NetworkError,
    );
    const error = await transport
      .send({ method: "GET", url: `${base}/slow?access_token=secret`, headers: {} })
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toContain(base);
    expect((error as Error).message).not.toContain("secret");
    await expect(transport.send({ method: "GET", url: "http://127.0.0.1:1/", headers: {} })).rejects.toThrow(NetworkError);
  });
});

describe("FileTokenStore (Node)", () => {
  it("keeps one token per server, app and credential under the config dir, readable by its owner alone", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rcsheets-tokens-"));
    const owner = { clientId: "app1", jwt: "customer-a.jwt" };
    const store = new FileTokenStore("http://127.0.0.1:8080", owner, dir);
    expect(store.load()).toBeNull();
    store.save(token);
    expect(new FileTokenStore("http://127.0.0.1:8080", owner, dir).load()).toEqual(token);
    expect(new FileTokenStore("https://platform.ringcentral.com", owner, dir).load()).toBeNull();
    // Another customer on the same server: another app, or the same app with another JWT.
    expect(new FileTokenStore("http://127.0.0.1:8080", { ...owner, clientId: "app2" }, dir).load()).toBeNull();
    expect(new FileTokenStore("http://127.0.0.1:8080", { ...owner, jwt: "customer-b.jwt" }, dir).load()).toBeNull();
    expect(store.path).not.toContain("customer-a");
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);
    store.clear();
    expect(store.load()).toBeNull();
  });
});

describe("Apps Script adapters", () => {
  it("UrlFetchTransport maps the request to UrlFetchApp's options and the answer back", async () => {
    const calls: [string, GoogleAppsScript.URL_Fetch.URLFetchRequestOptions][] = [];
    const fake = {
      fetch(url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions) {
        calls.push([url, params]);
        if (url.includes("down")) throw new Error("Address unavailable");
        return { getResponseCode: () => 429, getAllHeaders: () => ({ "Retry-After": "3" }), getContentText: () => "{}" };
      },
    };
    Object.assign(globalThis, { UrlFetchApp: fake });
    const response = await new UrlFetchTransport().send({
      method: "POST",
      url: "https://platform.ringcentral.com/restapi/oauth/token",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: "Basic x" },
      body: "a=b",
    });
    expect(response).toEqual({ status: 429, headers: { "retry-after": "3" }, body: "{}" });
    expect(calls[0]?.[1]).toEqual({
      method: "post",
      headers: { authorization: "Basic x" },
      contentType: "application/x-www-form-urlencoded",
      payload: "a=b",
      muteHttpExceptions: true,
      followRedirects: false,
    });
    await expect(new UrlFetchTransport().send({ method: "GET", url: "https://down.example/x?t=1", headers: {} })).rejects.toThrow(
      NetworkError,
    );
  });

  it("PropertiesTokenStore keeps the token in the person's user properties", () => {
    const properties = new Map<string, string>();
    const userProperties = {
      getProperty: (key: string) => properties.get(key) ?? null,
      setProperty: (key: string, value: string) => properties.set(key, value),
      deleteProperty: (key: string) => properties.delete(key),
    };
    Object.assign(globalThis, { PropertiesService: { getUserProperties: () => userProperties } });
    Object.assign(globalThis, {
      Utilities: {
        DigestAlgorithm: { SHA_256: "SHA_256" },
        Charset: { UTF_8: "UTF_8" },
        computeDigest: (_: unknown, text: string) =>
          [...createHash("sha256").update(text).digest()].map((b) => (b > 127 ? b - 256 : b)),
      },
    });
    const server = "https://platform.ringcentral.com";
    const store = new PropertiesTokenStore(server, { clientId: "app1", jwt: "customer-a.jwt" });
    store.save(token);
    const digest = createHash("sha256").update("customer-a.jwt").digest("hex").slice(0, 16);
    expect([...properties.keys()]).toEqual([`rcsheets.token.platform.ringcentral.com.app1.${digest}`]);
    expect(store.load()).toEqual(token);
    expect(new PropertiesTokenStore(server, { clientId: "app1", jwt: "customer-b.jwt" }).load()).toBeNull();
    expect(new PropertiesTokenStore(server, { clientId: "app2", jwt: "customer-a.jwt" }).load()).toBeNull();
    store.clear();
    expect(store.load()).toBeNull();
  });
});

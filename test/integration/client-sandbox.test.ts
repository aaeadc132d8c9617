import type CompanyPhoneNumberInfo from "@rc-ex/core/definitions/CompanyPhoneNumberInfo";
import type GetExtensionInfoResponse from "@rc-ex/core/definitions/GetExtensionInfoResponse";
import type GetExtensionListInfoResponse from "@rc-ex/core/definitions/GetExtensionListInfoResponse";
import type RoleResource from "@rc-ex/core/definitions/RoleResource";
import type SiteInfo from "@rc-ex/core/definitions/SiteInfo";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchTransport } from "../../src/node/fetch-transport";
import { createPkcePair } from "../../src/node/pkce";
import { ApiError } from "../../src/ringcentral/api-error";
import { RingCentralClient } from "../../src/ringcentral/client";
import { MemoryTokenStore } from "../../src/ringcentral/token";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";

/** Our client against our sandbox on loopback: every endpoint the client uses, and each refusal. */
describe("RingCentralClient against the sandbox", () => {
  let sandbox: RunningSandbox;
  let rc: RingCentralClient;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 11, timeScale: 100 });
    rc = client(sandbox);
  });
  afterAll(() => sandbox.close());

  function client(on: RunningSandbox, overrides: Partial<{ clientId: string; clientSecret: string; jwt: string }> = {}) {
    return new RingCentralClient({
      server: on.serverUrl,
      clientId: overrides.clientId ?? on.clientId,
      clientSecret: overrides.clientSecret ?? on.clientSecret,
      jwt: overrides.jwt ?? on.jwt,
      transport: new FetchTransport(5000),
      store: new MemoryTokenStore(),
      retry: { attempts: 3, baseMs: 20, maxMs: 200 },
    });
  }

  it("signs in with the JWT and lists every extension, page by page", async () => {
    const all = await rc.listAll<GetExtensionListInfoResponse>("listExtensions", { query: { perPage: 50 } });
    const unassigned = all.filter((e) => e.status === "Unassigned");
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(unassigned.every((e) => e.extensionNumber === undefined)).toBe(true);
    expect(new Set(unassigned.map((e) => e.type))).toEqual(new Set(["User", "VirtualUser", "Limited"]));
  });

  it("finds the phone number of each unassigned extension in one paged list", async () => {
    const numbers = await rc.listAll<CompanyPhoneNumberInfo>("listAccountPhoneNumbers", {
      query: { extensionStatus: "Unassigned", usageType: "DirectNumber", perPage: 1000 },
    });
    expect(numbers.length).toBeGreaterThan(50);
    expect(numbers.every((n) => /^\+\d{10,14}$/.test(n.phoneNumber ?? "") && n.extension?.id)).toBe(true);
  });

  it("turns an unassigned extension into a user, refuses a duplicate, and gives the line back on delete", async () => {
    const first = async () =>
      (
        await rc.call<{ records: GetExtensionListInfoResponse[] }>("listExtensions", {
          query: { status: "Unassigned", type: "User", perPage: 1 },
        })
      ).records[0];
    const line = await first();
    const id = line?.id as number;
    const user = await rc.call<GetExtensionInfoResponse>("updateExtension", {
      path: { extensionId: id },
      body: {
        extensionNumber: "7301",
        status: "NotActivated",
        contact: { firstName: "Ann", lastName: "Lee", email: "ann.lee.sbx@example.com" },
      },
    });
    expect(user).toMatchObject({ id, extensionNumber: "7301", status: "NotActivated" });

    const other = await first();
    const duplicate = await rc
      .call("updateExtension", {
        path: { extensionId: other?.id as number },
        body: {
          extensionNumber: "7301",
          status: "NotActivated",
          contact: { firstName: "B", lastName: "C", email: "b.c.sbx@example.com" },
        },
      })
      .catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(ApiError);
    expect(duplicate).toMatchObject({ status: 400, parameterName: "extensionNumber" });

    const before = await rc.listAll<GetExtensionListInfoResponse>("listExtensions", {
      query: { status: "Unassigned", perPage: 1000 },
    });
    await rc.call("deleteExtension", { path: { extensionId: id }, query: { savePhoneLines: true } });
    const after = await rc.listAll<GetExtensionListInfoResponse>("listExtensions", {
      query: { status: "Unassigned", perPage: 1000 },
    });
    expect(after.length).toBe(before.length + 1);
  });

  it("creates a Message Only extension, and refuses a bad PIN by parameter", async () => {
    const created = await rc.call<GetExtensionInfoResponse>("createExtension", {
      body: {
        type: "Voicemail",
        contact: { firstName: "Sales Voicemail", email: "sales.vm.sbx@example.com" },
        extensionNumber: "7302",
        status: "Enabled",
        ivrPin: "739155",
      },
    });
    expect(created).toMatchObject({ type: "Voicemail", extensionNumber: "7302" });
    const badPin = await rc
      .call("createExtension", {
        body: {
          type: "Voicemail",
          contact: { firstName: "X", email: "x.vm.sbx@example.com" },
          extensionNumber: "7303",
          status: "Enabled",
          ivrPin: "123456",
        },
      })
      .catch((e: unknown) => e);
    expect(badPin).toMatchObject({ status: 400, parameterName: "ivrPin" });
  });

  it("lists sites with the main site, and creates one", async () => {
    const sites = await rc.listAll<SiteInfo>("listSites");
    expect(sites.map((s) => s.id)).toContain("main-site");
    const site = await rc.call<SiteInfo>("createSite", {
      body: {
        name: "Sandbox Test Site",
        extensionNumber: "7390",
        businessAddress: { country: "US", state: "CA", city: "San Mateo", street: "1 Main St", zip: "94402" },
      },
    });
    expect(site.name).toBe("Sandbox Test Site");
  });

  it("lists predefined roles, creates and deletes a custom role", async () => {
    const roles = await rc.listAll<RoleResource>("listUserRoles");
    expect(roles.some((r) => r.custom === false)).toBe(true);
    const role = await rc.call<RoleResource>("createCustomRole", {
      body: { displayName: "Front Desk Sandbox", description: "test", permissions: [] },
    });
    expect(role.custom).toBe(true);
    await rc.call("deleteCustomRole", { path: { roleId: role.id as string } });
  });

  it("reads the secret questions dictionary", async () => {
    const questions = await rc.listAll<{ id: string; questionText: string }>("listSecretQuestions");
    expect(questions.length).toBeGreaterThan(0);
  });

  it("refuses a duplicate email by parameter", async () => {
    const body = (ext: string) => ({
      type: "Voicemail",
      contact: { firstName: "Dup", email: "dup.sbx@example.com" },
      extensionNumber: ext,
      status: "Enabled",
      ivrPin: "739155",
    });
    await rc.call("createExtension", { body: body("7311") });
    const duplicate = await rc.call("createExtension", { body: body("7312") }).catch((e: unknown) => e);
    expect(duplicate).toMatchObject({ status: 400, parameterName: "contact.email" });
  });

  it("refuses an app without the permission, as the platform does", async () => {
    const app = sandbox.registerApp({ permissions: ["ReadAccounts"] });
    const limited = client(sandbox, {
      clientId: app.clientId,
      clientSecret: app.clientSecret ?? "",
      jwt: sandbox.createJwt(undefined, [app.clientId]),
    });
    await expect(limited.call("readAccount")).resolves.toBeDefined();
    const refused = await limited.call("createExtension", { body: {} }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 403, errorCode: "CMN-401" });
  });

  it("rides out a 503, a dropped connection and an expired token on reads", async () => {
    sandbox.injectFault({ kind: "5xx", status: 503, method: "GET", path: "/restapi/v1.0/account/*/sites", count: 1 });
    sandbox.injectFault({ kind: "drop", method: "GET", path: "/restapi/v1.0/account/*/sites", count: 1 });
    sandbox.injectFault({ kind: "expire", method: "GET", path: "/restapi/v1.0/account/*/sites", count: 1 });
    const sites = await rc.listAll<SiteInfo>("listSites");
    expect(sites.length).toBeGreaterThan(0);
  });

  it("never sends a create again after a 503", async () => {
    sandbox.injectFault({ kind: "5xx", status: 503, method: "POST", path: "/restapi/v1.0/account/*/extension", count: 1 });
    const before = sandbox.state().extensions.length;
    const error = await rc
      .call("createExtension", {
        body: { type: "Announcement", contact: { firstName: "Once", email: "once.sbx@example.com" }, extensionNumber: "7321" },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503 });
    expect(sandbox.state().extensions.length).toBe(before);
  });

  it("waits out a 429 burst and its penalty, then gets through", async () => {
    sandbox.injectFault({ kind: "429", method: "GET", path: "/restapi/v1.0/account/*/extension", count: 2 });
    const page = await rc.call<{ records: unknown[] }>("listExtensions", { query: { perPage: 1 } });
    expect(page.records).toHaveLength(1);
  });

  it("signs a person in with the authorization code and PKCE, refreshes with a single-use token, and revokes", async () => {
    const redirectUri = "http://127.0.0.1/callback";
    const app = sandbox.registerApp({ clientSecret: null, redirectUris: [redirectUri] });
    const { verifier, challenge } = createPkcePair();
    const query = {
      response_type: "code",
      client_id: app.clientId,
      redirect_uri: redirectUri,
      state: "s1",
      code_challenge: challenge,
      code_challenge_method: "S256",
    };
    // The person's part: the sign-in page, as a browser would post it.
    const signedIn = await fetch(`${sandbox.serverUrl}/restapi/oauth/authorize`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...query, username: sandbox.owner.username, password: sandbox.owner.password }),
    });
    const code = new URL(signedIn.headers.get("location") ?? "").searchParams.get("code") ?? "";
    const store = new MemoryTokenStore();
    const person = new RingCentralClient({
      server: sandbox.serverUrl,
      clientId: app.clientId,
      transport: new FetchTransport(5000),
      store,
    });
    await person.exchangeCode({ code, redirectUri, codeVerifier: verifier });
    await expect(person.call("readAccount")).resolves.toBeDefined();
    const first = store.load();
    store.save({ ...(first as NonNullable<typeof first>), expiresAt: Date.now() + 1000, issuedAt: Date.now() - 100_000 });
    await person.call("readAccount");
    expect(store.load()?.refreshToken).not.toBe(first?.refreshToken);
    await person.revoke();
    expect(person.isSignedIn()).toBe(false);
  });

  it("refuses a wrong JWT with the platform's OAuth error", async () => {
    const wrong = client(sandbox, { jwt: "not-a-jwt" });
    await expect(wrong.call("readAccount")).rejects.toBeInstanceOf(ApiError);
  });
});

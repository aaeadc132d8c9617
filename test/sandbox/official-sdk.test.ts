import { SDK } from "@ringcentral/sdk";
import { describe, expect, it } from "vitest";
import { harness } from "./sandbox-fixture";

describe("the official @ringcentral/sdk against the sandbox", () => {
  it("logs in with the JWT and lists extensions, unchanged", async () => {
    const h = await harness();
    const sdk = new SDK({ server: h.sandbox.serverUrl, clientId: h.sandbox.clientId, clientSecret: h.sandbox.clientSecret });
    const platform = sdk.platform();
    await platform.login({ jwt: h.sandbox.jwt });
    expect(await platform.loggedIn()).toBe(true);
    const response = await platform.get("/restapi/v1.0/account/~/extension", { perPage: 10 });
    const body = (await response.json()) as { records: { id: number }[]; paging: { totalElements: number } };
    expect(body.records).toHaveLength(10);
    expect(body.paging.totalElements).toBe(75);
    await platform.logout();
  });
});

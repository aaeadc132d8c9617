import { join } from "node:path";
import type { FrameLocator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpWorkspace } from "../../src/workbook/setup";
import { artifacts, openPlayground, type PlaygroundSession } from "./session";

/**
 * The Account panel with the app's secret left blank (a public app), in the playground in headless Chromium: its
 * google.script.run hands the runtime every argument with `undefined` marked, and the runtime refuses an undefined
 * field as Apps Script's rules for google.script.run allow no such value. So a sidebar that sent
 * `clientSecret: undefined` fails here, as it may in Sheets.
 */
describe("connecting with a blank app secret (the playground in Chromium)", { timeout: 60_000 }, () => {
  let session: PlaygroundSession;
  let sidebar: FrameLocator;
  const refused = /google\.script\.run cannot pass/;

  beforeAll(async () => {
    session = await openPlayground({ seed: 6, prepare: setUpWorkspace, connected: false });
    // RingCentral's real page is not reachable from here: the sign-in window gets a stand-in.
    await session.page
      .context()
      .route("https://platform.ringcentral.com/**", (route) => route.fulfill({ body: "<title>RingCentral sign-in</title>" }));
    sidebar = session.page.frameLocator("#sidebar");
    await sidebar.getByRole("tab", { name: "Account", exact: true }).click();
  }, 60_000);
  afterAll(() => session?.close());

  it("starts RingCentral's sign-in page for a public app: the secret is left out, not sent as undefined", async () => {
    const publicApp = session.sandbox.registerApp({ grants: ["authorization_code", "refresh_token"], clientSecret: null });
    await sidebar.getByText("RingCentral's sign-in page").click();
    await sidebar.getByLabel("App client ID", { exact: true }).fill(publicApp.clientId);
    const popup = session.page.context().waitForEvent("page");
    await sidebar.getByRole("button", { name: "Sign in…" }).click();
    await (await popup).waitForURL(/^https:\/\/platform\.ringcentral\.com\/restapi\/oauth\/authorize\?/);
    await sidebar.getByText("Sign in on RingCentral's page in the new window").waitFor();
    expect(await sidebar.locator("body").textContent()).not.toMatch(refused);
  });

  it("connects with a JWT and no secret: RingCentral's answer is shown, not a refused google.script.run call", async () => {
    await sidebar.getByText("A JWT credential").click();
    await sidebar.getByLabel("App client ID", { exact: true }).fill(session.sandbox.clientId);
    await sidebar.getByLabel("JWT", { exact: true }).fill(session.sandbox.jwt);
    await sidebar.getByRole("button", { name: "Connect" }).click();
    // The sandbox's app is confidential: without its secret the token endpoint refuses the client.
    await sidebar.getByText("Invalid client credentials").waitFor();
    expect(await sidebar.locator("body").textContent()).not.toMatch(refused);
  });

  it("a sign-in that can no longer be used: the Account panel says why and offers to sign in again", async () => {
    const { addIn } = session;
    const properties = addIn.runtime.services.properties.user(addIn.person).values;
    properties.set("rcsheets.connection", JSON.stringify({ server: "https://platform.ringcentral.com", clientId: "app" }));
    properties.set("oauth2.ringcentral", '{"access_token":"SBX1.acc');
    await session.page.reload();
    await sidebar.getByRole("tab", { name: "Account", exact: true }).click();
    await sidebar.getByText("Your saved RingCentral sign-in could not be read: sign in again.").waitFor();
    await sidebar.getByRole("button", { name: /Connect|Sign in…/ }).waitFor();
    await session.page.screenshot({ path: join(artifacts, "connect-signed-out.png") });
  });
});

import { join } from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITES_TAB, USERS_TAB } from "../../src/domain/tabs";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { decodeTab } from "../../src/workbook/codec";
import { setUpWorkspace } from "../../src/workbook/setup";
import { gridCell, gridSettled } from "./grid";
import { artifacts, openPlayground, type PlaygroundSession } from "./session";

/**
 * The first hour from an empty workspace to a synced site, with no step outside the page (headless Chromium, the
 * built add-in, the sandbox): connect (which reads the account), import a customer's file for an office the account
 * has and a new one, give the new office its address from the Sync list, sync both; the account's office gets
 * numbers in its own area code. Screenshots: test-artifacts/e2e/first-hour-*.png.
 */
const CSV = [
  "Full Name,Work Email,Extension,Office,Type",
  "Ann Lee,ann.lee@example.com,4301,San Francisco,User",
  "Bob Ito,bob.ito@example.com,4302,San Francisco,User",
  "Cy Diaz,cy.diaz@example.com,4303,Austin,User",
  "Di Park,di.park@example.com,4304,Austin,User",
].join("\r\n");
const SITE = USERS_TAB.columns.findIndex((c) => c.key === "site");
const ROLE = USERS_TAB.columns.findIndex((c) => c.key === "role");

describe("the first hour, without a dead end", { timeout: 120_000 }, () => {
  let session: PlaygroundSession;
  let page: Page;
  let sidebar: FrameLocator;
  let step = 0;
  const shot = (name: string) =>
    page.screenshot({ path: join(artifacts, `first-hour-${String(++step).padStart(2, "0")}-${name}.png`) });
  const panel = (name: string) => sidebar.getByRole("tab", { name, exact: true }).click();
  const book = async () => XlsxWorkbook.open(session.workbookPath);
  const users = async () => decodeTab(USERS_TAB, (await book()).read("Users")).records;
  const accountLine = () => sidebar.getByRole("region", { name: "Account read" });
  const getStarted = () => sidebar.getByRole("region", { name: "Get started" });

  beforeAll(async () => {
    // `npm start -- --workbook NEW.xlsx`: an empty, set-up workspace, not connected.
    session = await openPlayground({ seed: 5, prepare: setUpWorkspace, height: 1000, connected: false });
    page = session.page;
    sidebar = page.frameLocator("#sidebar");
  }, 120_000);
  afterAll(() => session?.close());

  it("says the account was never read, and Get started leads to connecting", async () => {
    await accountLine().getByText("Account never read").waitFor();
    expect(await accountLine().textContent()).toContain("Connect in the Account panel to read it.");
    await shot("empty");
    await getStarted().getByRole("button", { name: "Account panel" }).click();
    await sidebar.getByLabel("RingCentral", { exact: true }).selectOption("https://platform.ringcentral.com");
    await sidebar.getByLabel("App client ID", { exact: true }).fill(session.sandbox.clientId);
    await sidebar.getByLabel("App client secret", { exact: true }).fill(session.sandbox.clientSecret);
    await sidebar.getByLabel("JWT", { exact: true }).fill(session.sandbox.jwt);
    await sidebar.getByRole("button", { name: "Connect" }).click();
    // Connecting read the account this workspace never read: said at once, and Get started ticks both steps.
    await sidebar.getByText(/Connected to https:\/\/platform\.ringcentral\.com\. Account read: \d+ users, \d+ sites/).waitFor();
    await getStarted()
      .getByText(/Account read .*: its sites, lines and roles are known\./)
      .waitFor();
    await shot("connected");
  });

  it("every panel on the account says it was just read, and the Site dropdown offers the account's sites", async () => {
    for (const name of ["Validate", "Import", "Users", "Sync", "Roles"]) {
      await panel(name);
      await accountLine().getByText("Account read just now.").waitFor();
      await accountLine().getByRole("button", { name: "Read again" }).waitFor();
    }
    await gridSettled(page);
    await gridCell(page, 2, SITE).click();
    await page.locator(".tabulator-edit-list").waitFor();
    const choices = await page.locator(".tabulator-edit-list-item").allTextContents();
    expect(choices).toEqual(expect.arrayContaining(["San Francisco", "Toronto", "Main Site"]));
    await page.keyboard.press("Escape");
  });

  it("imports the customer's file: the account's office is known, the new one is named, nothing is called unknown", async () => {
    await panel("Import");
    await sidebar
      .locator('input[type="file"]')
      .setInputFiles({ name: "customer.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await expect.poll(() => sidebar.getByLabel("Source of Site").inputValue()).toBe("Office");
    await sidebar.getByRole("button", { name: "Preview" }).click();
    // The values step, when the wizard shows it, proposes the account's site as written and Austin as a new one.
    const added = sidebar.getByText("4 to add");
    const values = sidebar.getByRole("table", { name: "Values of Site" });
    await expect.poll(async () => (await added.isVisible()) || (await values.isVisible())).toBe(true);
    if (await values.isVisible()) await sidebar.getByRole("button", { name: "Preview" }).click();
    await added.waitFor();
    const preview = await sidebar.locator("#panel").textContent();
    expect(preview).not.toContain("not on the Sites tab nor in the account");
    expect(preview).not.toContain("has not been read");
    await shot("preview");
    await sidebar.getByRole("button", { name: "Import", exact: true }).click();
    await sidebar.getByText("Imported: 4 added").waitFor();
    expect((await users()).map((u) => u.site)).toEqual(["San Francisco", "San Francisco", "Austin", "Austin"]);
  });

  it("gives the new office its address from the Sync list, then plans and syncs both sites", async () => {
    await panel("Sync");
    const austin = sidebar.getByRole("checkbox", { name: /Austin/ });
    await expect.poll(() => austin.isDisabled()).toBe(true);
    await shot("office-refused");
    await sidebar.getByRole("button", { name: "Give Austin's address on Sites…" }).click();
    const form = sidebar.getByRole("form", { name: "Austin's address" });
    await form.getByLabel("Country (2 letters)").fill("US");
    await form.getByLabel("State or region").fill("TX");
    await form.getByLabel("City").fill("Austin");
    await form.getByLabel("Street").fill("1 Congress Ave");
    await form.getByLabel("Postal code").fill("78701");
    await form.getByRole("button", { name: "Save the address" }).click();
    await sidebar.getByText("Completed Austin's address on Sites row 2").waitFor();
    expect(decodeTab(SITES_TAB, (await book()).read("Sites")).records).toEqual([
      expect.objectContaining({ name: "Austin", country: "US", state: "TX", city: "Austin", postalCode: "78701" }),
    ]);
    await expect.poll(() => austin.isDisabled()).toBe(false);

    await sidebar.getByRole("checkbox", { name: /San Francisco/ }).check();
    await austin.check();
    await sidebar.getByRole("button", { name: "Preview plan" }).click();
    await sidebar.getByText("4 to create").first().waitFor();
    await sidebar.getByText("1 new site", { exact: true }).first().waitFor();
    const plan = sidebar.getByRole("region", { name: "Plan" });
    expect(await plan.textContent()).toContain("the site's area code 415");
    // Austin, new to the account, has its area by its address (the account has no 512 line: its country's then).
    expect(await plan.textContent()).toContain("the site's area code 512 (its address, Austin TX), then the site's country US");
    await shot("plan");
    await sidebar.getByRole("button", { name: "Sync San Francisco, Austin" }).click();
    await expect
      .poll(async () => (await users()).map((u) => u.status), { timeout: 60_000 })
      .toEqual(["Synced", "Synced", "Synced", "Synced"]);
    const synced = await users();
    // San Francisco's users take numbers in its own area (415); Austin's area has no line in this account: its country's.
    expect(synced.slice(0, 2).map((u) => u.tempNumber)).toEqual([
      expect.stringMatching(/^\+1415\d{7}$/),
      expect.stringMatching(/^\+1415\d{7}$/),
    ]);
    expect(synced.slice(2).map((u) => u.tempNumber)).toEqual([
      expect.stringMatching(/^\+1\d{10}$/),
      expect.stringMatching(/^\+1\d{10}$/),
    ]);
    expect(decodeTab(SITES_TAB, (await book()).read("Sites")).records[0]?.rcId).toMatch(/\S/);
    await sidebar.getByText("Sync finished.").waitFor();
    await shot("synced");
  });

  it("a role change alone is a plan line, counted as the sync counts it; the account's roles plan with no site", async () => {
    for (const row of [2, 3]) {
      await gridSettled(page);
      await gridCell(page, row, ROLE).click();
      await page.locator(".tabulator-edit-list").waitFor();
      await page.locator(".tabulator-edit-list-item", { hasText: "Department Manager" }).click();
      await expect.poll(async () => (await users())[row - 2]?.role).toBe("Department Manager");
    }
    await panel("Validate");
    await panel("Sync");
    await sidebar.getByRole("checkbox", { name: /San Francisco/ }).check();
    await sidebar.getByRole("button", { name: "Preview plan" }).click();
    const plan = sidebar.getByRole("region", { name: "Plan" });
    await plan.getByText("2 given another role").waitFor();
    await plan.getByText("0 to update").waitFor();
    expect(await plan.getByRole("listitem").allTextContents()).toEqual(
      expect.arrayContaining(["Users row 2, Ann Leegiven Department Manager", "Users row 3, Bob Itogiven Department Manager"]),
    );
    await shot("role-plan");
    await sidebar.getByRole("button", { name: "Sync San Francisco" }).click();
    await sidebar.getByText(/2 users given another role/).waitFor({ timeout: 60_000 });

    // No site ticked: the plan of what is account-wide (custom roles), and a Sync that names it.
    await sidebar.getByRole("checkbox", { name: /San Francisco/ }).uncheck();
    await sidebar.getByRole("button", { name: "Preview plan" }).click();
    await sidebar.getByRole("button", { name: "Sync the account's roles" }).waitFor();
  });
});

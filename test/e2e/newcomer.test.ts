import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES_TAB, USERS_TAB } from "../../src/domain/tabs";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { decodeTab } from "../../src/workbook/codec";
import { setUpWorkspace } from "../../src/workbook/setup";
import { editCell, gridSettled, selectRows } from "./grid";
import { artifacts, openPlayground, type PlaygroundSession } from "./session";

/**
 * A newcomer's first hour, in the playground in headless Chromium: import a customer's CSV, validate, sync a site
 * (temp numbers appear), delete a user (its line comes back), export. A screenshot of each step goes to
 * test-artifacts/e2e/newcomer-*.png.
 */
const column = (key: string) => USERS_TAB.columns.findIndex((c) => c.key === key);
const CSV = [
  "Full Name,Work Email,Extension,Site,Type",
  "Ann Lee,ann.lee@example.com,4201,San Francisco,User",
  "Bob Ito,bob.ito@example.com,4202,San Francisco,User",
  "Sales Voicemail,sales.vm@example.com,4203,San Francisco,Voicemail",
].join("\r\n");

describe("a newcomer's flow in the playground", { timeout: 60_000 }, () => {
  let session: PlaygroundSession;
  let page: Page;
  let workbookPath: string;
  let sidebar: FrameLocator;
  let step = 0;
  const shot = (name: string) =>
    page.screenshot({ path: join(artifacts, `newcomer-${String(++step).padStart(2, "0")}-${name}.png`) });
  const panel = (name: string) => sidebar.getByRole("tab", { name, exact: true }).click();
  const users = async () => decodeTab(USERS_TAB, (await XlsxWorkbook.open(workbookPath)).read("Users")).records;

  beforeAll(async () => {
    session = await openPlayground({ seed: 4, prepare: setUpWorkspace, height: 900, connected: false });
    page = session.page;
    workbookPath = session.workbookPath;
    sidebar = page.frameLocator("#sidebar");
  });

  afterAll(() => session?.close());

  it("connects to RingCentral production (led to the sandbox) with a JWT credential from the Account panel", async () => {
    await panel("Account");
    await sidebar.getByLabel("RingCentral", { exact: true }).selectOption("https://platform.ringcentral.com");
    await sidebar.getByLabel("App client ID", { exact: true }).fill(session.sandbox.clientId);
    await sidebar.getByLabel("App client secret", { exact: true }).fill(session.sandbox.clientSecret);
    await sidebar.getByLabel("JWT", { exact: true }).fill(session.sandbox.jwt);
    await sidebar.getByRole("button", { name: "Connect" }).click();
    await sidebar.getByText("Connected to https://platform.ringcentral.com").first().waitFor();
    await shot("connected");
  });

  it("refreshes the account, then imports a CSV through the wizard's mapping and preview", async () => {
    await panel("Sync");
    await sidebar.getByRole("button", { name: "Refresh account" }).click();
    await sidebar.getByText(/Account read: \d+ users/).waitFor();
    await panel("Import");
    await sidebar
      .locator('input[type="file"]')
      .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await expect.poll(() => sidebar.getByLabel("Source of Email").inputValue()).toBe("Work Email");
    expect(await sidebar.getByLabel("Source of First Name").inputValue()).toBe("Full Name");
    expect(await sidebar.getByLabel("Source of Ext").inputValue()).toBe("Extension");
    await shot("mapping");
    await sidebar.getByRole("button", { name: "Preview" }).click();
    await sidebar.getByText("3 to add").waitFor();
    await shot("preview");
    await sidebar.getByRole("button", { name: "Import", exact: true }).click();
    await sidebar.getByText("Imported: 3 added").waitFor();
    await expect
      .poll(async () => (await users()).map((u) => [u.firstName, u.lastName, u.userType, u.ext]))
      .toEqual([
        ["Ann", "Lee", "User", "4201"],
        ["Bob", "Ito", "User", "4202"],
        ["Sales", "Voicemail", "Message Only", "4203"],
      ]);
    await page.locator(".tabulator-cell", { hasText: "ann.lee@example.com" }).first().waitFor();
    await shot("imported");
  });

  it("validates: the Message Only row needs its PIN; fixed in the grid, the sheet is clean", async () => {
    await panel("Validate");
    await sidebar.getByRole("button", { name: "Validate" }).first().click();
    await sidebar.getByText("PIN is required for a Message Only").first().waitFor();
    await shot("validated");
    const pin = USERS_TAB.columns.findIndex((c) => c.key === "pin");
    const cell = page.locator(
      `.tabulator-row:has(.tabulator-cell[tabulator-field="_row"]:text-is("4")) .tabulator-cell[tabulator-field="c${pin}"]`,
    );
    await expect.poll(() => cell.getAttribute("title")).toContain("PIN is required");
    await cell.click();
    await page.keyboard.type("274916");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await users())[2]?.pin).toBe("274916");
    // The add-in's onEdit re-checked the edited row: its mark is gone before anyone presses Validate.
    await expect.poll(() => cell.getAttribute("title"), { timeout: 10_000 }).toBe("");
    await sidebar.getByRole("button", { name: "Validate" }).first().click();
    await sidebar.getByText("0 errors").waitFor();
    await shot("fixed");
  });

  it("adds a tag, filters the grid by it, adds a custom role, and applies it to the rows selected in the grid", async () => {
    await panel("Tags");
    await sidebar.getByLabel("Key").fill("Dept");
    await sidebar.getByLabel("Value").fill("Sales");
    await sidebar.getByRole("button", { name: "Add tag" }).click();
    await sidebar.getByText("Tags (1 of 20)").waitFor();
    await page.getByRole("tab", { name: "Users", exact: true }).click();
    // The grid redraws once the new tag reaches it: a click before that lands on a row about to be replaced.
    await gridSettled(page);
    await editCell(page, 3, column("tags"), "Dept:Sales");
    await expect.poll(async () => (await users())[1]?.tags).toBe("Dept:Sales");
    await panel("Validate");
    await panel("Tags");
    await sidebar.getByRole("button", { name: "Show only rows with Dept:Sales" }).click();
    await expect.poll(() => page.locator(".tabulator-row:not(.blank-row)").count()).toBe(1);
    await shot("tag-filter");
    await sidebar.getByRole("button", { name: "Show all rows" }).click();
    await expect.poll(() => page.locator(".tabulator-row:not(.blank-row)").count()).toBe(3);
    await panel("Roles");
    await sidebar.getByLabel("Name").fill("Front Desk");
    await sidebar.getByLabel("Based on").selectOption("Standard");
    await sidebar.getByRole("button", { name: "Add custom role" }).click();
    await expect.poll(async () => sidebar.locator("#role option", { hasText: "Front Desk" }).count()).toBe(1);
    await page.getByRole("tab", { name: "Users", exact: true }).click();
    await gridSettled(page);
    await selectRows(page, [2, 3]);
    await expect.poll(async () => page.locator(".tabulator-row.tabulator-selected").count()).toBe(2);
    await sidebar.locator("#role").selectOption("Front Desk");
    await sidebar.getByRole("button", { name: "Apply role…" }).click();
    await sidebar.getByRole("button", { name: "Set on 2 rows" }).click();
    await expect.poll(async () => (await users()).map((u) => u.role)).toEqual(["Front Desk", "Front Desk", ""]);
    await shot("role-applied");
  });

  it("plans and syncs the site: ids and temp numbers appear, PINs are cleared", async () => {
    await panel("Sync");
    await sidebar.getByRole("checkbox", { name: /San Francisco/ }).check();
    await sidebar.getByRole("button", { name: "Preview plan" }).click();
    await sidebar.getByText("3 to create").first().waitFor();
    // The plan says which way its lines are claimed.
    await sidebar.getByText(/lines? claimed in bulk \(up to 500 a call; one by one if RingCentral refuses\)/).waitFor();
    await shot("plan");
    await sidebar.getByRole("button", { name: "Sync San Francisco" }).click();
    await expect
      .poll(async () => (await users()).map((u) => u.status), { timeout: 20_000 })
      .toEqual(["Synced", "Synced", "Synced"]);
    const synced = await users();
    expect(synced[0]?.tempNumber).toMatch(/^\+1\d{10}$/);
    expect(synced[2]).toMatchObject({ pin: "", tempNumber: "" });
    const roles = decodeTab(ROLES_TAB, (await XlsxWorkbook.open(workbookPath)).read("Roles")).records;
    expect(roles.find((r) => r.name === "Front Desk")?.rcId).toMatch(/\S/);
    await page
      .locator(".tabulator-cell", { hasText: synced[0]?.tempNumber ?? "" })
      .first()
      .waitFor();
    await shot("synced");
  });

  it("deletes a synced user: its line comes back in Unassigned Lines", async () => {
    const [ann] = await users();
    const status = USERS_TAB.columns.findIndex((c) => c.key === "status");
    const cell = page.locator(
      `.tabulator-row:has(.tabulator-cell[tabulator-field="_row"]:text-is("2")) .tabulator-cell[tabulator-field="c${status}"]`,
    );
    await cell.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Pending Delete");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await users())[0]?.status).toBe("Pending Delete");
    await sidebar.getByRole("button", { name: "Preview plan" }).click();
    await sidebar.getByText("1 to delete").first().waitFor();
    await sidebar.getByRole("button", { name: "Sync San Francisco" }).click();
    await expect
      .poll(async () => (await users()).map((u) => u.email), { timeout: 20_000 })
      .toEqual(["bob.ito@example.com", "sales.vm@example.com"]);
    const lines = async () => (await XlsxWorkbook.open(workbookPath)).read("Unassigned Lines").map((line) => String(line[2]));
    await expect.poll(lines).toContain(ann?.tempNumber);
    await page.getByRole("tab", { name: "Unassigned Lines" }).click();
    await page.locator(".tabulator-row").first().waitFor();
    await shot("line-back");
  });

  it("exports the Users tab as CSV and as XLSX, without secrets", async () => {
    await panel("Validate");
    const download = page.waitForEvent("download");
    await sidebar.getByRole("button", { name: "Download CSV" }).click();
    const file = await (await download).path();
    const text = readFileSync(file ?? "", "utf8");
    expect(text.split(/\r?\n/)[0]).toContain("User Type,First Name,Last Name,Email,Ext");
    expect(text).toContain("bob.ito@example.com");
    const xlsxDownload = page.waitForEvent("download");
    await sidebar.getByRole("button", { name: "Download XLSX" }).click();
    const xlsx = await XlsxWorkbook.open((await (await xlsxDownload).path()) ?? "");
    const [sheet] = xlsx.sheets();
    const table = xlsx.read(sheet?.name ?? "");
    expect(table[0]?.slice(0, 5)).toEqual(["User Type", "First Name", "Last Name", "Email", "Ext"]);
    expect(table.flat()).toContain("bob.ito@example.com");
    expect(table[0]).not.toContain("PIN");
    // Named after its tab, and its text cells hold phone numbers as they are (no apostrophe: nothing runs a text cell).
    expect(sheet?.name).toBe("Users");
    const numbers = table.flat().map(String);
    expect(numbers.some((value) => /^\+1\d{10}$/.test(value))).toBe(true);
    expect(numbers.filter((value) => value.startsWith("'"))).toEqual([]);
    await shot("exported");
  });
});

import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { writeDemoWorkspace } from "../../src/workbook/demo-workspace";
import { editCell } from "./grid";
import { artifacts, openPlayground, type PlaygroundSession } from "./session";

/** The playground in headless Chromium, as a newcomer uses it; a screenshot of each step goes to test-artifacts/. */

describe("the playground in a browser", () => {
  let session: PlaygroundSession;
  let page: Page;
  let workbookPath: string;

  beforeAll(async () => {
    session = await openPlayground({
      seed: 1,
      prepare: (book) => writeDemoWorkspace(book, { users: 12, errorRate: 0.3, seed: 7 }),
    });
    page = session.page;
    workbookPath = session.workbookPath;
  });

  afterAll(() => session?.close());

  const shot = (name: string) => page.screenshot({ path: join(artifacts, `${name}.png`) });
  const sidebar = () => page.frameLocator("#sidebar");

  it("shows the workbook's tabs in a grid beside the sidebar; account tabs are read-only", async () => {
    await expect.poll(() => page.locator(".tabulator-col-title", { hasText: "User Type" }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole("tab", { name: "Unassigned Lines" }).getAttribute("class")).toContain("locked");
    expect(await page.locator(".tabulator-row").count()).toBeGreaterThan(5);
    await shot("01-workbook");
  });

  it("validates from the sidebar and a click on a finding moves the grid to its row", async () => {
    await sidebar().getByRole("button", { name: "Validate" }).first().click();
    const finding = sidebar().getByText("Email is not an email address").first();
    await finding.waitFor();
    await shot("02-validated");
    await finding.click();
    await expect.poll(() => page.locator(".tabulator-row.active-row").count(), { timeout: 5000 }).toBe(1);
    await shot("03-finding-selected");
  });

  it("keeps a grid edit in the .xlsx file", async () => {
    await page.getByRole("tab", { name: "Users", exact: true }).click();
    await editCell(page, 3, 1, "Zed");
    await expect.poll(async () => (await XlsxWorkbook.open(workbookPath)).read("Users")[2]?.[1], { timeout: 5000 }).toBe("Zed");
    await shot("04-edited");
  });

  it("shows a cell that looks like HTML as text, never running it", async () => {
    const value = '<img src=x onerror="window.__ran=1">';
    await page.evaluate(
      (v) => fetch("/api/cell", { method: "POST", body: JSON.stringify({ sheet: "Users", row: 4, column: 9, value: v }) }),
      value,
    );
    await page.getByText('<img src=x onerror="window.__ran=1">').first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
  });

  it("lets the browser call only the server's functions, on loopback", async () => {
    expect(session.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const call = (name: string) =>
      page.evaluate((n) => fetch(`/rpc/${n}`, { method: "POST", body: "{}" }).then((r) => r.status), name);
    expect(await call("toString")).toBe(404);
    expect(await call("__proto__")).toBe(404);
    expect(await call("validate")).toBe(200);
  });
});

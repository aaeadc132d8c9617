import { join } from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITES_TAB, TAGS_TAB, USERS_TAB } from "../../src/domain/tabs";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { columnIndex, decodeTab, encodeRows } from "../../src/workbook/codec";
import { setUpWorkspace } from "../../src/workbook/setup";
import { gridCell, gridSettled, selectRows } from "./grid";
import { artifacts, openPlayground, type PlaygroundSession } from "./session";

/**
 * Issue 13's mapping and view fixes in the playground (headless Chromium, the built add-in): a field given one value
 * for all rows, the tag filter shown after a reload, grid selection that neither follows a click into a cell nor
 * shifts after a delete, and the Sync list that shows a site the sync would refuse as disabled.
 * Screenshots: test-artifacts/e2e/mapping-*.png.
 */
const PEOPLE = [
  { firstName: "Ann", email: "ann@example.com", ext: "4301", tags: "" },
  { firstName: "Bob", email: "bob@example.com", ext: "4302", tags: "Dept:Sales" },
  { firstName: "Cat", email: "cat@example.com", ext: "4303", tags: "" },
  { firstName: "Dan", email: "dan@example.com", ext: "4304", tags: "Dept:Sales" },
];

function prepare(book: XlsxWorkbook): void {
  setUpWorkspace(book);
  const write = (tab: typeof USERS_TAB | typeof TAGS_TAB | typeof SITES_TAB, rows: Record<string, string>[]) => {
    const header = book.read(tab.name)[0] ?? [];
    book.write(tab.name, {
      row: 2,
      column: 1,
      values: encodeRows(columnIndex(tab as typeof USERS_TAB, header), header.length, rows),
    });
  };
  write(TAGS_TAB, [{ key: "Dept", value: "Sales", color: "#e91e63" }]);
  // A site without street or postal code: validation refuses it, so the Sync list must not offer it.
  write(SITES_TAB, [{ name: "Bad Site", country: "US", state: "CA", city: "Oakland" }]);
  write(
    USERS_TAB,
    [
      ...PEOPLE.map((p) => ({ ...p, site: "Main Site" })),
      { firstName: "Eve", email: "eve@example.com", ext: "4305", tags: "", site: "Bad Site" },
      { firstName: "Fay", email: "fay@example.com", ext: "4306", tags: "", site: "Nowhere" },
    ].map((p) => ({ ...p, userType: "User", lastName: "Lee", setupWizard: "Not Started" })),
  );
}

describe("import values, the kept tag filter, grid selection and the Sync site list", { timeout: 120_000 }, () => {
  let session: PlaygroundSession;
  let page: Page;
  let sidebar: FrameLocator;
  const shot = (name: string) => page.screenshot({ path: join(artifacts, `mapping-${name}.png`) });
  const panel = (name: string) => sidebar.getByRole("tab", { name, exact: true }).click();
  const users = async () => decodeTab(USERS_TAB, (await XlsxWorkbook.open(session.workbookPath)).read("Users")).records;
  const gridRows = async () =>
    (await page.locator('.tabulator-row:not(.blank-row) .tabulator-cell[tabulator-field="_row"]').allTextContents()).map(Number);
  const selectedRows = async () =>
    (await page.locator('.tabulator-row.tabulator-selected .tabulator-cell[tabulator-field="_row"]').allTextContents()).map(
      Number,
    );

  beforeAll(async () => {
    session = await openPlayground({ seed: 7, prepare, height: 900 });
    page = session.page;
    sidebar = page.frameLocator("#sidebar");
  });
  afterAll(() => session?.close());

  it("imports a file without a Site column by giving Site one value for all rows", async () => {
    await panel("Import");
    const csv = "Kind,Name,Mail,Extension\r\nUser,Gus Ray,gus@example.com,4307\r\nUser,Hal Ray,hal@example.com,4308\r\n";
    await sidebar
      .locator('input[type="file"]')
      .setInputFiles({ name: "no-site.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect.poll(() => sidebar.getByLabel("Source of Email").inputValue()).toBe("Mail");
    await sidebar.getByText(/Import stays unavailable for new rows until .*Site\s\*/).waitFor();
    await sidebar.getByLabel("Source of Site").selectOption({ label: "One value for all rows…" });
    await sidebar.getByLabel("Value of Site for all rows").fill("Main Site");
    await expect.poll(() => sidebar.getByText(/Import stays unavailable/).count()).toBe(0);
    await shot("value-for-all");
    await sidebar.getByRole("button", { name: "Preview" }).click();
    await sidebar.getByText('Every imported row gets Site = "Main Site".').waitFor();
    expect(await sidebar.getByRole("button", { name: "Import", exact: true }).isDisabled()).toBe(false);
    await sidebar.getByRole("button", { name: "Import", exact: true }).click();
    await sidebar.getByText("Imported: 2 added").waitFor();
    await expect
      .poll(async () =>
        (await users()).filter((u) => u.email === "gus@example.com" || u.email === "hal@example.com").map((u) => u.site),
      )
      .toEqual(["Main Site", "Main Site"]);
  });

  it("after a reload, says the tag filter left on is on (tag, rows, Clear) and applies it by the tag", async () => {
    await panel("Tags");
    await sidebar.getByRole("button", { name: "Show only rows with Dept:Sales" }).click();
    await page.getByRole("tab", { name: "Users", exact: true }).click();
    await expect.poll(gridRows).toEqual([3, 5]);
    await page.reload();
    sidebar = page.frameLocator("#sidebar");
    const banner = sidebar.getByRole("status", { name: "Tag filter" });
    await banner.getByText("Dept:Sales").waitFor();
    expect(await banner.textContent()).toMatch(/Filter on: Dept:Sales, 2 rows shown/);
    await expect.poll(gridRows).toEqual([3, 5]);
    await shot("filter-after-reload");
    await banner.getByRole("button", { name: "Clear filter" }).click();
    await expect.poll(() => banner.count()).toBe(0);
    await expect.poll(async () => (await gridRows()).length).toBe(8);
  });

  it("a click into a cell edits it without selecting its row; a delete never moves the selection onto other rows", async () => {
    await gridSettled(page);
    const first = USERS_TAB.columns.findIndex((c) => c.key === "firstName");
    await gridCell(page, 3, first).click();
    await page.locator(".tabulator-editing input").waitFor();
    await page.keyboard.press("Escape");
    expect(await selectedRows()).toEqual([]);
    // Cat on row 4 selected; row 2 (Ann) deleted as a person does in the sheet: Cat moves to row 3 and stays selected.
    await selectRows(page, [4]);
    await page.evaluate(async () => {
      const secret = document.querySelector<HTMLMetaElement>('meta[name="playground-secret"]')?.content ?? "";
      const headers = { "content-type": "application/json", "x-playground-secret": secret };
      await fetch("/api/rows", { method: "POST", headers, body: JSON.stringify({ sheet: "Users", delete: 2 }) });
    });
    await gridSettled(page);
    await expect.poll(selectedRows).toEqual([3]);
    expect(await gridCell(page, 3, first).textContent()).toBe("Cat");
    // The add-in's selection followed too: a delete of the selected rows names Cat, and only Cat.
    await panel("Users");
    await sidebar.getByRole("radio", { name: "The rows selected on the Users tab" }).check();
    await sidebar.getByRole("button", { name: "Delete…" }).click();
    const confirm = sidebar.getByRole("alertdialog", { name: "Confirm the delete" });
    await confirm.getByText("Delete 1 user?").waitFor();
    expect(await confirm.textContent()).toContain("Cat");
    await shot("selection-after-delete");
    await confirm.getByRole("button", { name: "Delete 1 user" }).click();
    await expect.poll(async () => (await users()).some((u) => u.firstName === "Cat")).toBe(false);
    await gridSettled(page);
    // Cat's row left the sheet: nothing else is selected in its place.
    await expect.poll(selectedRows).toEqual([]);
  });

  it("shows a site validation refuses as disabled in the Sync list, with the reason", async () => {
    await panel("Sync");
    const bad = sidebar.locator("label.check", { hasText: "Bad Site" });
    await bad.getByText(/cannot be created until row 2 of Sites is fixed/).waitFor();
    expect(await bad.locator("input").isDisabled()).toBe(true);
    const nowhere = sidebar.locator("label.check", { hasText: "Nowhere" });
    expect(await nowhere.textContent()).toContain("neither on the Sites tab nor in the account");
    expect(await nowhere.locator("input").isDisabled()).toBe(true);
    expect(await sidebar.locator("label.check", { hasText: "Main Site" }).locator("input").isDisabled()).toBe(false);
    await shot("sync-sites");
  });
});

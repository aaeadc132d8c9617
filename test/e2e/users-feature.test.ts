import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TAGS_TAB, USERS_TAB } from "../../src/domain/tabs";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { columnIndex, decodeTab, encodeRows } from "../../src/workbook/codec";
import { setUpWorkspace } from "../../src/workbook/setup";
import { editCell, gridSettled, selectRows } from "./grid";
import { artifacts, openPlayground, type PlaygroundSession } from "./session";

/**
 * Everything the Users feature offers from the sidebar, in the playground in headless Chromium against the built
 * add-in: the template, help, the gated import, tag-scoped sync and export, delete by tag and by selection with
 * confirmation and undo. Screenshots: test-artifacts/e2e/users-*.png.
 */
const PEOPLE = [
  { firstName: "Ann", email: "ann@example.com", ext: "4301", tags: "Dept:Sales" },
  { firstName: "Bob", email: "bob@example.com", ext: "4302", tags: "" },
  { firstName: "Cat", email: "cat@example.com", ext: "4303", tags: "Dept:Sales" },
  { firstName: "Dan", email: "dan@example.com", ext: "4304", tags: "" },
];

function prepare(book: XlsxWorkbook): void {
  setUpWorkspace(book);
  const write = (sheet: string, tab: typeof USERS_TAB | typeof TAGS_TAB, rows: Record<string, string>[]) => {
    const header = book.read(sheet)[0] ?? [];
    book.write(sheet, {
      row: 2,
      column: 1,
      values: encodeRows(columnIndex(tab as typeof USERS_TAB, header), header.length, rows),
    });
  };
  write("Tags", TAGS_TAB, [{ key: "Dept", value: "Sales", color: "#e91e63" }]);
  write(
    "Users",
    USERS_TAB,
    PEOPLE.map((p) => ({ ...p, userType: "User", lastName: "Lee", site: "Main Site", setupWizard: "Not Started" })),
  );
}

describe("the Users feature from the sidebar", { timeout: 90_000 }, () => {
  let session: PlaygroundSession;
  let page: Page;
  let sidebar: FrameLocator;
  const shot = (name: string) => page.screenshot({ path: join(artifacts, `users-${name}.png`) });
  const panel = (name: string) => sidebar.getByRole("tab", { name, exact: true }).click();
  const users = async () => decodeTab(USERS_TAB, (await XlsxWorkbook.open(session.workbookPath)).read("Users")).records;
  const emails = async () => (await users()).map((u) => u.email);

  beforeAll(async () => {
    session = await openPlayground({ seed: 5, prepare, height: 900 });
    page = session.page;
    sidebar = page.frameLocator("#sidebar");
  });
  afterAll(() => session?.close());

  it("inserts the template as a tab and downloads it: starred required columns and an example row", async () => {
    await panel("Users");
    await sidebar.getByRole("button", { name: "Insert template tab" }).click();
    await sidebar.getByText("Added the tab Users Template").waitFor();
    await page.getByRole("tab", { name: "Users Template" }).click();
    await page.locator(".tabulator-col-title", { hasText: "User Type *" }).first().waitFor();
    await page.locator(".tabulator-cell", { hasText: "alex.example@example.com" }).first().waitFor();
    const download = page.waitForEvent("download");
    await sidebar.getByRole("button", { name: "Download template" }).click();
    const text = readFileSync((await (await download).path()) ?? "", "utf8");
    expect(text.split("\r\n")[0]).toMatch(/^User Type \*,First Name \*,Last Name \*,Email \*,Ext \*,Phone #,Temp #,Site \*,/);
    expect(text.split("\r\n")[1]).toMatch(/^User,Alex,Example,alex\.example@example\.com,1001,/);
    await shot("template");
  });

  it("gates the import on the starred fields, explains the confidence, and opens the help", async () => {
    await panel("Import");
    const csv = "Name,Mail,Extension,Office,Kind\r\nEve Ray,eve@example.com,4305,Main Site,User\r\n";
    await sidebar.locator('input[type="file"]').setInputFiles({ name: "p.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect.poll(() => sidebar.getByLabel("Source of Email").inputValue()).toBe("Mail");
    await sidebar.getByText(/The % beside a sample is how sure the proposal is/).waitFor();
    expect(await sidebar.locator("th", { hasText: "Site" }).first().textContent()).toContain("*");
    await sidebar.getByLabel("Source of Site").selectOption("");
    await sidebar.getByText(/Import stays unavailable for new rows until .*Site\s\*/).waitFor();
    await shot("gate");
    await sidebar.getByRole("button", { name: "Preview" }).click();
    await sidebar.getByText("Site * is required").first().waitFor();
    expect(await sidebar.getByRole("button", { name: "Import", exact: true }).isDisabled()).toBe(true);
    await sidebar.getByRole("button", { name: "Back" }).click();
    await sidebar.getByLabel("Source of Site").selectOption("Office");
    await expect.poll(() => sidebar.getByText(/Import stays unavailable/).count()).toBe(0);
    await sidebar.getByRole("button", { name: "Learn more" }).click();
    await sidebar.getByRole("heading", { name: "Importing users" }).waitFor();
    await sidebar.locator("summary", { hasText: /^Password$/ }).click();
    await sidebar
      .getByText(/one of ! @ # \$ % \^ & \* \./)
      .first()
      .waitFor();
    await shot("help");
    await sidebar.getByRole("button", { name: "Back" }).click();
    await sidebar.getByRole("button", { name: "Preview" }).click();
    await sidebar.getByRole("button", { name: "Import", exact: true }).click();
    await sidebar.getByText("Imported: 1 added").waitFor();
    await expect.poll(emails).toContain("eve@example.com");
  });

  it("opens a column's help from a finding", async () => {
    await panel("Validate");
    await page.getByRole("tab", { name: "Users", exact: true }).click();
    const ext = USERS_TAB.columns.findIndex((c) => c.key === "ext");
    await editCell(page, 6, ext, "43a5");
    await expect.poll(async () => (await users()).find((u) => u.email === "eve@example.com")?.ext).toBe("43a5");
    await sidebar.getByRole("button", { name: "Validate" }).first().click();
    await sidebar.getByRole("button", { name: "Learn more about Ext" }).first().click();
    await sidebar.getByText(/Digits, kept as text/).waitFor();
    await sidebar.getByRole("button", { name: "Back" }).click();
    await editCell(page, 6, ext, "4305");
    await expect.poll(async () => (await users()).find((u) => u.email === "eve@example.com")?.ext).toBe("4305");
  });

  it("a tag filter narrows the sync plan and the export", async () => {
    await panel("Tags");
    await sidebar.getByRole("button", { name: "Show only rows with Dept:Sales" }).click();
    await sidebar.getByText("2 rows with Dept:Sales shown").waitFor();
    await sidebar.getByText("2 users").waitFor();
    await panel("Sync");
    await sidebar.getByRole("button", { name: "Refresh account" }).click();
    await sidebar.getByText(/Account read: \d+ users/).waitFor();
    await sidebar.getByRole("checkbox", { name: /Main Site/ }).check();
    await sidebar.getByRole("radio", { name: "The rows shown by the filter Dept:Sales" }).check();
    await sidebar.getByRole("button", { name: "Preview plan" }).click();
    await sidebar.getByText("2 to create").first().waitFor();
    expect(
      await sidebar
        .getByText(
          /ann@example\.com \(User\) takes \+\d+ \((the site's area code \d+( \(its address, [^)]+\))?, then )?(the site's country|Default Country) US\)/,
        )
        .count(),
    ).toBe(1);
    expect(await sidebar.getByText("bob@example.com").count()).toBe(0);
    await shot("tag-sync-plan");
    await panel("Validate");
    const download = page.waitForEvent("download");
    await sidebar.getByRole("button", { name: "Download CSV" }).click();
    const text = readFileSync((await (await download).path()) ?? "", "utf8");
    expect(text).toContain("ann@example.com");
    expect(text).toContain("cat@example.com");
    expect(text).not.toContain("bob@example.com");
    await sidebar.getByText(/users-dept-sales\.csv downloaded: 2 rows/).waitFor();
  });

  it("deletes the rows the tag filter shows after a confirmation that lists them, and undoes it", async () => {
    const before = await emails();
    await panel("Users");
    await sidebar.getByRole("radio", { name: "The rows shown by the filter Dept:Sales" }).check();
    await sidebar.getByRole("button", { name: "Delete…" }).click();
    const confirm = sidebar.getByRole("alertdialog", { name: "Confirm the delete" });
    await confirm.getByText("Delete 2 users?").waitFor();
    await confirm.getByText("ann@example.com").or(confirm.getByText("Ann Lee")).first().waitFor();
    await shot("delete-confirm");
    expect(await emails()).toEqual(before);
    await confirm.getByRole("button", { name: "Delete 2 users" }).click();
    await sidebar.getByText("2 rows removed from the sheet").waitFor();
    await expect.poll(emails).toEqual(before.filter((e) => e !== "ann@example.com" && e !== "cat@example.com"));
    await sidebar.getByRole("button", { name: "Undo delete" }).click();
    await sidebar.getByText("2 rows put back").waitFor();
    await expect.poll(emails).toEqual(before);
    await shot("delete-undone");
  });

  it("deletes the rows selected in the grid", async () => {
    await panel("Tags");
    await sidebar.getByRole("button", { name: "Show all rows" }).click();
    await page.getByRole("tab", { name: "Users", exact: true }).click();
    await gridSettled(page);
    await selectRows(page, [3]);
    await panel("Users");
    await sidebar.getByRole("radio", { name: "The rows selected on the Users tab" }).check();
    await sidebar.getByRole("button", { name: "Delete…" }).click();
    await sidebar.getByText("Delete 1 user?").waitFor();
    await sidebar.getByRole("button", { name: "Delete 1 user" }).click();
    await expect.poll(emails).not.toContain("bob@example.com");
    await shot("delete-selected");
  });
});

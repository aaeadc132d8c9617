import { join } from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES_TAB, USERS_TAB } from "../../src/domain/tabs";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { columnIndex, decodeTab, encodeRows } from "../../src/workbook/codec";
import { setUpWorkspace } from "../../src/workbook/setup";
import { gridSettled, selectRows } from "./grid";
import { artifacts, openPlayground, type PlaygroundSession } from "./session";

function prepare(book: XlsxWorkbook): void {
  setUpWorkspace(book);
  const header = book.read("Users")[0] ?? [];
  const people = ["Ann", "Bob", "Cat"].map((firstName, i) => ({
    userType: "User",
    firstName,
    lastName: "Lee",
    email: `${firstName.toLowerCase()}@example.com`,
    ext: String(4401 + i),
    site: "Main Site",
    setupWizard: "Not Started",
  }));
  book.write("Users", { row: 2, column: 1, values: encodeRows(columnIndex(USERS_TAB, header), header.length, people) });
}

/**
 * The Roles panel in the playground against the sandbox: a custom role's permissions start from its base and are
 * edited in the form; applying a role asks with the row count before the sheet changes. Screenshots:
 * test-artifacts/e2e/roles-*.png.
 */
describe("the Roles panel", { timeout: 90_000 }, () => {
  let session: PlaygroundSession;
  let page: Page;
  let sidebar: FrameLocator;
  const book = async () => XlsxWorkbook.open(session.workbookPath);
  const panel = (name: string) => sidebar.getByRole("tab", { name, exact: true }).click();

  beforeAll(async () => {
    session = await openPlayground({ seed: 5, prepare, height: 900 });
    page = session.page;
    sidebar = page.frameLocator("#sidebar");
    await panel("Sync");
    await sidebar.getByRole("button", { name: "Refresh account" }).click();
    await sidebar.getByText(/^Account read:/).waitFor();
  });
  afterAll(() => session?.close());

  it("edits a new role's permissions from its base, and applies a role only after confirming the count", async () => {
    await panel("Roles");
    await sidebar.getByLabel("Name").fill("Front Desk");
    await sidebar.getByLabel("Based on").selectOption("Standard");
    const permissions = sidebar.getByRole("group", { name: "Permissions" });
    await expect.poll(() => permissions.getByRole("checkbox", { name: "Meetings" }).isChecked()).toBe(true);
    expect(await permissions.getByRole("checkbox", { name: "Edit User Info" }).isChecked()).toBe(false);
    await permissions.getByRole("checkbox", { name: "Meetings" }).uncheck();
    await permissions.getByRole("checkbox", { name: "Edit User Info" }).check();
    await page.screenshot({ path: join(artifacts, "roles-permissions.png") });
    await sidebar.getByRole("button", { name: "Add custom role" }).click();
    await expect
      .poll(async () => decodeTab(ROLES_TAB, (await book()).read("Roles")).records.find((r) => r.name === "Front Desk"))
      .toMatchObject({ kind: "Custom", basedOn: "Standard", permissions: "EditUserInfo;-Meetings" });

    await page.getByRole("tab", { name: "Users", exact: true }).click();
    await gridSettled(page);
    await selectRows(page, [2, 4]);
    await sidebar.locator("#role").selectOption("Front Desk");
    await sidebar.getByRole("button", { name: "Apply role…" }).click();
    await sidebar.getByText("Set Front Desk on 2 rows (row 2 Ann Lee, row 4 Cat Lee)?").waitFor();
    await page.screenshot({ path: join(artifacts, "roles-confirm.png") });
    expect(decodeTab(USERS_TAB, (await book()).read("Users")).records.map((u) => u.role)).toEqual(["", "", ""]);
    await sidebar.getByRole("button", { name: "Set on 2 rows" }).click();
    await expect
      .poll(async () => decodeTab(USERS_TAB, (await book()).read("Users")).records.map((u) => u.role))
      .toEqual(["Front Desk", "", "Front Desk"]);
  });
});

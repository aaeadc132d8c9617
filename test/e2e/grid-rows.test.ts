import type { Dialog, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITES_TAB, USERS_TAB } from "../../src/domain/tabs";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { decodeTab } from "../../src/workbook/codec";
import { setUpWorkspace } from "../../src/workbook/setup";
import { editCell, gridCell, gridSettled, selectRows } from "./grid";
import { openPlayground, type PlaygroundSession } from "./session";

/**
 * The playground's grid from an empty workspace, as a person types a list in from scratch: rows added on Users and
 * Sites, a deletion that names its rows and asks first (a selection made long before, scrolled out of view, is named
 * too), and Ctrl+Z putting deleted rows back.
 */
const users = USERS_TAB.columns.map((c) => c.key);
const at = (key: string) => users.indexOf(key as (typeof users)[number]);

describe("rows in the playground's grid", { timeout: 90_000 }, () => {
  let session: PlaygroundSession;
  let page: Page;
  const read = async () => XlsxWorkbook.open(session.workbookPath);
  const usersInFile = async () => decodeTab(USERS_TAB, (await read()).read("Users")).records;
  const tab = (name: string) => page.locator("#tabs").getByRole("tab", { name, exact: true }).click();
  /** The next dialog's text, answered as `accept` says. */
  const nextDialog = (accept: boolean) =>
    new Promise<string>((resolve) =>
      page.once("dialog", (dialog: Dialog) => {
        resolve(dialog.message());
        void (accept ? dialog.accept() : dialog.dismiss());
      }),
    );

  beforeAll(async () => {
    session = await openPlayground({ seed: 11, prepare: setUpWorkspace, connected: false });
    page = session.page;
    await gridSettled(page);
  });
  afterAll(() => session?.close());

  it("types a user into the blank row of an empty Users tab, and Add row gives another", async () => {
    await editCell(page, 2, at("firstName"), "Ann");
    await editCell(page, 2, at("lastName"), "Lee");
    await gridSettled(page);
    await page.getByRole("button", { name: "Add row" }).click();
    await editCell(page, 3, at("firstName"), "Bob");
    await editCell(page, 3, at("lastName"), "Ito");
    await editCell(page, 4, at("firstName"), "Cy");
    await expect
      .poll(async () => (await usersInFile()).map((u) => `${u.firstName} ${u.lastName}`.trim()))
      .toEqual(["Ann Lee", "Bob Ito", "Cy"]);
    await gridSettled(page);
  });

  it("offers a dropdown column's choices in the cell, as Sheets shows its data validation", async () => {
    await gridCell(page, 2, at("userType")).click();
    await page.locator(".tabulator-edit-list").waitFor();
    const choices = await page.locator(".tabulator-edit-list-item").allTextContents();
    expect(choices).toEqual(expect.arrayContaining(["User", "Virtual User", "Limited Extension", "Message Only"]));
    await page.locator(".tabulator-edit-list-item", { hasText: "Message Only" }).click();
    await expect.poll(async () => (await usersInFile())[0]?.userType).toBe("Message Only");
  });

  it("adds a site on the Sites tab", async () => {
    await tab("Sites");
    await editCell(
      page,
      2,
      SITES_TAB.columns.findIndex((c) => c.key === "name"),
      "Toronto",
    );
    await expect
      .poll(async () => decodeTab(SITES_TAB, (await read()).read("Sites")).records.map((s) => s.name))
      .toEqual(["Toronto"]);
    await gridSettled(page);
    await tab("Users");
  });

  it("names every selected row, seen or not, and deletes nothing when the person says no", async () => {
    await selectRows(page, [2, 4]);
    const asked = nextDialog(false);
    await page.getByRole("button", { name: "Delete selected rows" }).click();
    const message = await asked;
    expect(message).toContain("Delete 2 rows of Users?");
    expect(message).toContain("row 2: Ann Lee");
    expect(message).toContain("row 4: Cy");
    expect(await usersInFile()).toHaveLength(3);
  });

  it("deletes once confirmed, and Ctrl+Z puts the rows back with their values", async () => {
    const asked = nextDialog(true);
    await page.getByRole("button", { name: "Delete selected rows" }).click();
    await asked;
    await expect.poll(async () => (await usersInFile()).map((u) => u.firstName)).toEqual(["Bob"]);
    await gridSettled(page);
    await page.locator("#status").getByText("Ctrl+Z or Undo delete puts them back").waitFor();

    await page.keyboard.press("Control+z");
    await expect.poll(async () => (await usersInFile()).map((u) => u.firstName)).toEqual(["Ann", "Bob", "Cy"]);
    await gridSettled(page);
    await expect(gridCell(page, 2, at("lastName")).textContent()).resolves.toBe("Lee");
  });
});

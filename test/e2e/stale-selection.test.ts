import type { Dialog, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USERS_TAB } from "../../src/domain/tabs";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { columnIndex, decodeTab, encodeRows } from "../../src/workbook/codec";
import { setUpWorkspace } from "../../src/workbook/setup";
import { gridSettled } from "./grid";
import { openPlayground, type PlaygroundSession } from "./session";

/**
 * A selection made long ago, scrolled out of view, never deletes a row the person does not see: the grid's delete
 * names it and asks, and the sidebar's Delete deletes only the rows it listed (a selection that changed after the
 * list was shown is listed again, nothing deleted).
 */
const PEOPLE = Array.from({ length: 40 }, (_, i) => ({
  userType: "User",
  firstName: `Person${i + 2}`,
  lastName: "Row",
  email: `p${i + 2}@example.com`,
  ext: String(4400 + i),
  site: "Main Site",
  // Row 3 was synced: selected for Apply role ten minutes ago, it would be deleted in the account.
  ...(i + 2 === 3 ? { rcId: "9003", status: "Synced" } : {}),
}));

function prepare(book: XlsxWorkbook): void {
  setUpWorkspace(book);
  const header = book.read(USERS_TAB.name)[0] ?? [];
  book.write(USERS_TAB.name, { row: 2, column: 1, values: encodeRows(columnIndex(USERS_TAB, header), header.length, PEOPLE) });
}

describe("a stale selection in the playground", { timeout: 120_000 }, () => {
  let session: PlaygroundSession;
  let page: Page;
  const sidebar = () => page.frameLocator("#sidebar");
  const users = async () => decodeTab(USERS_TAB, (await XlsxWorkbook.open(session.workbookPath)).read("Users")).records;
  const number = (row: number) => page.locator(`.tabulator-cell[tabulator-field="_row"]:text-is("${row}")`);
  const holder = () => page.locator("#grid .tabulator-tableholder");
  /** Whether the row's number is inside the grid's visible area (a row scrolled away may also be out of the DOM). */
  const onScreen = async (row: number) => {
    if ((await number(row).count()) === 0) return false;
    const [cell, view] = await Promise.all([number(row).boundingBox(), holder().boundingBox()]);
    return Boolean(cell && view && cell.y + cell.height > view.y && cell.y < view.y + view.height);
  };
  const selected = async (row: number) =>
    ((await number(row).locator("xpath=..").getAttribute("class")) ?? "").includes("tabulator-selected");
  const nextDialog = (accept: boolean) =>
    new Promise<string>((resolve) =>
      page.once("dialog", (dialog: Dialog) => {
        resolve(dialog.message());
        void (accept ? dialog.accept() : dialog.dismiss());
      }),
    );

  beforeAll(async () => {
    session = await openPlayground({ seed: 12, prepare, height: 700, connected: false });
    page = session.page;
    await gridSettled(page);
  }, 120_000);
  afterAll(() => session?.close());

  it("row 3, selected long ago and scrolled away, is named by the grid's delete, which deletes nothing unless told", async () => {
    await number(3).click();
    await holder().evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await number(41).click();
    // The grid redraws its rows after the scroll: row 3 leaves the screen once it has (a loaded machine is slower).
    await expect.poll(() => onScreen(3)).toBe(false);
    await expect.poll(() => selected(41)).toBe(true);
    const asked = nextDialog(false);
    await page.getByRole("button", { name: "Delete selected rows" }).click();
    const message = await asked;
    expect(message).toContain("Delete 2 rows of Users?");
    expect(message).toContain("row 3: Person3 Row");
    expect(message).toContain("row 41: Person41 Row");
    expect(await users()).toHaveLength(40);
  });

  it("the sidebar's Delete lists row 3 too, and a row selected after the list was shown is asked about, not deleted", async () => {
    await sidebar().getByRole("tab", { name: "Users", exact: true }).click();
    await sidebar().getByRole("button", { name: "Delete…" }).click();
    const confirm = sidebar().getByRole("alertdialog", { name: "Confirm the delete" });
    await confirm.getByText("Row 3").waitFor();
    expect(await confirm.getByRole("listitem").allTextContents()).toEqual([
      expect.stringMatching(/^Row 3Person3 Row deleted in the account at the next sync/),
      expect.stringMatching(/^Row 41Person41 Row never synced/),
    ]);
    // Before confirming, the person clicks another row's number: the selection is no longer what was listed.
    await number(40).click();
    await expect.poll(() => selected(40)).toBe(true);
    await confirm.getByRole("button", { name: "Delete 2 users" }).click();
    await confirm.getByText("The rows changed since you were asked, so nothing was deleted.").waitFor();
    expect(await confirm.getByRole("listitem").count()).toBe(3);
    expect((await users()).map((u) => u.status)).not.toContain("Pending Delete");
    expect(await users()).toHaveLength(40);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    expect(await users()).toHaveLength(40);
  });
});

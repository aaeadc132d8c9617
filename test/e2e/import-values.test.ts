import { join } from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SITES_TAB, USERS_TAB } from "../../src/domain/tabs";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { columnIndex, decodeTab, encodeRows } from "../../src/workbook/codec";
import { setUpWorkspace } from "../../src/workbook/setup";
import { artifacts, openPlayground, type PlaygroundSession } from "./session";

/**
 * The import wizard's values step in the playground (headless Chromium, the built add-in): a customer's plan names
 * and office codes, each distinct value shown with its count and proposal, "Fax only" left for the person until
 * chosen, and the import then free of User Type errors. Screenshots: test-artifacts/e2e/import-values-*.png.
 */
const CSV = [
  "Name,Email,Ext,Plan,Office",
  "Ann Lee,ann@example.com,5101,RingEX Standard,NYC",
  "Bob Ray,bob@example.com,5102,RingEX Standard,NYC",
  "Cy Fox,cy@example.com,5103,RingEX Standard,san francisco ",
  "Di Kim,di@example.com,5104,Fax only,NYC",
  "Ed Poe,ed@example.com,5105,Fax only,San Francisco",
].join("\r\n");

function prepare(book: XlsxWorkbook): void {
  setUpWorkspace(book);
  const header = book.read(SITES_TAB.name)[0] ?? [];
  const sites = [
    { name: "New York", country: "US", state: "NY", city: "New York", street: "1 Main St", postalCode: "10001" },
    { name: "San Francisco", country: "US", state: "CA", city: "San Francisco", street: "1 Market St", postalCode: "94105" },
  ];
  book.write(SITES_TAB.name, { row: 2, column: 1, values: encodeRows(columnIndex(SITES_TAB, header), header.length, sites) });
}

describe("the import wizard maps values as well as columns", { timeout: 120_000 }, () => {
  let session: PlaygroundSession;
  let page: Page;
  let sidebar: FrameLocator;
  const shot = (name: string) => page.screenshot({ path: join(artifacts, `import-values-${name}.png`) });
  const users = async () => decodeTab(USERS_TAB, (await XlsxWorkbook.open(session.workbookPath)).read("Users")).records;

  beforeAll(async () => {
    session = await openPlayground({ seed: 11, prepare, height: 1000, connected: false });
    page = session.page;
    sidebar = page.frameLocator("#sidebar");
    await sidebar.getByRole("tab", { name: "Import", exact: true }).click();
  }, 120_000);
  afterAll(() => session?.close());

  it("shows each value with its count and proposal, and 'Fax only' unmatched until chosen", async () => {
    await sidebar
      .locator('input[type="file"]')
      .setInputFiles({ name: "offices.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await expect.poll(() => sidebar.getByLabel("Source of User Type").inputValue()).toBe("Plan");
    expect(await sidebar.getByLabel("Source of Site").inputValue()).toBe("Office");
    await sidebar.getByRole("button", { name: "Preview" }).click();

    const types = sidebar.getByRole("table", { name: "Values of User Type" });
    await types.waitFor();
    await sidebar.getByRole("status").getByText("1 value needs a choice").waitFor();
    const row = (table: typeof types, value: string) => table.getByRole("row").filter({ hasText: value });
    expect(await row(types, "RingEX Standard").getByRole("rowheader").textContent()).toBe("RingEX Standard (3)");
    expect(await sidebar.getByLabel("User Type for RingEX Standard").inputValue()).toBe("User");
    expect(await row(types, "RingEX Standard").textContent()).toContain("a RingCentral plan");
    expect(await row(types, "Fax only").getByRole("rowheader").textContent()).toBe("Fax only (2)");
    expect(await sidebar.getByLabel("User Type for Fax only").inputValue()).toBe("");
    expect(await row(types, "Fax only").getAttribute("class")).toContain("unmatched");

    const sites = sidebar.getByRole("table", { name: "Values of Site" });
    expect(await row(sites, "NYC").getByRole("rowheader").textContent()).toBe("NYC (3)");
    expect(await sidebar.getByLabel("Site for NYC").inputValue()).toBe("New York");
    expect(await sidebar.getByLabel("Site for san francisco", { exact: true }).inputValue()).toBe("San Francisco");
    await shot("proposed");

    await sidebar.getByLabel("User Type for Fax only").selectOption("Virtual User");
    await sidebar.getByRole("status").getByText("Every value has a match").waitFor();
    expect(await row(types, "Fax only").getAttribute("class")).not.toContain("unmatched");
    await shot("chosen");
  });

  it("the preview and the import then have no User Type or Site errors, and the values are written mapped", async () => {
    await sidebar.getByRole("button", { name: "Preview" }).click();
    await sidebar.getByText("5 to add").waitFor();
    expect(
      await sidebar
        .locator(".finding-line")
        .filter({ hasText: /User Type|Site "/ })
        .count(),
    ).toBe(0);
    await shot("preview");
    await sidebar.getByRole("button", { name: "Import", exact: true }).click();
    await sidebar.getByText("Imported: 5 added").waitFor();
    await expect
      .poll(async () => (await users()).map((u) => [u.email, u.userType, u.site]))
      .toEqual([
        ["ann@example.com", "User", "New York"],
        ["bob@example.com", "User", "New York"],
        ["cy@example.com", "User", "San Francisco"],
        ["di@example.com", "Virtual User", "New York"],
        ["ed@example.com", "Virtual User", "San Francisco"],
      ]);
  });

  it("the next file with these headers is offered the choice made, nothing left to choose", async () => {
    await sidebar.getByRole("button", { name: "Import another" }).click();
    const next = CSV.replaceAll("51", "52").replaceAll("@example", "@example2");
    await sidebar
      .locator('input[type="file"]')
      .setInputFiles({ name: "offices-2.csv", mimeType: "text/csv", buffer: Buffer.from(next) });
    await expect.poll(() => sidebar.getByLabel("Source of User Type").inputValue()).toBe("Plan");
    await sidebar.getByRole("button", { name: "Preview" }).click();
    await sidebar.getByRole("status").getByText("Every value has a match").waitFor();
    expect(await sidebar.getByLabel("User Type for Fax only").inputValue()).toBe("Virtual User");
  });
});

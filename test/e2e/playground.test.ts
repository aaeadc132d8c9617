import { request as httpRequest } from "node:http";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { writeDemoWorkspace } from "../../src/workbook/demo-workspace";
import { editCell, gridCell, gridSettled } from "./grid";
import { artifacts, openPlayground, type PlaygroundSession } from "./session";

/** The playground in headless Chromium, as a newcomer uses it; a screenshot of each step goes to test-artifacts/. */

let session: PlaygroundSession;

describe("the playground in a browser", () => {
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

  it("shows a cell or a header that looks like HTML as text, never running it", async () => {
    const value = '<img src=x onerror="window.__ran=1">';
    const book = await XlsxWorkbook.open(workbookPath);
    expect(book.read("Locations").length).toBeGreaterThan(0);
    // As a person types it: into a Users cell, and over the header of the Locations tab.
    for (const at of [
      { sheet: "Users", row: 4, column: 9 },
      { sheet: "Locations", row: 1, column: 1 },
    ])
      expect(await asPage("/api/cell", { ...at, value })).toMatchObject({ status: 200 });
    await page.getByText(value).first().waitFor();
    await page.getByRole("tab", { name: "Locations", exact: true }).click();
    await page.locator(".tabulator-col-title", { hasText: value }).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();
  });

  it("answers its own page only: another site, a rebinding Host, a form post or a missing secret are refused", async () => {
    expect(session.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await asPage("/api/version")).status).toBe(200);
    const port = new URL(session.url).port;
    const refused = [
      // A page of another site: it carries its Origin.
      await raw("POST", "/exec/validate", { origin: "https://attacker.example", "content-type": "application/json" }),
      // A rebinding name pointed at 127.0.0.1: its Host is not the playground's.
      await raw("GET", "/api/workbook", { host: `attacker.example:${port}`, "x-playground-secret": session.secret }),
      await raw("GET", "/", { host: `attacker.example:${port}` }),
      // A cross-site form needs no preflight: text/plain, and it cannot add the secret.
      await raw("POST", "/exec/connect", { "content-type": "text/plain" }, '{"server":"https://attacker.example"}'),
      await raw("GET", "/api/workbook", {}),
    ];
    expect(refused).toEqual([403, 403, 403, 403, 403]);
  });

  it("writes only what a person may write: a protected tab the add-in writes is refused, and stays as it was", async () => {
    const before = (await XlsxWorkbook.open(workbookPath)).read("Sync Ledger");
    const answer = await asPage("/api/cell", { sheet: "Sync Ledger", row: 2, column: 1, value: "typed over" });
    expect(answer.body).toEqual({ ok: false, error: expect.stringContaining("protected") });
    expect((await XlsxWorkbook.open(workbookPath)).read("Sync Ledger")).toEqual(before);
  });

  it("runs through google.script.run only the functions the add-in declares, as Apps Script does", async () => {
    const run = (name: string) =>
      page.evaluate(
        (n) =>
          new Promise<string>((resolve) => {
            const frame = document.querySelector<HTMLIFrameElement>("#sidebar")?.contentWindow as unknown as {
              google: { script: { run: Record<string, unknown> } };
            };
            const runner = frame.google.script.run as {
              withSuccessHandler(f: (v: unknown) => void): {
                withFailureHandler(f: (e: Error) => void): Record<string, () => void>;
              };
            };
            runner
              .withSuccessHandler(() => resolve("ran"))
              .withFailureHandler((error) => resolve(error.message))
              [n]?.();
          }),
        name,
      );
    expect(await run("toString")).toBe("Exception: Script function not found: toString");
    expect(await run("eval")).toBe("Exception: Script function not found: eval");
    expect(await run("connectionStatus")).toBe("ran");
  });

  it("asks before a person types over a column the sync writes, as Sheets warns, and writes it only once confirmed", async () => {
    expect((await asPage("/api/menu", { function: "menuSetUpWorkspace" })).body).toEqual({ ok: true });
    await page.getByRole("tab", { name: "Users", exact: true }).click();
    await gridSettled(page);
    const temp = (await XlsxWorkbook.open(workbookPath)).read("Users")[0]?.indexOf("Temp #") ?? -1;
    expect(temp).toBeGreaterThan(0);
    const saved = async () => String((await XlsxWorkbook.open(workbookPath)).read("Users")[1]?.[temp] ?? "");
    const before = await saved();
    const asked: string[] = [];
    page.once("dialog", (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await editCell(page, 2, temp, "+15550000000");
    await expect.poll(() => asked.length, { timeout: 5000 }).toBe(1);
    expect(asked[0]).toMatch(/^Heads up!.*the sync writes this column.*Edit anyway\?$/s);
    await expect.poll(() => gridCell(page, 2, temp).textContent(), { timeout: 5000 }).toBe(before);
    expect(await saved()).toBe(before);

    page.once("dialog", (dialog) => void dialog.accept());
    await editCell(page, 2, temp, "+15550000001");
    await expect.poll(saved, { timeout: 5000 }).toBe("+15550000001");
  });
});

/** A request as the playground's page sends it: its secret, JSON. */
async function asPage(path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${session.url}${path}`, {
    ...(body === undefined ? {} : { method: "POST", body: JSON.stringify(body) }),
    headers: { "content-type": "application/json", "x-playground-secret": session.secret },
  });
  return { status: response.status, body: await response.json() };
}

/** A request as another page or a script would send it, headers as given (Host included): its status. */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<number> {
  const url = new URL(session.url);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers: { host: url.host, ...headers } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

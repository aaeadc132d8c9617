import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, findChromium } from "../../scripts/chromium";

/**
 * The built sidebar as Sheets serves it, with google.script.run played by the page itself: signing in through
 * RingCentral's page must open its window in the click (browsers block one opened after an await).
 */
describe("the sign-in popup (dist/sidebar.html in Chromium)", () => {
  let server: Server;
  let base: string;
  let browser: Browser;
  beforeAll(async () => {
    const sidebar = readFileSync(join(import.meta.dirname, "../../dist/sidebar.html"), "utf8");
    server = createServer((request, response) => {
      response.setHeader("content-type", "text/html; charset=utf-8");
      response.end(request.url?.startsWith("/signin") ? "<title>RingCentral sign-in</title>" : sidebar);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const executablePath = findChromium();
    if (!executablePath) throw new Error("Chromium is missing: npm test installs it as root (see scripts/ensure-chromium.ts).");
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** The sidebar with a google.script.run whose startAuthorization answers after a while, as Apps Script does. */
  async function sidebar(options: { blockPopups: boolean }): Promise<Page> {
    const page = await browser.newPage();
    await page.addInitScript(
      ({ signIn, blockPopups }) => {
        const events: string[] = [];
        (window as unknown as { events: string[] }).events = events;
        const open = window.open.bind(window);
        window.open = (...args: Parameters<typeof window.open>) => {
          events.push("open");
          return blockPopups ? null : open(...args);
        };
        const answers: Record<string, unknown> = {
          connectionStatus: { connected: false, server: "" },
          startAuthorization: { url: signIn, redirectUri: "https://script.google.com/macros/d/ID/usercallback" },
        };
        const runner = (success: (v: unknown) => void, failure: (e: Error) => void) =>
          new Proxy(
            {},
            {
              get: (_target, name: string) => (_input: unknown) => {
                events.push(`run:${name}`);
                setTimeout(() => (name in answers ? success(answers[name]) : failure(new Error(`no ${name} here`))), 300);
              },
            },
          );
        (window as unknown as { google: unknown }).google = {
          script: {
            run: {
              withSuccessHandler: (success: (v: unknown) => void) => ({
                withFailureHandler: (failure: (e: Error) => void) => runner(success, failure),
              }),
            },
          },
        };
      },
      { signIn: `${base}/signin?client_id=app-1`, blockPopups: options.blockPopups },
    );
    await page.goto(base);
    await page.getByRole("tab", { name: "Account" }).click();
    await page.getByText("RingCentral's sign-in page").click();
    await page.getByLabel("App client ID").fill("app-1");
    return page;
  }

  it("opens the window in the click, before asking the server, then sends it to RingCentral's page", async () => {
    const page = await sidebar({ blockPopups: false });
    const popup = page.waitForEvent("popup");
    await page.getByRole("button", { name: "Sign in…" }).click();
    const window = await popup;
    await window.waitForURL(`${base}/signin?client_id=app-1`);
    const events = await page.evaluate(() => (window as unknown as { events: string[] }).events);
    const clicked = events.filter((e) => e === "open" || e === "run:startAuthorization");
    expect(clicked).toEqual(["open", "run:startAuthorization"]);
    await page.getByText("Sign in on RingCentral's page in the new window").waitFor();
    await page.close();
  });

  it("shows the page's address as a link when the browser blocked the window", async () => {
    const page = await sidebar({ blockPopups: true });
    await page.getByRole("button", { name: "Sign in…" }).click();
    const link = page.getByRole("link", { name: "Open RingCentral's sign-in page" });
    await link.waitFor();
    expect(await link.getAttribute("href")).toBe(`${base}/signin?client_id=app-1`);
    await page.getByText("Your browser blocked the sign-in window").waitFor();
    await page.close();
  });
});

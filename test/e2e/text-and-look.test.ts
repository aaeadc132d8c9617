import { join } from "node:path";
import type { Frame, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AA_CONTRAST, contrastRatio } from "../../src/domain/colour-contrast";
import { SYNC_LOG_TAB, USERS_TAB } from "../../src/domain/tabs";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { decodeTab } from "../../src/workbook/codec";
import { writeDemoWorkspace } from "../../src/workbook/demo-workspace";
import { REQUIRED_HEADER_COLOUR } from "../../src/workbook/required-headers";
import { gridCell, gridSettled, selectRows } from "./grid";
import { artifacts, openPlayground, type PlaygroundSession } from "./session";

/**
 * The sidebar's words and looks, in the playground in headless Chromium at Google's 300 px: counts in one plural
 * rule, times in the person's own zone, required columns marked, stars that never wrap alone, placeholders that fit,
 * Learn more inside its card, one blue for selected rows, readable tag fills, disabled buttons that say why. Each
 * panel's screenshot goes to test-artifacts/e2e/panel-*.png (test-artifacts/ is not committed).
 */
const ZONE = "America/Los_Angeles";
const PANELS = ["Validate", "Import", "Users", "Sync", "Roles", "Tags", "Account"];
const CSV = ["Full Name,Work Email,Extension,Site,Type", "Ann Lee,ann.lee@example.com,4201,San Mateo,User"].join("\r\n");
const NOUNS = "error|warning|note|finding|group|row|user|site|record|role change|new site|unassigned line|cell|permission|minute";
/** A count whose noun disagrees with it: "1 errors", "0 error", "2 user". */
const BAD_PLURAL = new RegExp(`\\b1 (?:${NOUNS.replaceAll("|", "s|")}s)\\b|\\b(?:0|[2-9]|\\d{2,}) (?:${NOUNS})\\b`);

function rgb(css: string): string {
  const [r, g, b] = (css.match(/\d+/g) ?? []).map(Number) as [number, number, number];
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

describe("text and look of the sidebar and the grid", { timeout: 120_000 }, () => {
  let session: PlaygroundSession;
  let page: Page;
  let sidebar: FrameLocator;
  let frame: Frame;
  const panel = (name: string) => sidebar.getByRole("tab", { name, exact: true }).click();
  // The text as the person reads it (rendered, words apart), not the nodes' text run together.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
  const sidebarText = () => frame.evaluate(() => document.body.innerText);

  beforeAll(async () => {
    session = await openPlayground({
      seed: 1,
      height: 1800,
      timezoneId: ZONE,
      prepare: (book) => {
        writeDemoWorkspace(book, { users: 12, errorRate: 0.3, seed: 7 });
        // Dept:Sales in navy: black text on it would be unreadable as it is.
        book.write("Tags", { row: 2, column: 3, values: [["#000080"]] });
      },
    });
    page = session.page;
    sidebar = page.frameLocator("#sidebar");
    await sidebar.getByRole("tab", { name: "Validate" }).waitFor();
    frame = page.frames().find((f) => f.url().includes("/sidebar")) as Frame;
  });

  afterAll(() => session?.close());

  it("Validate: counts in one plural rule, and each finding's Learn more inside its card", async () => {
    await panel("Validate");
    await sidebar.locator("button.primary", { hasText: "Validate" }).click();
    await sidebar.locator(".finding-group").first().waitFor();
    const badges = await sidebar.locator(".counts .badge").allTextContents();
    expect(badges).toHaveLength(3);
    for (const badge of badges) expect(badge).toMatch(/^(1 (error|warning|note)|(0|[2-9]|\d\d+) (errors|warnings|notes))$/);
    expect(await sidebarText()).not.toMatch(BAD_PLURAL);
    const cards = await frame.evaluate(() =>
      [...document.querySelectorAll(".finding-group")].map((group) => {
        const box = group.getBoundingClientRect();
        const edge = getComputedStyle(group).borderLeftWidth;
        const links = [...group.querySelectorAll("button.link")].filter((b) => b.textContent === "Learn more");
        return {
          edge,
          inside: links.every((l) => {
            const r = l.getBoundingClientRect();
            return r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
          }),
          links: links.length,
        };
      }),
    );
    expect(cards.some((c) => c.links > 0)).toBe(true);
    for (const card of cards) expect(card).toMatchObject({ edge: "3px", inside: true });
  });

  it("Users headers: the required columns are shaded, with a note; the others are not", async () => {
    await page.getByRole("tab", { name: "Users", exact: true }).click();
    await gridSettled(page);
    const headers = await page.evaluate(() =>
      [...document.querySelectorAll("#grid .tabulator-col")].map((c) => ({
        title: c.querySelector(".tabulator-col-title")?.textContent ?? "",
        background: getComputedStyle(c).backgroundColor,
        tooltip: c.getAttribute("title") ?? "",
      })),
    );
    const shaded = headers.filter((h) => rgb(h.background) === REQUIRED_HEADER_COLOUR).map((h) => h.title);
    expect(shaded).toEqual(USERS_TAB.columns.filter((c) => c.required).map((c) => c.header));
    expect(headers.find((h) => h.title === "Email")?.tooltip).toBe("Required: fill Email on every row.");
    expect(headers.find((h) => h.title === "Dept")?.tooltip).toBe("");
  });

  it("the grid: tag fills read at WCAG AA, a navy tag lightened; one blue for selected rows, hovered or not", async () => {
    const tags = USERS_TAB.columns.findIndex((c) => c.key === "tags");
    const painted = await page.evaluate((field) => {
      return [...document.querySelectorAll(`#grid .tabulator-cell[tabulator-field="${field}"]`)]
        .filter((cell) => (cell as HTMLElement).style.background)
        .map((cell) => ({
          text: cell.textContent ?? "",
          background: getComputedStyle(cell).backgroundColor,
          colour: getComputedStyle(cell).color,
        }));
    }, `c${tags}`);
    expect(painted.length).toBeGreaterThan(3);
    for (const cell of painted)
      expect(contrastRatio(rgb(cell.background), rgb(cell.colour)), JSON.stringify(cell)).toBeGreaterThanOrEqual(AA_CONTRAST);
    const sales = painted.find((c) => c.text.startsWith("Dept:Sales"));
    expect(sales && rgb(sales.background)).not.toBe("#000080");

    await selectRows(page, [3, 5]);
    await gridCell(page, 5, 1).hover();
    const blues = await page.evaluate(() =>
      [...document.querySelectorAll("#grid .tabulator-row.tabulator-selected")].map((r) => getComputedStyle(r).backgroundColor),
    );
    expect(blues).toHaveLength(2);
    expect(new Set(blues).size).toBe(1);
    await page.screenshot({ path: join(artifacts, "grid-look.png") });
    await selectRows(page, []);
  });

  it('Import: "1 record", each star on its field\'s line, and the one-value placeholder fits its box', async () => {
    await panel("Import");
    await sidebar
      .locator('input[type="file"]')
      .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });
    await sidebar.getByLabel("Source of Email").waitFor();
    await sidebar.getByText("1 record.", { exact: true }).waitFor();
    await sidebar.getByLabel("Source of Dept").selectOption({ label: "One value for all rows…" });
    const stars = await frame.evaluate(() =>
      [...document.querySelectorAll("table.mapping th .required")].map((star) => {
        const name = star.previousSibling as Node;
        const range = document.createRange();
        range.selectNodeContents(name);
        const lines = range.getClientRects();
        const last = lines[lines.length - 1] as DOMRect;
        return { field: name.textContent, sameLine: Math.abs(star.getBoundingClientRect().top - last.top) < 2 };
      }),
    );
    expect(stars.map((s) => s.field)).toEqual(USERS_TAB.columns.filter((c) => c.required).map((c) => c.header));
    for (const star of stars) expect(star).toMatchObject({ sameLine: true });
    const fit = await frame.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('input[aria-label="Value of Dept for all rows"]');
      if (!input) return null;
      const style = getComputedStyle(input);
      const context = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      return { text: context.measureText(input.placeholder).width, room };
    });
    expect(fit).not.toBeNull();
    expect(fit?.text).toBeLessThanOrEqual(fit?.room ?? 0);
    await page.locator("#sidebar").screenshot({ path: join(artifacts, "panel-import-mapping.png") });
    await sidebar.getByRole("button", { name: "Back" }).click();
  });

  it("disabled buttons say why (Apply role with no role chosen); Preview plan with no site ticked is not a dead end", async () => {
    await panel("Sync");
    // With no site ticked the plan still shows the account's roles, so the button stays enabled.
    const preview = sidebar.getByRole("button", { name: "Preview plan" });
    await expect.poll(() => preview.isDisabled()).toBe(false);
    await panel("Roles");
    const apply = sidebar.getByRole("button", { name: "Apply role…" });
    expect(await apply.isDisabled()).toBe(true);
    expect(await sidebar.locator(`#${await apply.getAttribute("aria-describedby")}`).textContent()).toBe(
      "Choose a role above first.",
    );
  });

  it("Sync: the plan's counts agree with their nouns; a finished sync says none failed; times local, Who the person", async () => {
    await panel("Sync");
    await sidebar.getByLabel("San Mateo").check();
    expect(await sidebar.locator("#preview-why").count()).toBe(0);
    await sidebar.getByRole("button", { name: "Preview plan" }).click();
    await sidebar.getByRole("region", { name: "Plan" }).waitFor();
    const badges = await sidebar.getByRole("region", { name: "Plan" }).locator(".badge").allTextContents();
    expect(badges).toContain("1 new site");
    expect(badges).toContain("0 role changes");
    expect(await sidebarText()).not.toMatch(BAD_PLURAL);
    await sidebar.getByRole("button", { name: "Sync San Mateo" }).click();
    const done = sidebar.getByText(/^Sync finished\./);
    await done.waitFor({ timeout: 60_000 });
    const words = (await done.textContent()) ?? "";
    expect(words).not.toContain("so far");
    expect(words).toMatch(/ (none failed|\d+ failed)[;.]/);

    const book = await XlsxWorkbook.open(session.workbookPath);
    const log = decodeTab(SYNC_LOG_TAB, book.read("Sync Log")).records.at(-1);
    expect(log?.who).toBe("you@example.com");
    // The sheet keeps ISO; the sidebar shows the same moment in the person's zone.
    expect(log?.when).toMatch(/Z$/);
    const synced = decodeTab(USERS_TAB, book.read("Users")).records.find((u) => u.site === "San Mateo" && u.syncedAt);
    expect(synced?.syncedAt).toMatch(/Z$/);
    const history = sidebar.getByRole("list", { name: "Sync Log" });
    await history.locator("li").first().waitFor();
    const line = (await history.locator("li").first().textContent()) ?? "";
    const clock = (iso: string, timeZone: string) =>
      new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit" })
        .format(new Date(iso))
        .replace(/\s?[AP]M/, "");
    expect(line).toContain("you@example.com");
    expect(line).toContain(clock(log?.when ?? "", ZONE));
    expect(line).not.toContain(log?.when ?? "");
    const site = (await sidebar.getByRole("list", { name: "Sites last synced" }).textContent()) ?? "";
    expect(site).toContain("Synced ");
    expect(site).toContain(clock(synced?.syncedAt ?? "", ZONE));
    expect(site).not.toContain(synced?.syncedAt ?? "");
    expect(clock(log?.when ?? "", ZONE)).not.toBe(clock(log?.when ?? "", "UTC"));
  });

  it("every panel at Google's 300 px: nothing wider than the sidebar; a screenshot of each", async () => {
    for (const name of PANELS) {
      await panel(name);
      await page.waitForTimeout(300);
      const width = await frame.evaluate(() => ({ body: document.documentElement.scrollWidth, view: window.innerWidth }));
      expect(width.view).toBe(300);
      expect(width.body, name).toBeLessThanOrEqual(300);
      expect(await sidebarText(), name).not.toMatch(BAD_PLURAL);
      await page.locator("#sidebar").screenshot({ path: join(artifacts, `panel-${name.toLowerCase()}.png`) });
    }
  });
});

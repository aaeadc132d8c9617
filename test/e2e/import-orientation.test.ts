import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpWorkspace } from "../../src/workbook/setup";
import { artifacts, openPlayground, type PlaygroundSession } from "./session";

/**
 * The orientation is chosen for one file (issue 19): the wizard shows what detection found ("Detected: vertical —
 * change"), a change re-reads that file, and the next file is detected again, not read the way the last one was
 * forced. Headless Chromium, the built add-in. Screenshots: test-artifacts/e2e/import-orientation-*.png.
 */
const corpus = (name: string) => readFileSync(join(import.meta.dirname, "../fixtures/import", name));

describe("the orientation chosen for one file", { timeout: 120_000 }, () => {
  let session: PlaygroundSession;
  let page: Page;
  let sidebar: FrameLocator;
  const shot = (name: string) => page.screenshot({ path: join(artifacts, `import-orientation-${name}.png`) });
  const choose = (name: string) =>
    sidebar.locator('input[type="file"]').setInputFiles({ name, mimeType: "text/csv", buffer: corpus(name) });

  beforeAll(async () => {
    session = await openPlayground({ seed: 11, prepare: setUpWorkspace, height: 900, connected: false });
    page = session.page;
    sidebar = page.frameLocator("#sidebar");
    await sidebar.getByRole("tab", { name: "Import", exact: true }).click();
    // Starting the sandbox and the playground on a loaded machine can outlast the default hook timeout.
  }, 120_000);
  afterAll(() => session?.close());

  it("shows the detected orientation, re-reads the file when it is changed, and detects the next file again", async () => {
    await choose("vertical-brd.csv");
    await sidebar.getByText("Detected: vertical").waitFor();
    expect(await sidebar.getByLabel("Source of Email").inputValue()).toBe("E-mail address");
    await shot("detected-vertical");

    await sidebar.getByRole("button", { name: "change" }).click();
    await sidebar.getByLabel("Field names run").selectOption("horizontal");
    await sidebar.getByText("Chosen for this file: horizontal").waitFor();
    await shot("forced-horizontal");

    await sidebar.getByRole("button", { name: "Back" }).click();
    await choose("hr-export.csv");
    await sidebar.getByText("Detected: horizontal").waitFor();
    await expect.poll(() => sidebar.getByLabel("Source of Email").inputValue()).toBe("Work Email");
    await shot("next-file-detected");

    // And the other way round: a file forced vertical leaves the next vertical file to detection too.
    await sidebar.getByRole("button", { name: "change" }).click();
    await sidebar.getByLabel("Field names run").selectOption("vertical");
    await sidebar.getByText("Chosen for this file: vertical").waitFor();
    await sidebar.getByRole("button", { name: "Back" }).click();
    await choose("vertical-title.csv");
    await sidebar.getByText("Detected: vertical").waitFor();
  });
});

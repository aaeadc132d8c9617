import { mkdirSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "../../scripts/chromium";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import type { OtherSpreadsheet, PlaygroundAddIn } from "../../src/playground/add-in";
import { startPlayground } from "../../src/playground/server";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";

export const artifacts = join(import.meta.dirname, "../../test-artifacts/e2e");

/** A browser session on the playground: a workbook file made by `prepare`, a sandbox, the page open. */
export interface PlaygroundSession {
  page: Page;
  workbookPath: string;
  url: string;
  /** The secret the playground's pages carry, for requests a test sends as the page would. */
  secret: string;
  sandbox: RunningSandbox;
  /** The other spreadsheets the add-in may open, in the order given: their links. */
  others: OtherSpreadsheet[];
  /** The add-in in its runtime, for a test that sets what the person's properties hold. */
  addIn: PlaygroundAddIn;
  close(): Promise<void>;
}

export async function openPlayground(options: {
  seed: number;
  prepare: (book: XlsxWorkbook) => void;
  height?: number;
  /**
   * How much faster than real time the sandbox and the Apps Script runtime run (100 unless told). The runtime's
   * limits scale too: at 100 a simple trigger (onEdit) has 0.3 s, which a loaded machine may spend loading the script.
   */
  timeScale?: number;
  /** Whether the person starts connected to RingCentral (the sandbox); true unless told. */
  connected?: boolean;
  /** The browser's time zone (the machine's unless told): where the sidebar's local times are checked. */
  timezoneId?: string;
  /** Other Google spreadsheets (a customer's), each a workbook file; shared with the person unless told. */
  others?: { name: string; prepare: (book: XlsxWorkbook) => void; shared?: boolean }[];
}): Promise<PlaygroundSession> {
  mkdirSync(artifacts, { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), "rcsheets-e2e-"));
  const workbookPath = join(dir, "workspace.xlsx");
  const others = [];
  for (const other of options.others ?? []) {
    const path = join(dir, `${other.name}.xlsx`);
    const otherBook = XlsxWorkbook.create();
    other.prepare(otherBook);
    await otherBook.save(path);
    others.push({ path, ...(other.shared === false ? { shared: false } : {}) });
  }
  const book = XlsxWorkbook.create();
  options.prepare(book);
  await book.save(workbookPath);
  const timeScale = options.timeScale ?? 100;
  const sandbox = await startSandbox({ seed: options.seed, timeScale });
  const playground = await startPlayground({
    workbookPath,
    distDir: join(import.meta.dirname, "../../dist"),
    ringCentral: sandbox.serverUrl,
    timeScale,
    others,
    ...(options.connected === false
      ? {}
      : { credential: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, jwt: sandbox.jwt } }),
  });
  const executablePath = findChromium();
  if (!executablePath) throw new Error("Chromium is missing: npm test installs it as root (see scripts/ensure-chromium.ts).");
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const page = await browser.newPage({
    viewport: { width: 1400, height: options.height ?? 820 },
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  await page.goto(playground.url);
  return {
    page,
    workbookPath,
    url: playground.url,
    secret: playground.secret,
    sandbox,
    others: playground.addIn.others,
    addIn: playground.addIn,
    close: async () => {
      await browser.close();
      await playground.close();
      await sandbox.close();
    },
  };
}

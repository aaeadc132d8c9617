import type { FirstContactReport } from "../../src/gas/triggers";
import { setUpWorkspace } from "../../src/workbook/setup";
import { openPlayground } from "./session";

/**
 * The sidebar's half of first contact in the playground in headless Chromium, as a person runs it in a test
 * deployment: `rcsheetsSelfTest()` in the sidebar's frame, then a click on its button. The download's question is
 * answered by what the browser did (a download event came, or not). The report the sidebar shows is answered.
 */
export async function sidebarSelfTest(): Promise<FirstContactReport> {
  // Real time: selfTest with the Workbook contract is more than a scaled execution's seconds.
  const session = await openPlayground({ seed: 22, prepare: setUpWorkspace, connected: false, timeScale: 1 });
  try {
    const { page } = session;
    // The question comes at once after the click; the browser's download event may come a moment later.
    const downloaded = page.waitForEvent("download", { timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    page.on("dialog", (dialog) => {
      void downloaded.then((arrived) => (arrived ? dialog.accept() : dialog.dismiss()));
    });
    const frame = page.frame({ url: /\/sidebar/ });
    if (!frame) throw new Error("The playground shows no sidebar.");
    await frame.evaluate(() => (globalThis as unknown as { rcsheetsSelfTest: () => void }).rcsheetsSelfTest());
    await frame.getByRole("button", { name: "Run the self-test" }).click();
    const report = frame.locator("pre").filter({ hasText: '"kind"' });
    await report.waitFor({ timeout: 120_000 });
    return JSON.parse((await report.textContent()) ?? "") as FirstContactReport;
  } finally {
    await session.close();
  }
}

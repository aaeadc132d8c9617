import type { Page } from "playwright-core";

/** The playground grid's cell of a sheet row and a 0-based column, by the row number the grid shows. */
export function gridCell(page: Page, row: number, column: number) {
  return page.locator(
    `.tabulator-row:has(.tabulator-cell[tabulator-field="_row"]:text-is("${row}")) .tabulator-cell[tabulator-field="c${column}"]`,
  );
}

/**
 * Types a value into a grid cell as a person does: click, wait for the editor, replace, Enter. A click that lands
 * while the grid redraws itself opens nothing, and the person clicks again.
 */
export async function editCell(page: Page, row: number, column: number, value: string): Promise<void> {
  const input = page.locator(".tabulator-editing input");
  for (let clicks = 1; ; clicks++) {
    await gridCell(page, row, column).click();
    const opened = await input.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (opened) break;
    if (clicks === 5) throw new Error(`Row ${row}'s cell ${column} opened no editor after ${clicks} clicks.`);
  }
  await input.fill(value);
  await input.press("Enter");
}

/** Waits until the grid shows the workbook's latest version (the sidebar's last change has been reloaded). */
export async function gridSettled(page: Page): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    const [shown, latest] = await page.evaluate(async () => {
      const secret = document.querySelector<HTMLMetaElement>('meta[name="playground-secret"]')?.content ?? "";
      const answer = await fetch("/api/version", { headers: { "x-playground-secret": secret } });
      return [document.body.dataset.version, String(((await answer.json()) as { version: number }).version)];
    });
    if (shown === latest) return;
    await page.waitForTimeout(100);
  }
  throw new Error("The grid did not catch up with the workbook.");
}

/** Selects exactly these rows in the grid (a click toggles a row, as in the grid of a sheet with row selection). */
export async function selectRows(page: Page, rows: number[]): Promise<void> {
  const number = (row: number) => page.locator(`.tabulator-cell[tabulator-field="_row"]:text-is("${row}")`);
  const selected = async () =>
    (await page.locator('.tabulator-row.tabulator-selected .tabulator-cell[tabulator-field="_row"]').allTextContents()).map(
      Number,
    );
  for (const row of await selected()) if (!rows.includes(row)) await number(row).click();
  for (const row of rows) if (!(await selected()).includes(row)) await number(row).click();
}

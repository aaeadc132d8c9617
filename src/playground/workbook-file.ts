import { XlsxWorkbook } from "../node/xlsx-workbook";

/**
 * A workbook file the playground is given (`--workbook`, `--open`), checked as the CLI checks one before the runtime
 * turns it into a spreadsheet: its zip within the limits (merges counted cell by cell), then each sheet's span from A1
 * to its farthest value, found from the cells it holds before any grid is filled. Throws one line that names the
 * file and the limit it met.
 */
export async function checkWorkbookFile(path: string): Promise<void> {
  const book = await XlsxWorkbook.open(path);
  for (const { name } of book.sheets()) {
    try {
      book.read(name);
    } catch (error) {
      throw new Error(`"${path}": ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
}

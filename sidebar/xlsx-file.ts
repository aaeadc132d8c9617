import { lazyScript } from "./lazy-script";
import type { XlsxReader } from "./xlsx-reader";

/** A value of a source row as the server takes it (the `rows` source). */
export type RowValue = string | number | boolean;

/** One sheet of the file with a value in it: its name and rows. */
export interface XlsxSheet {
  name: string;
  rows: RowValue[][];
}

/** The limits the server gave (listSourceTabs), so that the sidebar refuses what the CLI refuses, in its words. */
export interface FileLimits {
  fileBytes: number;
  inflatedBytes: number;
}

/**
 * An .xlsx file read in the browser into the rows of each sheet that holds a value. Its parts' inflated sizes are
 * added up from the zip's directory before anything is inflated, so a small file that unpacks to gigabytes is
 * refused rather than freezing the sidebar. Rows and columns are counted by the server, as for every source.
 */
export async function readXlsxSheets(file: File, limits: FileLimits): Promise<XlsxSheet[] | { problem: string }> {
  if (file.size > limits.fileBytes) return { problem: tooLarge(file.name, limits.fileBytes) };
  const { unzipSync, readXlsxFile } = lazyScript<XlsxReader>("xlsx-reader", "rcsheetsXlsxReader");
  const bytes = new Uint8Array(await file.arrayBuffer());
  let inflated = 0;
  try {
    unzipSync(bytes, {
      filter: (part) => {
        inflated += part.originalSize;
        return false;
      },
    });
  } catch {
    return { problem: `${file.name} is not an .xlsx workbook: save it from Excel as .xlsx (or as CSV) and choose it again.` };
  }
  if (inflated > limits.inflatedBytes)
    return {
      problem: `${file.name} unpacks to ${megabytes(inflated)}; the limit is ${megabytes(limits.inflatedBytes)}: save only the sheet you import, or as CSV.`,
    };
  try {
    // Numbers kept as written: "0101" stays "0101" where the cell is text, and no float turns 12125550101 into 1.2e10.
    const sheets = await readXlsxFile(bytes.buffer, { parseNumber: (text: string) => text });
    return sheets
      .map(({ sheet, data }) => ({ name: sheet, rows: data.map((row) => row.map(rowValue)) }))
      .filter((sheet) => sheet.rows.some((row) => row.some((value) => value !== "")));
  } catch (error) {
    return { problem: `${file.name} could not be read as .xlsx: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function rowValue(value: unknown): RowValue {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === "number" || typeof value === "boolean" ? value : String(value);
}

export function tooLarge(name: string, limit: number): string {
  return `${name} is over ${megabytes(limit)}: import it with the CLI (rcsheets import), or split it.`;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

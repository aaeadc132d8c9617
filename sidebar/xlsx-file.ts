import type { SourceLimits } from "../src/server/list-tabs";
import { lazyScript } from "./lazy-script";
import { type SheetXml, sheetPartNames, xlsxExtentProblem } from "./xlsx-extent";
import type { XlsxReader } from "./xlsx-reader";

/** A value of a source row as the server takes it (the `rows` source). */
export type RowValue = string | number | boolean;

/** One sheet of the file with a value in it: its name and rows. */
export interface XlsxSheet {
  name: string;
  rows: RowValue[][];
}

/** The limits the server gave (listSourceTabs), so that the sidebar refuses what the CLI refuses, in its words. */
export type FileLimits = SourceLimits;

/**
 * An .xlsx file read in the browser into the rows of each sheet that holds a value. Its parts' inflated sizes are
 * added up from the zip's directory before anything is inflated, so a small file that unpacks to gigabytes is
 * refused rather than freezing the sidebar; then each sheet's reach is read from its XML (xlsx-extent.ts), so that a
 * far cell or a whole-sheet merge is refused before any row is filled. Rows and columns with values are counted by
 * the server, as for every source.
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
  let sheets: SheetXml[] | string;
  try {
    sheets = sheetXml(unzipSync, bytes);
  } catch {
    sheets = "its zip is damaged. Open it in Excel or Sheets and save it again as .xlsx.";
  }
  if (typeof sheets === "string") return { problem: `${file.name} is not an .xlsx workbook: ${sheets}` };
  const overLimit = xlsxExtentProblem(file.name, sheets, limits);
  if (overLimit) return { problem: overLimit };
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

/** The sheets' XML by their names (inflated: within the limit just checked), or why there is none. */
function sheetXml(unzip: XlsxReader["unzipSync"], bytes: Uint8Array): SheetXml[] | string {
  const WORKBOOK = "xl/workbook.xml";
  const RELS = "xl/_rels/workbook.xml.rels";
  const parts = unzip(bytes, {
    filter: (part) => part.name === WORKBOOK || part.name === RELS || part.name.startsWith("xl/worksheets/"),
  });
  const text = (name: string) => new TextDecoder().decode(parts[name] ?? new Uint8Array());
  const names = sheetPartNames(text(WORKBOOK), text(RELS));
  if (names.size === 0) return "it names no sheets. Save it from Excel as .xlsx (or as CSV) and choose it again.";
  return [...names].map(([part, name]) => ({ name, xml: text(part) }));
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

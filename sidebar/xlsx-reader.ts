/**
 * The .xlsx reader, built apart from the sidebar and carried in it as text (see lazy-script.ts): parsed only when a
 * person chooses an .xlsx file to import.
 */
import { unzipSync } from "fflate";
import readXlsxFile from "read-excel-file/browser";

export interface XlsxReader {
  unzipSync: typeof unzipSync;
  readXlsxFile: typeof readXlsxFile;
}

(globalThis as { rcsheetsXlsxReader?: XlsxReader }).rcsheetsXlsxReader = { unzipSync, readXlsxFile };

/**
 * The XLSX writer, built apart from the sidebar and carried in it as text (see lazy-script.ts): the browser
 * parses it only when Export XLSX is pressed, so people who never export don't pay for it on every open.
 */
import writeXlsxFile from "write-excel-file/browser";

(globalThis as { rcsheetsXlsxWriter?: typeof writeXlsxFile }).rcsheetsXlsxWriter = writeXlsxFile;

import type writeXlsxFile from "write-excel-file/browser";
import { lazyScript } from "./lazy-script";

/** Saves text as a file from the sidebar: a data: URL on a link, as HtmlService's sandbox allows downloads. */
export function download(fileName: string, text: string, type = "text/csv"): void {
  const link = document.createElement("a");
  link.href = `data:${type};charset=utf-8,${encodeURIComponent(text)}`;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/**
 * Saves rows as an .xlsx file, written here in the browser (as text cells: nothing a spreadsheet would run), its
 * sheet named after the tab it came from.
 */
export async function downloadXlsx(file: { fileName: string; sheetName: string; rows: string[][] }): Promise<void> {
  const cells = file.rows.map((row) => row.map((value) => ({ value, type: String })));
  const blob = await xlsxWriter()(cells, { sheet: file.sheetName }).toBlob();
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
  const link = document.createElement("a");
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

type XlsxWriter = typeof writeXlsxFile;

const xlsxWriter = () => lazyScript<XlsxWriter>("xlsx-writer", "rcsheetsXlsxWriter");

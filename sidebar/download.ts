import type writeXlsxFile from "write-excel-file/browser";

/** Saves text as a file from the sidebar: a data: URL on a link, as HtmlService's sandbox allows downloads. */
export function download(fileName: string, text: string, type = "text/csv"): void {
  const link = document.createElement("a");
  link.href = `data:${type};charset=utf-8,${encodeURIComponent(text)}`;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** Saves rows as an .xlsx file, written here in the browser (as text cells: nothing a spreadsheet would run). */
export async function downloadXlsx(fileName: string, rows: string[][]): Promise<void> {
  const blob = await xlsxWriter()(rows.map((row) => row.map((value) => ({ value, type: String })))).toBlob();
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

type XlsxWriter = typeof writeXlsxFile;

/** The writer, run from the text the page carries the first time it is needed (one self-contained page for HtmlService). */
function xlsxWriter(): XlsxWriter {
  const holder = globalThis as { rcsheetsXlsxWriter?: XlsxWriter };
  if (!holder.rcsheetsXlsxWriter) {
    const script = document.createElement("script");
    script.text = document.getElementById("xlsx-writer")?.textContent ?? "";
    document.head.appendChild(script);
  }
  if (!holder.rcsheetsXlsxWriter) throw new Error("The XLSX writer is missing from this page: export as CSV instead.");
  return holder.rcsheetsXlsxWriter;
}

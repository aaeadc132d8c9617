/** Saves text as a file from the sidebar: a data: URL on a link, as HtmlService's sandbox allows downloads. */
export function download(fileName: string, text: string, type = "text/csv"): void {
  const link = document.createElement("a");
  link.href = `data:${type};charset=utf-8,${encodeURIComponent(text)}`;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

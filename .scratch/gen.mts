import ExcelJS from "exceljs";
import JSZip from "jszip";
const rows = Number(process.argv[2]);
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet("Users");
for (let r = 1; r <= rows; r++) { const line = []; for (let c = 0; c < 20; c++) line.push(`v${r}x${c}`); ws.addRow(line); }
const buf = await wb.xlsx.writeBuffer();
const fs = await import("node:fs"); fs.writeFileSync(`/tmp/hm/w${rows}.xlsx`, Buffer.from(buf));
const zip = await JSZip.loadAsync(buf); let total = 0;
for (const f of Object.values(zip.files)) { total += (f as any)._data.uncompressedSize ?? 0; }
console.log(rows, "compressed", buf.byteLength, "inflated", total);

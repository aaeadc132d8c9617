import ExcelJS from "exceljs";
import fs from "node:fs";
const wb = new ExcelJS.Workbook();
await wb.xlsx.load(fs.readFileSync(process.argv[2]));
global.gc?.(); console.log("heap MB", Math.round(process.memoryUsage().heapUsed/1e6), "rss", Math.round(process.memoryUsage().rss/1e6));

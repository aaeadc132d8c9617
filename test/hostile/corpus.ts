/**
 * The hostile-file corpus: files a customer, a broken export or a careless path can hand the CLI, generated into a
 * folder (nothing big is committed). Each says what `map`, `import` and `validate` should answer: 0 (read) or 1
 * (refused, or findings). `runs` lists the commands that apply: `validate` takes a workbook, so CSVs skip it.
 */
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { writeDemoWorkspace } from "../../src/workbook/demo-workspace";

export type Command = "map" | "import" | "validate";

export interface HostileFile {
  name: string;
  path: string;
  /** The exit status each command should end with; a command not listed is not run on this file. */
  expect: Partial<Record<Command, 0 | 1>>;
  /** A workbook-shaped file: also given as the target of `import --into … --yes`, which must leave it unchanged. */
  asTarget?: boolean;
  /** Required fields the file lacks, given one value each (`--set`) so that the import gate lets a file that reads in. */
  given?: string[];
}

const fixtures = join(import.meta.dirname, "../fixtures/import");
const REFUSED = { map: 1, import: 1, validate: 1 } as const;
const CSV_READ = { map: 0, import: 0 } as const;
const CSV_REFUSED = { map: 1, import: 1 } as const;

/** Writes every file of the corpus into `dir` and returns them, with a good workspace to import into. */
export async function writeCorpus(dir: string): Promise<{ files: HostileFile[]; workspace: string }> {
  await mkdir(dir, { recursive: true });
  const at = (name: string) => join(dir, name);
  const files: HostileFile[] = [];
  const add = async (name: string, data: string | Buffer, expect: HostileFile["expect"], asTarget = false) => {
    await writeFile(at(name), data);
    files.push({ name, path: at(name), expect, asTarget });
  };

  const workspace = at("workspace.xlsx");
  const demo = XlsxWorkbook.create();
  writeDemoWorkspace(demo, { users: 12, errorRate: 0, seed: 3 });
  await demo.save(workspace);

  // CSV: fine, odd encodings, formulas, and the ones that must be refused.
  await copyFile(join(fixtures, "hr-export.csv"), at("good.csv"));
  files.push({ name: "good.csv", path: at("good.csv"), expect: CSV_READ });
  const hr = await readFile(join(fixtures, "hr-export.csv"), "utf8");
  await add("utf16-bom.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(hr, "utf16le")]), CSV_READ);
  await add("windows-1252.csv", Buffer.from(hr.replace("Hopper", "H\u00f6pper"), "latin1"), CSV_READ);
  await add(
    "formula-values.csv",
    'First Name,Last Name,Email\n"=HYPERLINK(""http://example.com"",""x"")",Lee,a@example.com\n=1+2,Kim,b@example.com\n',
    { map: 0, import: 1 },
  );
  await add("binary.csv", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), CSV_REFUSED);
  await add("nul-bytes.csv", "Email,Name\na@example.com\u0000,Ann\n", CSV_REFUSED);
  await add("empty.csv", "", CSV_REFUSED);
  await add("only-bom.csv", "\ufeff\r\n\r\n", CSV_REFUSED);
  await add("unclosed-quote.csv", 'Email,First Name\n"a@example.com,Ann\nb@example.com,Bob\n', CSV_REFUSED);
  await add("huge-cell.csv", `Email,Notes\na@example.com,${"x".repeat(5_000_000)}\n`, CSV_REFUSED);
  await add("million-rows.csv", `Email,Ext\n${"x@y.io,1\n".repeat(1_000_000)}`, CSV_REFUSED);
  await add("million-columns.csv", `${Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(",")}\n`, CSV_REFUSED);
  await add("only-delimiters.csv", `Email,First Name\n${",".repeat(5_000_000)}\n`, { map: 0, import: 1 });
  await add("over-10-mb.csv", `Email,Name\n${"someone@example.com,Someone Somebody\n".repeat(320_000)}`, CSV_REFUSED);

  // .xlsx: a good source, a good workspace, and the broken and hostile ones.
  const source = await xlsxSource();
  // validate ends with 1 on these: findings (a source is not a workspace; the demo lacks a CA line), not refusals.
  await add("good-source.xlsx", source, { map: 0, import: 0, validate: 1 });
  await copyFile(workspace, at("good-workspace.xlsx"));
  files.push({ name: "good-workspace.xlsx", path: at("good-workspace.xlsx"), expect: { map: 0, import: 0, validate: 1 } });
  // Read as what it holds, not as what its name says: CSV text is imported, and is no workbook.
  await add("not-a-zip.xlsx", "Email,Name\na@example.com,Ann\n", { map: 0, import: 0, validate: 1 }, true);
  await add("truncated.xlsx", source.subarray(0, Math.floor(source.length / 2)), REFUSED, true);
  await add(
    "old-excel.xls",
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]),
    REFUSED,
  );
  await add(
    "zip-without-sheets.xlsx",
    await new JSZip().file("readme.txt", "hello").generateAsync({ type: "nodebuffer" }),
    REFUSED,
  );
  const bomb = await deflatedSpaces(1024 * 1024 * 1024);
  await add("zip-bomb.xlsx", await withSheet(source, { ...bomb, declared: bomb.size }), REFUSED, true);
  await add("zip-bomb-lying.xlsx", await withSheet(source, { ...bomb, declared: 4096 }), REFUSED, true);
  await add("stored-cells.xlsx", await withSheet(source, storedCellsSheet(1_200_000)), REFUSED, true);
  await add("far-cell-source.xlsx", await farCell(), REFUSED, true);
  await add("far-cell-workspace.xlsx", await farCellWorkspace(workspace), REFUSED, true);
  // One merge (or one data validation) over the whole sheet: a few KB that ExcelJS would expand into 17 billion cells.
  await add("whole-sheet-merge-source.xlsx", await withTail(source, MERGE_ALL), REFUSED, true);
  await add("whole-sheet-merge-workspace.xlsx", await withTail(await readFile(workspace), MERGE_ALL), REFUSED, true);
  await add("whole-sheet-validation.xlsx", await withTail(source, VALIDATE_ALL), REFUSED, true);
  await add("far-row.xlsx", await farRow(), { map: 0, import: 0, validate: 1 });
  // One column only (a second would pass the cell limit): the names are given.
  (files.at(-1) as HostileFile).given = ["First Name=Zed", "Last Name=Far"];

  // Not files at all.
  const fifo = at("pipe.csv");
  execFileSync("mkfifo", [fifo]);
  files.push({ name: "pipe (FIFO)", path: fifo, expect: REFUSED, asTarget: true });
  files.push({ name: "/dev/zero", path: "/dev/zero", expect: REFUSED, asTarget: true });
  await mkdir(at("folder.xlsx"));
  files.push({ name: "folder", path: at("folder.xlsx"), expect: REFUSED, asTarget: true });
  files.push({ name: "missing", path: at("missing.xlsx"), expect: REFUSED });
  return { files, workspace };
}

export async function xlsxSource(): Promise<Buffer> {
  const excel = new ExcelJS.Workbook();
  const sheet = excel.addWorksheet("People");
  sheet.addRow(["First Name", "Last Name", "Email", "Ext"]);
  sheet.addRow(["Ann", "Lee", "ann.lee@example.com", "1201"]);
  sheet.addRow(["Bo", "Kim", "bo.kim@example.com", "1202"]);
  return Buffer.from(await excel.xlsx.writeBuffer());
}

export const MERGE_ALL = '<mergeCells count="1"><mergeCell ref="A4:XFD1048576"/></mergeCells>';
const VALIDATE_ALL =
  '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A2:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>';

/** A copy of an .xlsx with `xml` after its first sheet's data (where Excel writes merges and validations). */
export async function withTail(xlsx: Buffer, xml: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const sheet = await zip.file("xl/worksheets/sheet1.xml")?.async("string");
  if (!sheet) throw new Error("The workbook has no xl/worksheets/sheet1.xml.");
  zip.file("xl/worksheets/sheet1.xml", sheet.replace("</sheetData>", `</sheetData>${xml}`));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** A header, one user, and one value at XFD1048576: 1.6 KB that asks for 17 billion cells. */
export async function farCell(): Promise<Buffer> {
  const excel = new ExcelJS.Workbook();
  const sheet = excel.addWorksheet("Users");
  sheet.addRow(["First Name", "Email"]);
  sheet.addRow(["Ann", "ann@example.com"]);
  sheet.getCell("XFD1048576").value = "x";
  return Buffer.from(await excel.xlsx.writeBuffer());
}

/** A value at A1048576, in one column: a million rows by one column is within the cell limit, so it is read. */
async function farRow(): Promise<Buffer> {
  const excel = new ExcelJS.Workbook();
  const sheet = excel.addWorksheet("Users");
  sheet.addRow(["Email"]);
  sheet.addRow(["ann@example.com"]);
  sheet.getCell("A1048576").value = "zed@example.com";
  return Buffer.from(await excel.xlsx.writeBuffer());
}

async function farCellWorkspace(workspace: string): Promise<Buffer> {
  const book = await XlsxWorkbook.open(workspace);
  const users = book.excel.getWorksheet("Users");
  if (users) users.getCell("XFD1048576").value = "x";
  return book.toBuffer();
}

interface Part {
  name: string;
  raw: Buffer;
  method: 0 | 8;
  declared: number;
  crc: number;
}

/** `bytes` spaces, deflated as a stream (never held whole): about 1 MB for a gigabyte. */
async function deflatedSpaces(bytes: number): Promise<{ raw: Buffer; size: number; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (data: Buffer) => out.push(data));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  let crc = 0;
  for (let written = 0; written < bytes; written += chunk.length) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return { raw: Buffer.concat(out), size: bytes, crc };
}

/** Tiny self-closed cells, so that the XML stays small while ExcelJS would make an object of each. */
function storedCellsSheet(cells: number): { raw: Buffer; size: number; declared: number; crc: number } {
  const rows: string[] = [];
  for (let r = 1; r * 100 <= cells; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < 100; c++) row += "<c/>";
    rows.push(`${row}</row>`);
  }
  const xml = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join("")}</sheetData></worksheet>`,
  );
  return { raw: deflateRawSync(xml), size: xml.length, declared: xml.length, crc: crc32(xml) };
}

/** A copy of an .xlsx whose first sheet is `sheet` (already deflated), its zip written by hand. */
async function withSheet(xlsx: Buffer, sheet: { raw: Buffer; declared: number; crc: number }): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts: Part[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]?.dir) continue;
    if (name === "xl/worksheets/sheet1.xml") {
      parts.push({ name, raw: sheet.raw, method: 8, declared: sheet.declared, crc: sheet.crc });
      continue;
    }
    const data = await zip.file(name)?.async("nodebuffer");
    if (data) parts.push({ name, raw: deflateRawSync(data), method: 8, declared: data.length, crc: crc32(data) });
  }
  return zipOf(parts);
}

function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.raw.length, 18);
    local.writeUInt32LE(part.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.raw.length, 20);
    central.writeUInt32LE(part.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.raw);
    centrals.push(central, name);
    offset += local.length + name.length + part.raw.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** For a quick look: `npx tsx test/hostile/corpus.ts /tmp/corpus` writes the corpus and lists it. */
if (process.argv[1] === import.meta.filename) {
  const { files } = await writeCorpus(process.argv[2] ?? "hostile-corpus");
  for (const file of files) console.log(file.name, JSON.stringify(file.expect));
}

import { inflateRawSync } from "node:zlib";
import { areaOf, cellsOf } from "../mapping/cell-address";
import {
  bigCount,
  bytesLabel,
  count,
  MAX_WORKBOOK_INFLATED_BYTES,
  MAX_WORKBOOK_PARTS,
  MAX_WORKBOOK_STORED_CELLS,
} from "../mapping/limits";

/**
 * An .xlsx file is a zip of XML parts. ExcelJS (through JSZip) inflates every part whole and trusts what the zip
 * says, so a 1 MB zip bomb becomes gigabytes before it fails. This reads the zip's central directory first (how
 * many parts, their declared sizes), then inflates each part with a cap at its declared size (a part that inflates
 * to more is lying), and counts the cells and rows the sheets store, and the cells their merges and data validations
 * cover (ExcelJS expands those cell by cell: one merge of A1:XFD1048576 is 17 billion objects), all before ExcelJS
 * sees the bytes.
 *
 * Returns why the file cannot be opened, as the end of a sentence ("it is not a zip file: …"), or null when it is
 * within the limits.
 */
export function xlsxPackageRefusal(data: Uint8Array): string | null {
  const zip = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (zip.length < 22 || zip.readUInt32LE(0) !== LOCAL_HEADER)
    return "it is not a zip file, so not an .xlsx workbook. Save it from Excel or Sheets as .xlsx (Excel Workbook).";
  const parts = centralDirectory(zip);
  if (typeof parts === "string") return parts;
  let declared = 0;
  for (const part of parts) declared += part.size;
  if (declared > MAX_WORKBOOK_INFLATED_BYTES) return tooLarge(declared);
  let stored = 0;
  let widest: Covered = { ref: "", cells: 0, by: "merge" };
  for (const part of parts) {
    const content = inflated(zip, part);
    if (typeof content === "string") return content;
    if (!SHEET_PART.test(part.name)) continue;
    stored += storedCells(content);
    for (const area of coveredAreas(content)) {
      stored += area.cells;
      if (area.cells > widest.cells) widest = area;
    }
    // Counting on would only make the number larger: one far merge is enough to say no.
    if (stored > MAX_WORKBOOK_STORED_CELLS) break;
  }
  if (stored <= MAX_WORKBOOK_STORED_CELLS) return null;
  if (widest.cells > MAX_WORKBOOK_STORED_CELLS / 2)
    return widest.by === "merge"
      ? `one of its sheets merges ${widest.ref} (${bigCount(widest.cells)} cells, each counted); the limit is ${count(MAX_WORKBOOK_STORED_CELLS)} cells: unmerge those cells, or copy the data to a new workbook.`
      : `one of its sheets has a data validation over ${widest.ref} (${bigCount(widest.cells)} cells, each counted); the limit is ${count(MAX_WORKBOOK_STORED_CELLS)} cells: narrow it to the rows you use, or copy the data to a new workbook.`;
  return `its sheets store ${bigCount(stored)} cells and rows; the limit is ${count(MAX_WORKBOOK_STORED_CELLS)}: delete the rows and columns you do not need (formatted empty ones count too), or copy the data to a new workbook.`;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
const DAMAGED = "its zip structure is damaged. Open it in Excel or Sheets and save it again as .xlsx.";

interface Part {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

/** The parts the central directory lists, or why it cannot be read. */
function centralDirectory(zip: Buffer): Part[] | string {
  const end = endOfDirectory(zip);
  if (end < 0) return DAMAGED;
  const entries = zip.readUInt16LE(end + 10);
  const start = zip.readUInt32LE(end + 16);
  // Zip64 marks its sizes with all ones; no workbook within the limits needs it.
  if (entries === 0xffff || start === 0xffffffff) return tooLarge(Number.POSITIVE_INFINITY);
  if (entries > MAX_WORKBOOK_PARTS)
    return `its zip holds ${count(entries)} parts; the limit is ${count(MAX_WORKBOOK_PARTS)}: it is not a workbook rcsheets can open. Copy the data to a new workbook.`;
  const parts: Part[] = [];
  let at = start;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_HEADER) return DAMAGED;
    const nameLength = zip.readUInt16LE(at + 28);
    const size = zip.readUInt32LE(at + 24);
    const compressed = zip.readUInt32LE(at + 20);
    if (size === 0xffffffff || compressed === 0xffffffff) return tooLarge(Number.POSITIVE_INFINITY);
    parts.push({
      name: zip.toString("utf8", at + 46, Math.min(zip.length, at + 46 + nameLength)),
      method: zip.readUInt16LE(at + 10),
      compressed,
      size,
      offset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return parts;
}

/** Where the end-of-directory record starts: the last 22 bytes, or earlier by a zip comment of up to 64 KB. */
function endOfDirectory(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--)
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  return -1;
}

/** A part's bytes inflated, never past the size the directory declares; or why not. */
function inflated(zip: Buffer, part: Part): Buffer | string {
  const at = part.offset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER) return DAMAGED;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (start + part.compressed > zip.length) return DAMAGED;
  const raw = zip.subarray(start, start + part.compressed);
  if (part.method === 0) return raw.length === part.size ? raw : DAMAGED;
  if (part.method !== 8)
    return "it uses a zip compression Excel does not write. Open it in Excel or Sheets and save it again as .xlsx.";
  try {
    const content = inflateRawSync(raw, { maxOutputLength: Math.max(part.size, 1) });
    return content.length === part.size ? content : DAMAGED;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
      return `its part ${part.name} inflates to more than the ${bytesLabel(part.size)} its zip declares (a zip bomb): it is not a workbook rcsheets will open.`;
    return DAMAGED;
  }
}

function tooLarge(bytes: number): string {
  const size = Number.isFinite(bytes) ? `${bytesLabel(bytes)}` : "more than 4 GB";
  return `its parts inflate to ${size}; the limit is ${bytesLabel(MAX_WORKBOOK_INFLATED_BYTES)}: delete the tabs, rows or images you do not need, or copy the data to a new workbook.`;
}

interface Covered {
  ref: string;
  cells: number;
  by: "merge" | "validation";
}

/**
 * The areas of a sheet's `<mergeCell ref="…">` and `<dataValidation sqref="…">` elements (a sqref may list several
 * areas, space-separated), each with the cells it covers. They come after the sheet's data, so only the tail is read.
 */
function coveredAreas(xml: Buffer): Covered[] {
  const from = Math.min(...[xml.indexOf("<mergeCells"), xml.indexOf("<dataValidations")].map((at) => (at < 0 ? xml.length : at)));
  const tail = xml.toString("utf8", from);
  const areas: Covered[] = [];
  for (const [, element = "", refs = ""] of tail.matchAll(/<(mergeCell|dataValidation)\s[^>]*?\b(?:ref|sqref)="([^"]*)"/g)) {
    const by = element === "mergeCell" ? "merge" : "validation";
    for (const ref of refs.split(/\s+/).filter(Boolean)) areas.push({ ref, cells: cellsOf(areaOf(ref)), by });
  }
  return areas;
}

/** `<c …>` and `<row …>` elements: ExcelJS makes an object of each, empty or not. */
function storedCells(xml: Buffer): number {
  return elements(xml, "<c") + elements(xml, "<row");
}

function elements(xml: Buffer, open: string): number {
  let n = 0;
  for (let at = xml.indexOf(open); at >= 0; at = xml.indexOf(open, at + open.length)) {
    const next = xml[at + open.length];
    // A space, `>` or `/` ends the element's name: `<col`, `<cfRule` and `<rowBreaks` are other elements.
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) n++;
  }
  return n;
}

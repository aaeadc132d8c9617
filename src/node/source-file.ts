import { readFile, stat } from "node:fs/promises";
import type { Cell } from "../domain/cell";
import { parseCsv } from "../mapping/csv";
import { MAX_SOURCE_BYTES, MAX_SOURCE_LABEL } from "../mapping/limits";
import { locateTabs } from "../workbook/tab-location";
import { XlsxWorkbook } from "./xlsx-workbook";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * A source file → its table: an .xlsx workbook (its Users tab when it is one of our workspaces, else its first sheet
 * with values) or CSV text (UTF-8, UTF-16 with a byte-order mark, or Windows-1252 as old Excel writes it). Every
 * refusal is an Error whose message names the file and what to do: missing, too big, an old .xls, binary, empty.
 */
export async function readSourceFile(path: string): Promise<Cell[][]> {
  const size = await stat(path).then(
    (s) => (s.isDirectory() ? Number.NaN : s.size),
    () => -1,
  );
  if (size < 0) throw new Error(`There is no file at "${path}".`);
  if (Number.isNaN(size)) throw new Error(`"${path}" is a folder, not a file to import.`);
  if (size > MAX_SOURCE_BYTES)
    throw new Error(`"${path}" is larger than ${MAX_SOURCE_LABEL}: split it, or remove the columns you do not import.`);
  const data = await readFile(path);
  if (startsWith(data, ZIP)) return xlsxTable(path, data);
  if (startsWith(data, OLE)) throw new Error(`"${path}" is an old Excel (.xls) file: save it as .xlsx or CSV and import that.`);
  const parsed = parseCsv(decodeText(data));
  if (!parsed.ok) throw new Error(`"${path}": ${parsed.problem.message}`);
  return parsed.rows;
}

async function xlsxTable(path: string, data: Buffer): Promise<Cell[][]> {
  const workbook = await XlsxWorkbook.fromBuffer(data).catch((error: unknown) => {
    throw new Error(`"${path}" is a zip file but not an .xlsx workbook: ${error instanceof Error ? error.message : error}`);
  });
  const users = locateTabs(workbook).get("users");
  const sheets = users ? [users] : workbook.sheets().map((s) => s.name);
  for (const sheet of sheets) {
    const table = workbook.read(sheet);
    if (table.length > 0) return table;
  }
  throw new Error(`"${path}" has no sheet with values: there is nothing to import.`);
}

/** UTF-16 when a byte-order mark says so, UTF-8 when the bytes are valid UTF-8, else Windows-1252. */
function decodeText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder("utf-16le").decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder("utf-16be").decode(data);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return new TextDecoder("windows-1252").decode(data);
  }
}

function startsWith(data: Buffer, magic: readonly number[]): boolean {
  return magic.every((byte, i) => data[i] === byte);
}

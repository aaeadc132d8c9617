import type { Cell } from "../domain/cell";
import { parseCsv } from "../mapping/csv";
import { MAX_SOURCE_BYTES, sourceTableRefusal } from "../mapping/limits";
import { locateTabs } from "../workbook/tab-location";
import { type FileKind, readFileBytes } from "./file-bytes";
import { XlsxWorkbook } from "./xlsx-workbook";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * A source file → its table: an .xlsx workbook (its Users tab when it is one of our workspaces, else its first sheet
 * with values) or CSV text (UTF-8, UTF-16 with a byte-order mark, or Windows-1252 as old Excel writes it). Every
 * refusal is an Error whose message names the file and what to do: missing, not a regular file, too big (counted as
 * read), an old .xls, binary, empty, over the rows, columns or cells a source may have.
 */
export async function readSourceFile(path: string): Promise<Cell[][]> {
  const data = await readFileBytes(path, SOURCE_FILE);
  if (startsWith(data, ZIP)) return xlsxTable(path, data);
  if (startsWith(data, OLE))
    throw new Error(
      `"${path}" is an old Excel (.xls) file or a password-protected workbook: save it as .xlsx (without a password) or CSV and import that.`,
    );
  const parsed = parseCsv(decodeText(data));
  if (!parsed.ok) throw new Error(`"${path}": ${parsed.problem.message}`);
  return parsed.rows;
}

const SOURCE_FILE: FileKind = {
  noun: "source file",
  limit: MAX_SOURCE_BYTES,
  whenTooLarge: "split it, or remove the columns you do not import",
};

async function xlsxTable(path: string, data: Buffer): Promise<Cell[][]> {
  const workbook = await XlsxWorkbook.fromBuffer(data).catch((error: unknown) => {
    throw new Error(`"${path}" cannot be read as an .xlsx workbook: ${error instanceof Error ? error.message : error}`);
  });
  const users = locateTabs(workbook).get("users");
  const sheets = users ? [users] : workbook.sheets().map((s) => s.name);
  for (const sheet of sheets) {
    const table = readSheet(path, workbook, sheet);
    if (table.length === 0) continue;
    const tooLarge = sourceTableRefusal(table);
    if (tooLarge) throw new Error(`"${path}": ${tooLarge}`);
    return table;
  }
  throw new Error(`"${path}" has no sheet with values: there is nothing to import.`);
}

/** A sheet's table; a sheet too large to read (a far cell) is refused with the file's name. */
function readSheet(path: string, workbook: XlsxWorkbook, sheet: string): Cell[][] {
  try {
    return workbook.read(sheet);
  } catch (error) {
    throw new Error(`"${path}": ${error instanceof Error ? error.message : error}`);
  }
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

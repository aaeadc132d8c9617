import { type Cell, cellText } from "../domain/cell";
import { nameMatches } from "./name-match";
import { columnLetters, type ImportProblem, importError } from "./problem";

export type Orientation = "horizontal" | "vertical";
export type OrientationChoice = Orientation | "auto";

/** One user of the source: where it stands (a row, or a column of a vertical sheet) and its values by header. */
export interface SourceRecord {
  /** "row 7" or "column D": where the person finds it in their file. */
  where: string;
  cells: string[];
}

/** A source read as a table of users: its header (names of the source fields) and one record per user. */
export interface SourceSheet {
  orientation: Orientation;
  /** Source field names; a blank header is named after its place ("Column F", "Row 9"). */
  headers: string[];
  records: SourceRecord[];
  /** Headers that stand more than once: a mapping cannot say which one it means. */
  duplicates: string[];
  problems: ImportProblem[];
}

interface Line {
  /** 1-based row (or column, once turned) in the source. */
  at: number;
  cells: string[];
  /** How many fields the file gave this line (CSV rows may differ), for ragged rows. */
  length: number;
}

/** At most this many rows above the header are looked through for it (titles, notes, a logo's caption). */
const HEADER_SEARCH = 20;

/**
 * A source table (CSV rows, an XLSX sheet, another tab) → a sheet of users: blank rows and columns dropped, title
 * and note rows above the header (and a total line below) skipped, turned when field names run down a column.
 * `auto` picks the orientation whose header names more Users fields.
 */
export function readSourceSheet(table: readonly (readonly Cell[])[], choice: OrientationChoice = "auto"): SourceSheet {
  const lines = withoutTitles(nonBlankLines(table));
  const orientation = choice === "auto" ? detectOrientation(lines) : choice;
  if (orientation === "vertical") {
    const columns = dropBlankColumns(turn(lines)).trimmed;
    return verticalSheet(columns.slice(labelColumnIndex(columns)));
  }
  const start = headerIndex(lines);
  const header = lines[start];
  if (!header) return emptySheet("horizontal");
  const { kept, trimmed } = dropBlankColumns([header, ...withoutFooter(lines.slice(start + 1), filledCount(header.cells))]);
  return horizontalSheet(trimmed, kept);
}

function nonBlankLines(table: readonly (readonly Cell[])[]): Line[] {
  const lines: Line[] = [];
  table.forEach((row, r) => {
    const cells = row.map((cell) => cellText(cell));
    // Trailing blanks go: a line of a million empty fields would otherwise widen every loop over columns.
    let end = cells.length;
    while (end > 0 && cells[end - 1] === "") end--;
    if (end > 0) lines.push({ at: r + 1, cells: end < cells.length ? cells.slice(0, end) : cells, length: row.length });
  });
  return lines;
}

/** Leading lines with one value that names no field: a title or a note ("Employees – March", "Exported by HR"). */
function withoutTitles(lines: Line[]): Line[] {
  const width = widest(lines, (l) => filledCount(l.cells));
  if (width < 2) return lines;
  let first = 0;
  while (first < lines.length - 1 && isTitle(lines[first] as Line)) first++;
  return lines.slice(first);
}

function isTitle(line: Line): boolean {
  const filled = line.cells.filter((c) => c !== "");
  return filled.length === 1 && (nameMatches(filled[0] as string)[0]?.confidence ?? 0) < 0.9;
}

/**
 * Field names run down the first column of a sample of lines: a sheet turned on its side has one line per field,
 * far fewer than this, so a file of 20,000 users is judged on its first lines, not matched name by name throughout.
 */
const ORIENTATION_SAMPLE = 200;

function detectOrientation(lines: Line[]): Orientation {
  const firstRow = headerIndex(lines);
  const rowLabels = lines[firstRow]?.cells ?? [];
  // A sample of rows says as much as the whole sheet, and a 20,000-row import turns only that.
  const columns = dropBlankColumns(turn(lines.slice(firstRow, firstRow + ORIENTATION_SAMPLE))).trimmed;
  const columnLabels = columns[labelColumnIndex(columns)]?.cells ?? [];
  return labelScore(columnLabels) > labelScore(rowLabels) ? "vertical" : "horizontal";
}

/** Columns looked through for a vertical sheet's labels: an index or numbering column may stand before them. */
const LABEL_SEARCH = 3;

/**
 * Which of the first few columns (turned into lines) holds the field names: the one that names the most fields,
 * so that an index column ("#", "1.", "2.") before the labels is not taken for them.
 */
function labelColumnIndex(columns: Line[]): number {
  let best = 0;
  let bestScore = 0;
  for (let i = 0; i < Math.min(columns.length, LABEL_SEARCH); i++) {
    const score = labelScore((columns[i] as Line).cells);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/**
 * How many different fields a set of labels names, each counted once at its surest label. A vertical sheet is
 * told by its label column naming many fields, not by its first row failing to: a row of users' values that read
 * like labels ("Site | Office | Branch | Office") names one field however many times.
 */
function labelScore(labels: readonly string[]): number {
  const best = new Map<string, number>();
  for (const label of labels) {
    const match = nameMatches(label)[0];
    if (match) best.set(match.field, Math.max(best.get(match.field) ?? 0, match.confidence));
  }
  let score = 0;
  for (const confidence of best.values()) score += confidence;
  return score;
}

/**
 * The header: of the first lines at least half as full as the widest, the one whose words name the most fields;
 * the first of them when none names any. A row that groups the next ("Employee" over "Given | Family") and notes
 * above the header are left out.
 */
function headerIndex(lines: Line[]): number {
  const width = widest(lines, (l) => filledCount(l.cells));
  const needed = Math.max(Math.min(2, width), Math.ceil(width / 2));
  const limit = Math.min(lines.length, HEADER_SEARCH);
  let first = -1;
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < limit; i++) {
    const cells = (lines[i] as Line).cells;
    if (filledCount(cells) < needed) continue;
    if (first < 0) first = i;
    const score = labelScore(cells);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best >= 0 ? best : Math.max(first, 0);
}

function turn(lines: Line[]): Line[] {
  const width = widest(lines, (l) => l.cells.length);
  return Array.from({ length: width }, (_, c) => {
    const cells = lines.map((l) => l.cells[c] ?? "");
    return { at: c + 1, cells, length: cells.length };
  }).filter((l) => l.cells.some((v) => v !== ""));
}

/** Keeps the columns with a value in any line; `kept` says where each stood (0-based), `length` stays the file's. */
function dropBlankColumns(lines: Line[]): { kept: number[]; trimmed: Line[] } {
  const width = widest(lines, (l) => l.cells.length);
  const kept: number[] = [];
  for (let c = 0; c < width; c++) if (lines.some((l) => (l.cells[c] ?? "") !== "")) kept.push(c);
  return { kept, trimmed: lines.map((l) => ({ ...l, cells: kept.map((c) => l.cells[c] ?? "") })) };
}

/** `lines` are the header and the data rows, blank columns gone; `kept` says where each column stood. */
function horizontalSheet(lines: Line[], kept: number[]): SourceSheet {
  const [header, ...data] = lines as [Line, ...Line[]];
  const headers = header.cells.map((h, i) => h || `Column ${columnLetters((kept[i] ?? i) + 1)}`);
  const problems: ImportProblem[] = [];
  for (const line of data)
    if (line.length > header.length && reachesPast(line, kept, header.length)) problems.push(ragged(line, header));
  const records = data.map((l) => ({ where: `row ${l.at}`, cells: l.cells }));
  const duplicates = duplicatesOf(headers);
  for (const d of duplicates) problems.push(twice(d, `row ${header.at}`));
  return { orientation: "horizontal", headers, records, duplicates, problems };
}

function verticalSheet(lines: Line[]): SourceSheet {
  // Turned, each line is one source column: its first value is the field name, the rest are users.
  const width = widest(lines, (l) => l.cells.length);
  if (lines.length === 0 || width === 0) return emptySheet("vertical");
  const labelsLine = lines[0] as Line;
  const headers = labelsLine.cells.map((h, i) => h || `Row ${i + 1}`);
  const records = lines.slice(1).map((l) => ({ where: `column ${columnLetters(l.at)}`, cells: l.cells }));
  const duplicates = duplicatesOf(headers);
  return { orientation: "vertical", headers, records, duplicates, problems: duplicates.map((d) => twice(d, "the first column")) };
}

/** A last line with a single value under a wide header is a total or a note ("25 employees"), not a user. */
function withoutFooter(lines: Line[], width: number): Line[] {
  let end = lines.length;
  while (width >= 3 && end > 0 && filledCount((lines[end - 1] as Line).cells) === 1) end--;
  return lines.slice(0, end);
}

/** A value in a column past the header's last field: the row was split on a delimiter inside an unquoted value. */
function reachesPast(line: Line, kept: number[], headerLength: number): boolean {
  return line.cells.some((v, i) => v !== "" && (kept[i] ?? i) >= headerLength);
}

function ragged(line: Line, header: Line): ImportProblem {
  return importError(
    `row ${line.at}`,
    `Row ${line.at} has ${line.length} values but the header (row ${header.at}) has ${header.length}: a value probably holds the delimiter without quotes. Quote that value, or fix the row.`,
  );
}

function twice(header: string, where: string): ImportProblem {
  return importError(
    `header "${header}"`,
    `The source has two fields named "${header}" in ${where}: rename one of them, so that the mapping can tell them apart.`,
  );
}

function duplicatesOf(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const h of headers) {
    const key = h.toLowerCase();
    if (seen.has(key)) twice.add(h);
    seen.add(key);
  }
  return [...twice];
}

/** The largest measure of any line, 0 for none; a loop, since spreading a long array overflows the stack. */
function widest(lines: readonly Line[], measure: (line: Line) => number): number {
  let width = 0;
  for (const line of lines) width = Math.max(width, measure(line));
  return width;
}

function filledCount(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) if (c !== "") n++;
  return n;
}

function emptySheet(orientation: Orientation): SourceSheet {
  return {
    orientation,
    headers: [],
    records: [],
    duplicates: [],
    problems: [importError("", "The source holds no header and no rows: there is nothing to import.")],
  };
}

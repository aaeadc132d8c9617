import {
  type Block,
  type Cell,
  type CellMark,
  MissingSheetError,
  NO_MARK,
  type SheetLayout,
  type SheetRef,
  type Workbook,
} from "./port";

interface MemorySheet {
  name: string;
  marker: string | null;
  cells: Cell[][];
  marks: CellMark[][];
  layout: SheetLayout;
}

const EMPTY_LAYOUT: SheetLayout = { frozenRows: 0, textColumns: [], dropdowns: [], protected: false };

/** A workbook held in memory: the reference adapter, for tests, benchmarks and the core's own composition. */
export class MemoryWorkbook implements Workbook {
  private readonly list: MemorySheet[] = [];

  sheets(): SheetRef[] {
    return this.list.map(({ name, marker }) => ({ name, marker }));
  }

  addSheet(name: string): void {
    if (this.list.some((s) => s.name === name)) throw new Error(`A sheet named "${name}" already exists.`);
    this.list.push({ name, marker: null, cells: [], marks: [], layout: structuredClone(EMPTY_LAYOUT) });
  }

  setMarker(sheet: string, marker: string): void {
    this.sheet(sheet).marker = marker;
  }

  read(sheet: string): Cell[][] {
    const cells = this.sheet(sheet).cells;
    let rows = 0;
    let columns = 0;
    cells.forEach((line, r) => {
      line.forEach((value, c) => {
        if (value === "") return;
        rows = Math.max(rows, r + 1);
        columns = Math.max(columns, c + 1);
      });
    });
    const table: Cell[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const line = cells[r] ?? [];
      const copy: Cell[] = new Array(columns);
      for (let c = 0; c < columns; c++) copy[c] = line[c] ?? "";
      table[r] = copy;
    }
    return table;
  }

  write(sheet: string, block: Block<Cell>): void {
    put(this.sheet(sheet).cells, block, "");
  }

  deleteRows(sheet: string, row: number, count: number): void {
    const target = this.sheet(sheet);
    target.cells.splice(row - 1, count);
    target.marks.splice(row - 1, count);
  }

  mark(sheet: string, block: Block<CellMark>): void {
    put(this.sheet(sheet).marks, block, NO_MARK);
  }

  marks(sheet: string, range: { row: number; column: number; rows: number; columns: number }): CellMark[][] {
    const marks = this.sheet(sheet).marks;
    return Array.from({ length: range.rows }, (_, r) =>
      Array.from({ length: range.columns }, (_, c) => marks[range.row - 1 + r]?.[range.column - 1 + c] ?? NO_MARK),
    );
  }

  applyLayout(sheet: string, layout: SheetLayout): void {
    this.sheet(sheet).layout = structuredClone(layout);
  }

  layout(sheet: string): SheetLayout {
    return structuredClone(this.sheet(sheet).layout);
  }

  private sheet(name: string): MemorySheet {
    const found = this.list.find((s) => s.name === name);
    if (!found) throw new MissingSheetError(name);
    return found;
  }
}

function put<T>(grid: T[][], block: Block<T>, empty: T): void {
  block.values.forEach((line, r) => {
    const rowIndex = block.row - 1 + r;
    while (grid.length <= rowIndex) grid.push([]);
    const target = grid[rowIndex] as T[];
    line.forEach((value, c) => {
      const columnIndex = block.column - 1 + c;
      while (target.length < columnIndex) target.push(empty);
      target[columnIndex] = value;
    });
  });
}

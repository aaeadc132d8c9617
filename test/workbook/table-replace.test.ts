import { describe, expect, it } from "vitest";
import { UNASSIGNED_LINES_TAB } from "../../src/domain/tabs";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import type { Block, Cell } from "../../src/workbook/port";
import { replaceRows } from "../../src/workbook/table-replace";

class Recording extends MemoryWorkbook {
  readonly writes: Block<Cell>[] = [];
  override write(sheet: string, block: Block<Cell>): void {
    this.writes.push(block);
    super.write(sheet, block);
  }
}

const line = (i: number) => ({ rcId: String(100 + i), phone: `+1650555${String(1000 + i)}`, lineType: "User" });

describe("replacing an owned tab's rows", () => {
  it("writes only the rows that differ, and nothing when none do", () => {
    const book = new Recording();
    book.addSheet("Unassigned Lines");
    const lines = Array.from({ length: 50 }, (_, i) => line(i));
    replaceRows(book, "Unassigned Lines", UNASSIGNED_LINES_TAB, lines);
    book.writes.length = 0;
    replaceRows(book, "Unassigned Lines", UNASSIGNED_LINES_TAB, lines);
    expect(book.writes).toEqual([]);
    const changed = lines.map((l, i) => (i === 10 || i === 20 ? { ...l, lineType: "Limited" } : l));
    replaceRows(book, "Unassigned Lines", UNASSIGNED_LINES_TAB, changed);
    expect(book.writes.map((w) => [w.row, w.values.length])).toEqual([[12, 11]]);
    replaceRows(book, "Unassigned Lines", UNASSIGNED_LINES_TAB, changed.slice(0, 40));
    const kept = book.read("Unassigned Lines").slice(1);
    expect(kept).toHaveLength(40);
    expect(kept[10]).toContain("Limited");
  });
});

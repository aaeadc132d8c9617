import { describe, expect, it } from "vitest";
import { USERS_TAB } from "../../src/domain/tabs";
import { decodeTab } from "../../src/workbook/codec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import type { Block, Cell } from "../../src/workbook/port";
import { writeUsersByUser } from "../../src/workbook/users-write-back";

const header = USERS_TAB.columns.map((c) => c.header);
const at = (key: string) => USERS_TAB.columns.findIndex((c) => c.key === key);

function row(email: string, rcId = ""): Cell[] {
  const line: Cell[] = header.map(() => "");
  line[at("email")] = email;
  line[at("firstName")] = email.split("@")[0] ?? "";
  line[at("rcId")] = rcId;
  return line;
}

/**
 * A workbook that others edit too: `reread` sees their edits, and `edit` runs once, right before the add-in's first
 * write (a person's insert or sort landing between the add-in's read and its write).
 */
class SharedWorkbook extends MemoryWorkbook {
  edit: (() => void) | null = null;
  reread(sheet: string): Cell[][] {
    return this.read(sheet);
  }
  override write(sheet: string, block: Block<Cell>): void {
    const edit = this.edit;
    this.edit = null;
    edit?.();
    super.write(sheet, block);
  }
  insertBlankRow(after: number): void {
    const table = this.read("Users");
    this.replace([...table.slice(0, after), header.map(() => ""), ...table.slice(after)]);
  }
  sortDescending(): void {
    const [head, ...rows] = this.read("Users");
    rows.sort((a, b) => String(b[at("email")]).localeCompare(String(a[at("email")])));
    this.replace([head as Cell[], ...rows]);
  }
  private replace(table: Cell[][]): void {
    super.deleteRows("Users", 1, 1000);
    super.write("Users", { row: 1, column: 1, values: table.map((l) => header.map((_, c) => l[c] ?? "")) });
  }
}

function workbook(): SharedWorkbook {
  const book = new SharedWorkbook();
  book.addSheet("Users");
  const lines = [header, row("a@x.com"), row("b@x.com"), row("c@x.com"), row("d@x.com")];
  book.write("Users", { row: 1, column: 1, values: lines });
  return book;
}

const users = (book: SharedWorkbook) => decodeTab(USERS_TAB, book.read("Users")).records;
const synced = (email: string, rcId: string) => ({ user: { email, rcId: "" }, cells: { rcId, status: "Synced" } });

describe("a chunk's Users results written by user", () => {
  it("land on the rows their users hold when a row was inserted and the tab sorted before the write", () => {
    const book = workbook();
    book.insertBlankRow(2);
    book.sortDescending();
    const outcome = writeUsersByUser(book, "Users", [synced("a@x.com", "11"), synced("c@x.com", "33")], []);
    expect(outcome.unplaced).toEqual([]);
    expect(users(book).map((u) => [u.email, u.rcId, u.status])).toEqual([
      ["d@x.com", "", ""],
      ["c@x.com", "33", "Synced"],
      ["b@x.com", "", ""],
      ["a@x.com", "11", "Synced"],
    ]);
  });

  it("are written again when a person's edit lands between the read and the write, and a row inserted then stays blank", () => {
    const book = workbook();
    book.edit = () => book.insertBlankRow(1);
    writeUsersByUser(book, "Users", [synced("a@x.com", "11"), synced("b@x.com", "22"), synced("d@x.com", "44")], []);
    const table = book.read("Users");
    expect(table[1]?.every((cell) => cell === "")).toBe(true);
    expect(users(book).map((u) => [u.email, u.rcId, u.status])).toEqual([
      ["a@x.com", "11", "Synced"],
      ["b@x.com", "22", "Synced"],
      ["c@x.com", "", ""],
      ["d@x.com", "44", "Synced"],
    ]);
  });

  it("leave a user whose row is gone alone, and remove rows by their users", () => {
    const book = workbook();
    book.edit = () => book.sortDescending();
    const outcome = writeUsersByUser(
      book,
      "Users",
      [synced("gone@x.com", "99"), synced("b@x.com", "22")],
      [{ email: "c@x.com", rcId: "" }],
    );
    expect(outcome.unplaced).toEqual([{ email: "gone@x.com", rcId: "" }]);
    expect(users(book).map((u) => [u.email, u.rcId])).toEqual([
      ["d@x.com", ""],
      ["b@x.com", "22"],
      ["a@x.com", ""],
    ]);
  });
});

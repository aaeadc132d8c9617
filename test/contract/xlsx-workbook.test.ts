import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
// ExcelJS's own zip library, to look at the XML that Excel will read.
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { type Cell, MissingSheetError, NO_MARK } from "../../src/workbook/port";
import { workbookContract } from "./workbook-contract";

const folders: string[] = [];

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "rcsheets-xlsx-"));
  folders.push(folder);
  return folder;
}

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

/** Saves the workbook to a new file and opens that file again, as the next run of the CLI would. */
async function saveAndOpen(book: XlsxWorkbook): Promise<XlsxWorkbook> {
  const path = join(await tempFolder(), "book.xlsx");
  await book.save(path);
  return XlsxWorkbook.open(path);
}

workbookContract("xlsx file (ExcelJS)", {
  open: async () => XlsxWorkbook.create(),
  reopen: async (current) => {
    if (!(current instanceof XlsxWorkbook)) throw new Error("The xlsx harness reopens only xlsx workbooks.");
    return saveAndOpen(current);
  },
});

function bookWithUsers(): XlsxWorkbook {
  const book = XlsxWorkbook.create();
  book.addSheet("Users");
  book.addSheet("Sites");
  return book;
}

describe("XlsxWorkbook: markers", () => {
  it("keeps the marker of a sheet renamed in the ExcelJS model", async () => {
    const book = bookWithUsers();
    book.setMarker("Users", "rcsheets:users");
    const users = book.excel.getWorksheet("Users");
    if (!users) throw new Error("no Users sheet");
    users.name = "People";
    const again = await saveAndOpen(book);
    expect(again.sheets()).toEqual([
      { name: "People", marker: "rcsheets:users" },
      { name: "Sites", marker: null },
    ]);
  });

  it("keeps a marker across a save, a rename in the file and another save", async () => {
    const book = bookWithUsers();
    book.setMarker("Sites", "rcsheets:sites");
    const opened = await saveAndOpen(book);
    const sites = opened.excel.getWorksheet("Sites");
    if (!sites) throw new Error("no Sites sheet");
    sites.name = "Locations";
    const again = await saveAndOpen(opened);
    expect(again.sheets().find((s) => s.marker === "rcsheets:sites")?.name).toBe("Locations");
  });

  it("finds a marker whose name Excel moved along with a rename", async () => {
    const book = bookWithUsers();
    book.setMarker("Users", "rcsheets:users");
    // What Excel does on a rename: the sheet gets its new name and every reference to it follows.
    const excel = new ExcelJS.Workbook();
    // ExcelJS types its input as its own Buffer interface; a Node buffer is what it reads.
    await excel.xlsx.load((await book.toBuffer()) as unknown as ExcelJS.Buffer);
    const users = excel.getWorksheet("Users");
    if (!users) throw new Error("no Users sheet");
    users.name = "People";
    excel.definedNames.model = excel.definedNames.model.map((entry) => ({ ...entry, ranges: ["'People'!$A$1"] }));
    const again = await XlsxWorkbook.fromBuffer(await excel.xlsx.writeBuffer());
    expect(again.sheets().find((s) => s.name === "People")?.marker).toBe("rcsheets:users");
  });

  it("stores markers of any text, and sheet names with quotes and spaces", async () => {
    const book = XlsxWorkbook.create();
    book.addSheet("O'Brien's list");
    book.setMarker("O'Brien's list", 'Tab: Ünïcode/ünd "quotes" 1_2');
    const again = await saveAndOpen(book);
    expect(again.sheets()).toEqual([{ name: "O'Brien's list", marker: 'Tab: Ünïcode/ünd "quotes" 1_2' }]);
  });

  it("keeps a marker in a defined name, not in the cells, so deleting row 1 does not lose it", async () => {
    const book = bookWithUsers();
    book.setMarker("Users", "rcsheets:users");
    book.write("Users", { row: 1, column: 1, values: [["h"], ["r2"]] });
    book.deleteRows("Users", 1, 1);
    const again = await saveAndOpen(book);
    expect(again.sheets().find((s) => s.name === "Users")?.marker).toBe("rcsheets:users");
    expect(again.excel.definedNames.model).toEqual([]);
  });

  it("moves a marker set on a second sheet", () => {
    const book = bookWithUsers();
    book.setMarker("Users", "rcsheets:users");
    book.setMarker("Sites", "rcsheets:users");
    expect(book.sheets().map((s) => s.marker)).toEqual([null, "rcsheets:users"]);
  });
});

describe("XlsxWorkbook: values", () => {
  it("reads formulas (shared ones too), rich text, hyperlinks and errors as plain values", async () => {
    const excel = new ExcelJS.Workbook();
    const sheet = excel.addWorksheet("Users");
    sheet.getCell("A1").value = { formula: "1+1", result: 2 };
    sheet.getCell("B1").value = { richText: [{ text: "Ada " }, { text: "Lovelace", font: { bold: true } }] };
    sheet.getCell("C1").value = { text: "site", hyperlink: "https://example.com" };
    sheet.getCell("D1").value = { formula: 'A1&"x"', result: "2x" };
    sheet.getCell("E1").value = { formula: "NOW()" };
    sheet.getCell("F1").value = { error: "#N/A" };
    // Excel writes a link's text as rich text when it is formatted; ExcelJS's typings do not allow for it.
    const richLink = { text: { richText: [{ text: "rich link" }] }, hyperlink: "https://example.com" };
    sheet.getCell("G1").value = richLink as unknown as ExcelJS.CellValue;
    sheet.getCell("A2").value = 5;
    sheet.fillFormula("B2:C2", "A2+1", [6, 6]);
    const book = await XlsxWorkbook.fromBuffer(await excel.xlsx.writeBuffer());
    expect(book.excel.getWorksheet("Users")?.getCell("C2").value).toHaveProperty("sharedFormula");
    expect(book.read("Users")).toEqual([
      [2, "Ada Lovelace", "site", "2x", "", "#N/A", "rich link"],
      [5, 6, 6, "", "", "", ""],
    ]);
  });

  it("keeps dates, numbers and booleans typed across a save", async () => {
    const book = bookWithUsers();
    const when = new Date(Date.UTC(2026, 10, 26, 12, 30, 15, 250));
    book.write("Users", { row: 1, column: 1, values: [[when, 1.5, false, "0101", "=1+1"]] });
    expect((await saveAndOpen(book)).read("Users")).toEqual([[when, 1.5, false, "0101", "=1+1"]]);
  });

  it("reads a merged area's value from its top-left cell only", async () => {
    const book = bookWithUsers();
    book.write("Users", {
      row: 1,
      column: 1,
      values: [
        ["wide", ""],
        ["a", "b"],
      ],
    });
    book.excel.getWorksheet("Users")?.mergeCells("A1:B1");
    expect(book.read("Users")).toEqual([
      ["wide", ""],
      ["a", "b"],
    ]);
  });
});

describe("XlsxWorkbook: rows and marks", () => {
  it("moves notes and colours up with the rows below a deletion", async () => {
    const book = bookWithUsers();
    book.write("Users", { row: 1, column: 1, values: [["h"], ["a"], ["b"], ["c"]] });
    const error = { note: "Wrong.", background: "#f4c7c3" };
    book.mark("Users", { row: 2, column: 1, values: [[error], [NO_MARK], [error]] });
    book.mark("Users", { row: 4, column: 2, values: [[{ note: "On an empty cell.", background: null }]] });
    book.deleteRows("Users", 2, 1);
    expect(book.read("Users")).toEqual([["h"], ["b"], ["c"]]);
    expect(book.marks("Users", { row: 2, column: 1, rows: 3, columns: 2 })).toEqual([
      [NO_MARK, NO_MARK],
      [error, { note: "On an empty cell.", background: null }],
      [NO_MARK, NO_MARK],
    ]);
  });

  it("deletes rows at the end of a sheet, and past it", () => {
    const book = bookWithUsers();
    book.write("Users", { row: 1, column: 1, values: [["h"], ["a"], ["b"], ["c"]] });
    book.deleteRows("Users", 3, 2);
    expect(book.read("Users")).toEqual([["h"], ["a"]]);
    book.deleteRows("Users", 2, 10);
    expect(book.read("Users")).toEqual([["h"]]);
  });

  it("clears a colour without touching other cells of the same style from a file", async () => {
    const book = bookWithUsers();
    const error = { note: "", background: "#f4c7c3" };
    book.mark("Users", { row: 2, column: 1, values: [[error, error]] });
    const again = await saveAndOpen(book);
    again.mark("Users", { row: 2, column: 1, values: [[NO_MARK]] });
    expect(again.marks("Users", { row: 2, column: 1, rows: 1, columns: 2 })).toEqual([[NO_MARK, error]]);
  });

  it("stores a colour as a solid ARGB fill", () => {
    const book = bookWithUsers();
    book.mark("Users", { row: 1, column: 1, values: [[{ note: "n", background: "#A1b2C3" }]] });
    expect(book.excel.getWorksheet("Users")?.getCell("A1").fill).toEqual({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFA1B2C3" },
    });
    expect(book.marks("Users", { row: 1, column: 1, rows: 1, columns: 1 })).toEqual([[{ note: "n", background: "#a1b2c3" }]]);
  });
});

describe("XlsxWorkbook: layout", () => {
  it("writes dropdowns as one validation per column, as Excel expects them", async () => {
    const book = bookWithUsers();
    const layout = {
      frozenRows: 1,
      textColumns: [2],
      dropdowns: [
        { column: 1, kind: "list" as const, values: ['Say "hi"', "Virtual User"] },
        { column: 3, kind: "column" as const, sheet: "Sites", sourceColumn: 2 },
      ],
      protected: true,
    };
    book.applyLayout("Users", layout);
    const xml = await sheetXml(book, 1);
    expect(xml).toContain('sqref="A2:A1000"');
    expect(xml).toContain("<formula1>&quot;Say &quot;&quot;hi&quot;&quot;,Virtual User&quot;</formula1>");
    expect(xml).toContain("<formula1>&apos;Sites&apos;!$B$2:$B$1000</formula1>");
    expect(xml).toContain('<pane ySplit="1"');
    expect(xml).toContain('sheetProtection sheet="1"');
    const again = await saveAndOpen(book);
    expect(again.layout("Users")).toEqual(layout);
    again.applyLayout("Users", layout);
    expect(again.layout("Users")).toEqual(layout);
  });

  it("formats existing cells of a text column, and unformats a column no longer listed", () => {
    const book = bookWithUsers();
    book.write("Users", { row: 1, column: 1, values: [["Ext"], ["0101"]] });
    const base = { frozenRows: 0, dropdowns: [], protected: false };
    book.applyLayout("Users", { ...base, textColumns: [1] });
    expect(book.excel.getWorksheet("Users")?.getCell("A2").numFmt).toBe("@");
    book.applyLayout("Users", { ...base, textColumns: [] });
    expect(book.layout("Users")).toEqual({ ...base, textColumns: [] });
    expect(book.excel.getWorksheet("Users")?.getCell("A2").numFmt).toBeUndefined();
  });

  it("refuses a dropdown on a sheet that does not exist", () => {
    const book = bookWithUsers();
    const dropdowns = [{ column: 1, kind: "column" as const, sheet: "Nope", sourceColumn: 1 }];
    expect(() => book.applyLayout("Users", { frozenRows: 1, textColumns: [], dropdowns, protected: false })).toThrow(
      MissingSheetError,
    );
  });

  it("names a missing sheet with the port's error", () => {
    expect(() => bookWithUsers().layout("Nope")).toThrow(MissingSheetError);
  });
});

/** The XML of the n-th worksheet part of the saved file. */
async function sheetXml(book: XlsxWorkbook, n: number): Promise<string> {
  const zip = await JSZip.loadAsync(await book.toBuffer());
  return (await zip.file(`xl/worksheets/sheet${n}.xml`)?.async("string")) ?? "";
}

describe("XlsxWorkbook: files", () => {
  it("names the path of a file that does not exist", async () => {
    const path = join(await tempFolder(), "missing.xlsx");
    await expect(XlsxWorkbook.open(path)).rejects.toThrow(`There is no workbook at "${path}"`);
  });

  it("names the path of a file that is not an xlsx workbook", async () => {
    const path = join(await tempFolder(), "notes.xlsx");
    await writeFile(path, "just some text, not a spreadsheet");
    await expect(XlsxWorkbook.open(path)).rejects.toThrow(`Could not open "${path}" as an .xlsx workbook`);
  });

  it("names the path of a folder", async () => {
    const path = await tempFolder();
    await expect(XlsxWorkbook.open(path)).rejects.toThrow(`"${path}" is a folder`);
  });

  it("saves by renaming a complete temp file: nothing else is left in the folder", async () => {
    const folder = await tempFolder();
    const path = join(folder, "book.xlsx");
    const book = bookWithUsers();
    book.write("Users", { row: 1, column: 1, values: [["first"]] });
    await book.save(path);
    book.write("Users", { row: 1, column: 1, values: [["second"]] });
    await book.save(path);
    expect(await readdir(folder)).toEqual(["book.xlsx"]);
    expect((await XlsxWorkbook.open(path)).read("Users")).toEqual([["second"]]);
  });

  it("leaves the target as it was and no temp file when a save fails", async () => {
    const folder = await tempFolder();
    const path = join(folder, "book.xlsx");
    await mkdir(path);
    await writeFile(join(path, "keep.txt"), "kept");
    await expect(bookWithUsers().save(path)).rejects.toThrow(`Could not save the workbook to "${path}"`);
    expect(await readdir(folder)).toEqual(["book.xlsx"]);
    expect(await readFile(join(path, "keep.txt"), "utf8")).toBe("kept");
  });

  it("refuses to save a workbook without sheets, which Excel could not open", async () => {
    await expect(XlsxWorkbook.create().toBuffer()).rejects.toThrow(/at least one sheet/);
  });

  it("round-trips 10,000 rows of 20 columns", async () => {
    const rows = 10_000;
    const values: Cell[][] = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: 20 }, (_, c) => (c === 0 ? r : c === 1 ? r % 2 === 0 : `r${r}c${c}`)),
    );
    const book = bookWithUsers();
    book.write("Users", { row: 1, column: 1, values });
    book.applyLayout("Users", {
      frozenRows: 1,
      textColumns: [3, 4],
      dropdowns: [{ column: 5, kind: "list", values: ["a", "b"] }],
      protected: false,
    });
    const again = await saveAndOpen(book);
    const table = again.read("Users");
    expect(table).toEqual(values);
    again.deleteRows("Users", 2, 1);
    expect(again.read("Users")).toHaveLength(rows - 1);
  });
});

describe("XlsxWorkbook: saving over a file", () => {
  it("keeps the file's mode (a 0600 workbook holds PINs) and writes through a symlink", async () => {
    const dir = await mkdtemp(join(tmpdir(), "rcsheets-save-"));
    const real = join(dir, "real.xlsx");
    const link = join(dir, "link.xlsx");
    const book = XlsxWorkbook.create();
    book.addSheet("Users");
    await book.save(real);
    await chmod(real, 0o600);
    await symlink(real, link);
    book.write("Users", { row: 1, column: 1, values: [["PIN"]] });
    await book.save(link);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect((await stat(real)).mode & 0o777).toBe(0o600);
    expect((await XlsxWorkbook.open(real)).read("Users")[0]?.[0]).toBe("PIN");
    expect((await readdir(dir)).sort()).toEqual(["link.xlsx", "real.xlsx"]);
  });
});

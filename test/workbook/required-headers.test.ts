import { describe, expect, it } from "vitest";
import { USERS_TAB } from "../../src/domain/tabs";
import { validateWorkspace } from "../../src/domain/validation/index";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { decodeTab } from "../../src/workbook/codec";
import { markFindings } from "../../src/workbook/finding-marks";
import { applyImport, mapSource, planImport } from "../../src/workbook/import-run";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import type { CellMark, Workbook } from "../../src/workbook/port";
import { REQUIRED_HEADER_COLOUR } from "../../src/workbook/required-headers";
import { setUpWorkspace } from "../../src/workbook/setup";
import { readWorkspace } from "../../src/workbook/workspace-reader";

const REQUIRED = ["User Type", "First Name", "Last Name", "Email", "Ext", "Site"];

function headerMarks(workbook: Workbook, sheet = "Users"): Map<string, CellMark> {
  const header = (workbook.read(sheet)[0] ?? []).map(String);
  const marks = workbook.marks(sheet, { row: 1, column: 1, rows: 1, columns: header.length })[0] ?? [];
  return new Map(header.map((h, i) => [h, marks[i] ?? { note: "", background: null }]));
}

function shaded(workbook: Workbook, sheet = "Users"): string[] {
  return [...headerMarks(workbook, sheet)].filter(([, m]) => m.background === REQUIRED_HEADER_COLOUR).map(([h]) => h);
}

describe("the Users headers say which columns are required", () => {
  it("shades exactly the required headers and notes why; the header text is unchanged", () => {
    const workbook = new MemoryWorkbook();
    setUpWorkspace(workbook);
    expect(shaded(workbook)).toEqual(REQUIRED);
    expect(headerMarks(workbook).get("Email")?.note).toBe("Required: fill Email on every row.");
    expect(headerMarks(workbook).get("Dept")).toEqual({ note: "", background: null });
    expect(workbook.read("Users")[0]).toEqual(USERS_TAB.columns.map((c) => c.header));
    // Sites' starred fields too (DOMAIN.md); tabs only the add-in writes get none.
    expect(shaded(workbook, "Sites")).toEqual(["Name", "Country", "State/Region", "City", "Street", "Postal Code"]);
    expect(shaded(workbook, "Account Users")).toEqual([]);
  });

  it("keeps a person's own note on another header, and setting up again changes nothing", () => {
    const workbook = new MemoryWorkbook();
    setUpWorkspace(workbook);
    const dept = USERS_TAB.columns.findIndex((c) => c.key === "dept") + 1;
    workbook.mark("Users", { row: 1, column: dept, values: [[{ note: "Cost centre", background: "#ffffff" }]] });
    const before = headerMarks(workbook);
    setUpWorkspace(workbook);
    expect(headerMarks(workbook)).toEqual(before);
    expect(before.get("Dept")?.note).toBe("Cost centre");
  });

  it("validation's marks (row 2 down) leave the header's alone", () => {
    const workbook = new MemoryWorkbook();
    setUpWorkspace(workbook);
    workbook.write("Users", { row: 2, column: 1, values: [["User", "Ann", "", "not-an-email", "12"]] });
    const read = readWorkspace(workbook);
    markFindings(workbook, read, validateWorkspace(read.workspace));
    expect(shaded(workbook)).toEqual(REQUIRED);
  });

  it("the codec and the import still find every column; a CSV imports into the marked tab", () => {
    const workbook = new MemoryWorkbook();
    setUpWorkspace(workbook);
    expect(decodeTab(USERS_TAB, workbook.read("Users")).findings).toEqual([]);
    const csv = [
      ["User Type", "First Name", "Last Name", "Email", "Ext", "Site"],
      ["User", "Ann", "Lee", "ann.lee@example.com", "4201", "Main Site"],
    ];
    const mapped = mapSource(csv, "auto");
    const planned = planImport(workbook, mapped.sheet, mapped.mapping);
    expect(planned.preview.canApply).toBe(true);
    expect(applyImport(workbook, planned, "2026-12-05T00:00:00Z")).toBe(true);
    expect(decodeTab(USERS_TAB, workbook.read("Users")).records.map((u) => [u.email, u.ext])).toEqual([
      ["ann.lee@example.com", "4201"],
    ]);
    expect(shaded(workbook)).toEqual(REQUIRED);
  });

  it("survives an .xlsx round trip: notes and fills on the headers, the same values", async () => {
    const book = XlsxWorkbook.create();
    setUpWorkspace(book);
    const again = await XlsxWorkbook.fromBuffer(await book.toBuffer());
    expect(shaded(again)).toEqual(REQUIRED);
    expect(headerMarks(again).get("Ext")?.note).toBe("Required: fill Ext on every row.");
    expect(again.read("Users")[0]).toEqual(USERS_TAB.columns.map((c) => c.header));
    expect(decodeTab(USERS_TAB, again.read("Users")).findings).toEqual([]);
  });
});

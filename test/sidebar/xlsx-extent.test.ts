import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { sheetExtent, sheetPartNames, xlsxExtentProblem } from "../../sidebar/xlsx-extent";
import { farCell } from "../hostile/corpus";

const LIMITS = { fileBytes: 10 * 1024 * 1024, inflatedBytes: 50 * 1024 * 1024, sheetCells: 2_000_000, storedCells: 1_000_000 };
const sheet = (data: string, tail = "", dimension = "A1") =>
  `<worksheet><dimension ref="${dimension}"/><sheetData>${data}</sheetData>${tail}</worksheet>`;

describe("how far an .xlsx sheet reaches, read from its XML", () => {
  it("finds the far value of a file ExcelJS wrote, and its sheet by name", async () => {
    const zip = await JSZip.loadAsync(await farCell());
    const text = (name: string) => zip.file(name)?.async("string") as Promise<string>;
    const names = sheetPartNames(await text("xl/workbook.xml"), await text("xl/_rels/workbook.xml.rels"));
    expect([...names]).toEqual([["xl/worksheets/sheet1.xml", "Users"]]);
    const extent = sheetExtent(await text("xl/worksheets/sheet1.xml"));
    expect(extent).toMatchObject({ dimension: "A1:XFD1048576", rows: 1_048_576, columns: 16_384, stored: 8 });
  });

  it("goes by the cells present, not the dimension: a lying small one hides nothing, a large one refuses nothing", () => {
    const far = sheet('<row r="3000"><c r="ZZ3000"><v>1</v></c></row>', "", "A1:B2");
    expect(xlsxExtentProblem("a.xlsx", [{ name: "S", xml: far }], LIMITS)).toBe(
      "a.xlsx: Sheet S spans A1:ZZ3000 (2.1 million cells); the limit is 2,000,000 cells: delete the far cells or copy the data to a new workbook.",
    );
    // A formatted empty far cell, and a blank inline string, hold no value.
    const styled = sheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="XFD1" s="2"/></row><row r="9"><c r="Z9"><v></v></c></row>',
      "",
      "A1:XFD9",
    );
    expect(sheetExtent(styled)).toMatchObject({ rows: 1, columns: 1, farthestColumn: 16_384 });
    expect(xlsxExtentProblem("a.xlsx", [{ name: "S", xml: styled }], LIMITS)).toBeNull();
  });

  it("counts merges and data validations cell by cell, and refuses a cell past Excel's grid", () => {
    const merged = sheet(
      '<row r="1"><c r="A1"><v>1</v></c></row>',
      '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
    );
    expect(xlsxExtentProblem("m.xlsx", [{ name: "S", xml: merged }], LIMITS)).toMatch(
      /^m\.xlsx: Sheet S merges A1:XFD1048576 \(17 billion cells, each counted\); the limit is 1,000,000 cells/,
    );
    const validated = sheet("", '<dataValidations><dataValidation type="list" sqref="B2:B9 A1:Z100000"/></dataValidations>');
    expect(xlsxExtentProblem("v.xlsx", [{ name: "S", xml: validated }], LIMITS)).toMatch(
      /has a data validation over A1:Z100000 \(2\.6 million/,
    );
    const beyond = sheet('<row r="99999999"><c r="A99999999"><v>1</v></c></row>');
    expect(xlsxExtentProblem("b.xlsx", [{ name: "S", xml: beyond }], LIMITS)).toMatch(/beyond Excel's last row or column/);
  });
});

import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { SITES_TAB, USERS_TAB } from "../../src/domain/tabs";
import type { AccountState } from "../../src/domain/workspace";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { writeAccountState } from "../../src/workbook/account-tabs";
import { applyImport, mapSource, planImport } from "../../src/workbook/import-run";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import type { Workbook } from "../../src/workbook/port";
import { setUpWorkspace } from "../../src/workbook/setup";
import { appendRows } from "../../src/workbook/table-replace";
import { refreshUsersDropdowns } from "../../src/workbook/users-dropdowns";

const SITE = USERS_TAB.columns.findIndex((c) => c.key === "site") + 1;
const siteDropdown = (book: Workbook) => book.layout("Users").dropdowns.find((d) => d.column === SITE);

function account(sites: string[]): AccountState {
  return {
    users: [],
    sites: sites.map((name, i) => ({ rcId: String(100 + i), name, ext: "", country: "US", areaCode: "" })),
    lines: [],
    roles: [],
  };
}

describe("the Users tab's Site dropdown", () => {
  it("lists the Sites tab's sites, the account's and the main site, made again only when they change", () => {
    const book = new MemoryWorkbook();
    setUpWorkspace(book);
    expect(siteDropdown(book)).toMatchObject({ kind: "list", values: ["Main Site"] });

    appendRows(book, "Sites", SITES_TAB, [{ name: "Austin" }]);
    expect(refreshUsersDropdowns(book)).toBe(true);
    expect(siteDropdown(book)).toMatchObject({ values: ["Austin", "Main Site"] });

    writeAccountState(book, account(["Toronto", "San Francisco"]), "2026-12-05T09:00:00Z");
    expect(siteDropdown(book)).toMatchObject({ values: ["Austin", "Toronto", "San Francisco", "Main Site"] });

    // The same sites read again: no layout call (each is a handful of SpreadsheetApp calls in Apps Script).
    const applied = vi.spyOn(book, "applyLayout");
    writeAccountState(book, account(["Toronto", "San Francisco"]), "2026-12-05T09:10:00Z");
    expect(refreshUsersDropdowns(book)).toBe(false);
    expect(applied).not.toHaveBeenCalled();

    // Set up again keeps the list.
    setUpWorkspace(book);
    expect(siteDropdown(book)).toMatchObject({ values: ["Austin", "Toronto", "San Francisco", "Main Site"] });
  });

  it("in an .xlsx file, a list Excel cannot hold (255 characters, no commas) offers the Sites tab's column instead", async () => {
    const book = XlsxWorkbook.create();
    setUpWorkspace(book);
    const many = Array.from({ length: 30 }, (_, i) => `Regional Office ${i + 1}`);
    writeAccountState(book, account([...many, "Paris, France"]), "2026-12-05T09:00:00Z");
    expect(siteDropdown(book)).toEqual({ column: SITE, kind: "column", sheet: "Sites", sourceColumn: 1 });
    const path = join(await mkdtemp(join(tmpdir(), "rcsheets-dropdown-")), "book.xlsx");
    await book.save(path);
    expect(siteDropdown(await XlsxWorkbook.open(path))).toMatchObject({ kind: "column", sheet: "Sites" });
  });
});

describe("an import's new sites before the account was read", () => {
  const csv = [
    ["Full Name", "Work Email", "Extension", "Site", "Type"],
    ["Ann Lee", "ann@example.com", "4201", "Toronto", "User"],
  ];

  it("never calls the site unknown, and says it may be the account's before adding it to Sites as new", () => {
    const book = new MemoryWorkbook();
    setUpWorkspace(book);
    const { sheet, mapping } = mapSource(csv, "auto", book);
    const planned = planImport(book, sheet, mapping);
    expect(planned.preview.findings.filter((f) => f.column === "Site")).toEqual([]);
    expect(planned.preview.newSites).toEqual(["Toronto"]);
    expect(planned.preview.problems).toContainEqual({
      severity: "warning",
      where: "Site",
      message: expect.stringContaining("The account has not been read yet, so Toronto may be a site it has already"),
    });
  });

  it("once the account is read, an account site is no new site, and the one the account lacks is added to the dropdown", () => {
    const book = new MemoryWorkbook();
    setUpWorkspace(book);
    writeAccountState(book, account(["Toronto"]), "2026-12-05T09:00:00Z");
    const known = planImport(book, mapSource(csv, "auto", book).sheet, mapSource(csv, "auto", book).mapping);
    expect(known.preview.newSites).toEqual([]);

    const lisbon = csv.map((line) => line.map((cell) => (cell === "Toronto" ? "Lisbon" : cell)));
    const { sheet, mapping } = mapSource(lisbon, "auto", book);
    const planned = planImport(book, sheet, mapping);
    expect(planned.preview.newSites).toEqual(["Lisbon"]);
    expect(planned.preview.problems.map((p) => p.message).join(" ")).not.toContain("has not been read");
    expect(applyImport(book, planned, "2026-12-05T09:05:00Z")).toBe(true);
    expect(siteDropdown(book)).toMatchObject({ values: ["Lisbon", "Toronto", "Main Site"] });
  });
});

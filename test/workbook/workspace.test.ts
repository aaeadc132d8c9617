import { describe, expect, it } from "vitest";
import { blankRecord } from "../../src/domain/records";
import { bulkClaimsRefused, readSettings } from "../../src/domain/settings";
import { TABS, USERS_TAB } from "../../src/domain/tabs";
import { USER_TYPES } from "../../src/domain/user-type";
import { validateWorkspace } from "../../src/domain/validation/index";
import { decodeTab } from "../../src/workbook/codec";
import { MARK_COLOURS, markFindings } from "../../src/workbook/finding-marks";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { NO_MARK } from "../../src/workbook/port";
import { setUpWorkspace } from "../../src/workbook/setup";
import { locateTabs, markerOf } from "../../src/workbook/tab-location";
import { readWorkspace } from "../../src/workbook/workspace-reader";

describe("reading a tab", () => {
  it("finds columns by header whatever their order, skips blank rows, keeps sheet row numbers", () => {
    const table = [
      ["Email", "First Name", "Ext", "Unrelated"],
      ["ann@example.com", "Ann", "0101", "x"],
      ["", "", "", ""],
      ["bob@example.com", " Bob ", "102", ""],
    ];
    const { records, findings } = decodeTab(USERS_TAB, table);
    expect(records.map((r) => [r.row, r.email, r.firstName, r.ext, r.userType])).toEqual([
      [2, "ann@example.com", "Ann", "0101", ""],
      [4, "bob@example.com", "Bob", "102", ""],
    ]);
    expect(findings).toEqual([
      expect.objectContaining({ row: 0, rule: "tab.columns", severity: "error", message: expect.stringContaining("User Type") }),
    ]);
  });

  it("accepts a number in a text column and says leading zeros may be gone", () => {
    const header = USERS_TAB.columns.map((c) => c.header);
    const line = header.map((h) => (h === "Ext" ? 101 : h === "PIN" ? 274916 : ""));
    const { records, findings } = decodeTab(USERS_TAB, [header, line]);
    expect(records[0]?.ext).toBe("101");
    expect(records[0]?.pin).toBe("274916");
    expect(findings.map((f) => [f.column, f.severity, f.rule])).toEqual([
      ["Ext", "warning", "cell.number"],
      ["PIN", "warning", "cell.number"],
    ]);
  });

  it("reads large numbers and dates as the text a person sees", () => {
    const header = USERS_TAB.columns.map((c) => c.header);
    const line = header.map((h) => (h === "Phone #" ? 16502530000 : h === "Synced At" ? new Date(Date.UTC(2026, 0, 2)) : ""));
    const [record] = decodeTab(USERS_TAB, [header, line]).records;
    expect(record?.phone).toBe("16502530000");
    expect(record?.syncedAt).toBe("2026-01-02T00:00:00.000Z");
  });
});

describe("settings", () => {
  const row = (setting: string, value: string, n = 2) => ({ ...blankRecord(TABS[5], n), setting, value });
  it("reads On/Off flags and the default country", () => {
    const { settings, findings } = readSettings([
      row("SSO", "On"),
      row("Welcome Emails", "off", 3),
      row("Default Country", "ca", 4),
    ]);
    expect(settings).toMatchObject({ sso: true, welcomeEmails: false, defaultCountry: "CA" });
    expect(findings).toEqual([]);
  });
  it("reads Bulk Claims: On by default, Off by hand, Off with the reason a sync wrote, and nothing else", () => {
    expect(readSettings([]).settings.bulkClaims).toBe(true);
    expect(readSettings([row("Bulk Claims", "off")]).settings.bulkClaims).toBe(false);
    const learnt = readSettings([row("Bulk Claims", bulkClaimsRefused("2026-12-05"))]);
    expect([learnt.settings.bulkClaims, learnt.findings]).toEqual([false, []]);
    expect(readSettings([row("Bulk Claims", "sometimes")]).findings.map((f) => f.message)).toEqual([
      'Bulk Claims is On or Off, not "sometimes".',
    ]);
  });
  it("flags a bad value and an unknown setting", () => {
    const { findings } = readSettings([row("SSO", "maybe"), row("Colour", "blue", 3), row("Default Country", "Canada", 4)]);
    expect(findings.map((f) => [f.row, f.severity])).toEqual([
      [2, "error"],
      [3, "warning"],
      [4, "error"],
    ]);
  });
});

describe("Set up workspace", () => {
  it("creates every tab with headers, marker, layout and default settings", () => {
    const book = new MemoryWorkbook();
    const report = setUpWorkspace(book);
    expect(report.created).toEqual(TABS.map((t) => t.name));
    for (const tab of TABS) {
      expect(book.sheets().find((s) => s.name === tab.name)?.marker).toBe(markerOf(tab.id));
      expect(book.read(tab.name)[0]).toEqual(tab.columns.map((c) => c.header));
      const layout = book.layout(tab.name);
      expect(layout.frozenRows).toBe(1);
      expect(layout.protected).toBe(!tab.editable);
    }
    const users = book.layout("Users");
    expect(users.textColumns).toEqual([5, 6, 7, 11, 12, 14, 18]);
    expect(users.dropdowns).toContainEqual({ column: 1, kind: "list", values: [...USER_TYPES] });
    // Site: the Sites tab's names and the account's as a list (the main site only, in a new workspace), the Sites
    // tab's column where a home cannot hold the list.
    expect(users.dropdowns).toContainEqual({
      column: 8,
      kind: "list",
      values: ["Main Site"],
      orColumn: { sheet: "Sites", sourceColumn: 1 },
    });
    expect(users.dropdowns).toContainEqual({ column: 15, kind: "column", sheet: "Roles", sourceColumn: 1 });
    expect(
      book
        .read("Settings")
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(["SSO", "Welcome Emails", "Default Country", "Account Refreshed At", "Secret Questions", "Bulk Claims"]);
  });

  it("running it again changes nothing", () => {
    const book = new MemoryWorkbook();
    setUpWorkspace(book);
    const before = TABS.map((t) => [book.read(t.name), book.layout(t.name)]);
    expect(setUpWorkspace(book)).toEqual({ created: [], repaired: [] });
    expect(TABS.map((t) => [book.read(t.name), book.layout(t.name)])).toEqual(before);
  });

  it("repairs a Users tab: adopts it, keeps its data and column order, appends missing headers", () => {
    const book = new MemoryWorkbook();
    book.addSheet("Users");
    book.write("Users", {
      row: 1,
      column: 1,
      values: [
        ["Email", "First Name"],
        ["ann@example.com", "Ann"],
      ],
    });
    const report = setUpWorkspace(book);
    expect(report.repaired).toContain("Users");
    const table = book.read("Users");
    expect(table[0]?.slice(0, 3)).toEqual(["Email", "First Name", "User Type"]);
    expect(table[1]?.slice(0, 2)).toEqual(["ann@example.com", "Ann"]);
    expect(table[0]).toHaveLength(USERS_TAB.columns.length);
  });

  it("finds a renamed tab by its marker, and leaves a foreign sheet of the same name alone", () => {
    const book = new MemoryWorkbook();
    book.addSheet("Users");
    book.write("Users", { row: 1, column: 1, values: [["Customer", "Phone"]] });
    setUpWorkspace(book);
    expect(locateTabs(book).get("users")).toBe("Users (2)");
    expect(book.read("Users")).toEqual([["Customer", "Phone"]]);
  });
});

describe("marking findings on cells", () => {
  it("notes and colours the cells of each finding, and clears them once fixed", () => {
    const book = new MemoryWorkbook();
    setUpWorkspace(book);
    const line = USERS_TAB.columns.map(
      (c) =>
        ({ userType: "User", firstName: "Ann", lastName: "Lee", email: "not-an-email", ext: "12", site: "Main Site" })[
          c.key as string
        ] ?? "",
    );
    book.write("Users", { row: 2, column: 1, values: [line] });
    const read = readWorkspace(book);
    markFindings(book, read, [...read.findings, ...validateWorkspace(read.workspace)]);
    const [marks] = book.marks("Users", { row: 2, column: 1, rows: 1, columns: USERS_TAB.columns.length });
    expect(marks?.[3]).toEqual({ note: "Email is not an email address (name@example.com).", background: MARK_COLOURS.error });
    expect(marks?.[4]?.note).toContain("Ext is 3 to 8 digits.");
    expect(marks?.[1]).toEqual(NO_MARK);

    book.write("Users", { row: 2, column: 4, values: [["ann@example.com", "1001"]] });
    const again = readWorkspace(book);
    markFindings(book, again, validateWorkspace(again.workspace));
    expect(book.marks("Users", { row: 2, column: 4, rows: 1, columns: 2 })).toEqual([[NO_MARK, NO_MARK]]);
  });
});

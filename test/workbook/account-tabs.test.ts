import { describe, expect, it } from "vitest";
import { writeAccountState } from "../../src/workbook/account-tabs";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { setUpWorkspace } from "../../src/workbook/setup";
import { readWorkspace } from "../../src/workbook/workspace-reader";

const state = {
  users: [
    {
      rcId: "11",
      ext: "101",
      userType: "User",
      firstName: "Ada",
      lastName: "Berg",
      email: "ada@example.com",
      site: "Main Site",
      status: "Enabled",
      phone: "+16502530000",
      dept: "",
      role: "Standard",
    },
  ],
  sites: [{ rcId: "main-site", name: "Main Site", ext: "", country: "US", areaCode: "" }],
  lines: [{ rcId: "21", lineType: "User" as const, phone: "+16502530001", country: "US", areaCode: "650", plannedFor: "" }],
  roles: [
    { rcId: "6", name: "Standard", custom: false, description: "Standard (predefined)", permissions: ["ReadCallLog"] },
    { rcId: "90", name: "Front Desk", custom: true, description: "", permissions: [] },
  ],
};

describe("writing the account into the account tabs", () => {
  it("adds a column a newer version gave an account tab (Account Sites' Area Code) to a workbook that lacks it", () => {
    const book = new MemoryWorkbook();
    setUpWorkspace(book);
    book.write("Account Sites", { row: 1, column: 1, values: [["RC Id", "Name", "Ext", "Country", ""]] });
    writeAccountState(
      book,
      { ...state, sites: [{ ...state.sites[0], areaCode: "650" }] } as typeof state,
      "2026-12-05T08:00:00Z",
    );
    expect(book.read("Account Sites")[0]).toEqual(["RC Id", "Name", "Ext", "Country", "Area Code"]);
    const { workspace, findings } = readWorkspace(book);
    expect(workspace.account.sites[0]?.areaCode).toBe("650");
    expect(findings.filter((f) => f.tab === "accountSites")).toEqual([]);
  });

  it("fills the account tabs, adds predefined roles, gives custom rows their id, and notes the refresh", () => {
    const book = new MemoryWorkbook();
    setUpWorkspace(book);
    book.write("Roles", {
      row: 2,
      column: 1,
      values: [
        ["Front Desk", "Custom", "Standard"],
        ["", "", ""],
        ["Mine", "Custom", "Standard"],
      ],
    });
    writeAccountState(book, state, "2026-11-26T10:00:00.000Z");
    const { workspace } = readWorkspace(book);
    expect(workspace.account.users).toEqual([expect.objectContaining({ rcId: "11", ext: "101", role: "Standard" })]);
    expect(workspace.account.lines).toEqual([expect.objectContaining({ rcId: "21", areaCode: "650" })]);
    expect(workspace.roles.map((r) => [r.row, r.name, r.kind, r.rcId])).toEqual([
      [2, "Front Desk", "Custom", "90"],
      [4, "Mine", "Custom", ""],
      [5, "Standard", "Predefined", "6"],
    ]);
    expect(workspace.settings.accountRefreshedAt).toBe("2026-11-26T10:00:00.000Z");
  });

  it("replaces what the account tabs held, so a smaller account leaves no stale rows", () => {
    const book = new MemoryWorkbook();
    setUpWorkspace(book);
    writeAccountState(
      book,
      { ...state, lines: [...state.lines, { ...state.lines[0], rcId: "22" } as (typeof state.lines)[number]] },
      "a",
    );
    writeAccountState(book, state, "b");
    expect(readWorkspace(book).workspace.account.lines.map((l) => l.rcId)).toEqual(["21"]);
    writeAccountState(book, state, "c");
    expect(readWorkspace(book).workspace.roles).toHaveLength(2);
  });
});

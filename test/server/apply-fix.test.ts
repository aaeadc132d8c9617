import { describe, expect, it } from "vitest";
import { SETTING_NAMES } from "../../src/domain/settings";
import { SITES_TAB, USERS_TAB } from "../../src/domain/tabs";
import type { EditStamp } from "../../src/server/edit-stamp";
import { serverFunctions } from "../../src/server/functions";
import type { Home } from "../../src/server/home";
import { type AnyServerFunction, invoke } from "../../src/server/server-function";
import { writeSetting } from "../../src/workbook/account-tabs";
import { columnIndex, encodeRows } from "../../src/workbook/codec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import type { Block, Cell } from "../../src/workbook/port";
import { setUpWorkspace } from "../../src/workbook/setup";

/** A memory workbook that counts its writes, with a stamp that moves on every touch. */
class CountingWorkbook extends MemoryWorkbook {
  writes: { sheet: string; block: Block<Cell> }[] = [];
  override write(sheet: string, block: Block<Cell>): void {
    this.writes.push({ sheet, block });
    super.write(sheet, block);
  }
}

function stamp(): EditStamp & { touches: number } {
  const edits = { touches: 0, stamp: () => `edit ${edits.touches}`, touch: () => void edits.touches++ };
  return edits;
}

/** Rows 2–9: four say "san mateo" (2, 4, 5, 8), one a site that is nowhere (3); row 6 has a PIN that breaks the rules. */
const SITES = ["san mateo", "Nowhere", "san mateo", "san mateo", "San Mateo", "San Mateo", "san mateo", "San Mateo"];

function home() {
  const workbook = new CountingWorkbook();
  setUpWorkspace(workbook);
  const put = (sheet: string, tab: typeof USERS_TAB | typeof SITES_TAB, records: Record<string, string>[]) => {
    const header = workbook.read(sheet)[0] ?? [];
    const values = encodeRows(columnIndex(tab as typeof USERS_TAB, header), header.length, records);
    workbook.write(sheet, { row: 2, column: 1, values });
  };
  put("Sites", SITES_TAB, [
    { name: "San Mateo", country: "US", state: "CA", city: "San Mateo", street: "20 Davis Dr", postalCode: "94402" },
  ]);
  put(
    "Users",
    USERS_TAB,
    SITES.map((site, i) => ({
      userType: "User",
      firstName: `Person${i + 2}`,
      lastName: "Egan",
      email: `p${i + 2}@example.com`,
      ext: String(2000 + i),
      site,
      setupWizard: "Not Started",
      pin: i === 4 ? "111111" : "",
    })),
  );
  // A site is called unknown only once the account has been read.
  writeSetting(workbook, SETTING_NAMES.accountRefreshedAt, "2026-12-01T09:00:00.000Z");
  workbook.writes = [];
  const edits = stamp();
  const h: Home = { workbook, selection: { select: () => undefined }, edits };
  return { h, workbook, edits };
}

type Called = "validate" | "applyFix" | "editStamp";
const call = <N extends Called>(h: Home, name: N, input: unknown) =>
  invoke(name, serverFunctions[name] as AnyServerFunction, h, input) as ReturnType<(typeof serverFunctions)[N]["run"]>;

describe("applying a group's fix", () => {
  it("the Validate report groups the four rows alike, names each row, and offers the fix", () => {
    const { h } = home();
    const report = call(h, "validate", { mark: false });
    const group = report.groups.find((g) => g.rule === "users.site.exists" && g.value === "san mateo");
    expect(group).toMatchObject({ count: 4, fixes: 4, column: "Site" });
    const rows = group?.members.map((i) => report.findings[i]);
    expect(rows?.map((f) => f?.place)).toEqual([
      "Users row 2, Person2 Egan",
      "Users row 4, Person4 Egan",
      "Users row 5, Person5 Egan",
      "Users row 8, Person8 Egan",
    ]);
    expect(rows?.[0]?.fix).toEqual({ column: "Site", value: "San Mateo" });
    expect(report.groups.find((g) => g.value === "Nowhere")).toMatchObject({ count: 1, fixes: 0 });
  });

  it("to one row: that cell only, then the counts again", () => {
    const { h, workbook } = home();
    const before = call(h, "validate", { mark: false });
    const key = before.groups.find((g) => g.value === "san mateo")?.key ?? "";
    const table = workbook.read("Users");
    workbook.writes = [];
    const outcome = call(h, "applyFix", { group: key, rows: [4] });
    expect(outcome.applied).toBe(1);
    expect(workbook.writes.filter((w) => w.sheet === "Users")).toEqual([
      { sheet: "Users", block: { row: 4, column: 8, values: [["San Mateo"]] } },
    ]);
    const after = workbook.read("Users");
    expect(after.map((line, r) => line.map((cell, c) => (r === 3 && c === 7 ? "changed" : cell)))).toEqual(
      table.map((line, r) => line.map((cell, c) => (r === 3 && c === 7 ? "changed" : cell))),
    );
    expect(outcome.report.counts.error).toBe(before.counts.error - 1);
    expect(outcome.report.groups.find((g) => g.value === "san mateo")?.count).toBe(3);
  });

  it("to all alike: one block over the column, the rows between written back as they were, revalidated", () => {
    const { h, workbook, edits } = home();
    const before = call(h, "validate", { mark: false });
    const key = before.groups.find((g) => g.value === "san mateo")?.key ?? "";
    workbook.writes = [];
    const outcome = call(h, "applyFix", { group: key });
    expect(outcome.applied).toBe(4);
    const users = workbook.writes.filter((w) => w.sheet === "Users");
    expect(users).toHaveLength(1);
    expect(users[0]?.block).toEqual({
      row: 2,
      column: 8,
      values: [["San Mateo"], ["Nowhere"], ["San Mateo"], ["San Mateo"], ["San Mateo"], ["San Mateo"], ["San Mateo"]],
    });
    expect(workbook.read("Users")[8]?.[7]).toBe("San Mateo");
    expect(outcome.report.groups.some((g) => g.value === "san mateo")).toBe(false);
    expect(outcome.report.counts.error).toBe(before.counts.error - 4);
    // The cells were marked again, and other open panels hear of the change.
    expect(workbook.marks("Users", { row: 2, column: 8, rows: 1, columns: 1 })[0]?.[0]?.note).toBe("");
    expect(edits.touches).toBe(1);
    expect(outcome.report.stamp).toBe("edit 1");
  });

  it("a group without a fix, or rows outside the group, write nothing", () => {
    const { h, workbook } = home();
    const report = call(h, "validate", { mark: false });
    const nowhere = report.groups.find((g) => g.value === "Nowhere")?.key ?? "";
    const alike = report.groups.find((g) => g.value === "san mateo")?.key ?? "";
    workbook.writes = [];
    expect(call(h, "applyFix", { group: nowhere }).applied).toBe(0);
    expect(call(h, "applyFix", { group: alike, rows: [3, 6] }).applied).toBe(0);
    expect(workbook.writes.filter((w) => w.sheet === "Users")).toEqual([]);
  });

  it("never echoes a secret: the PIN's finding names neither its value nor offers one", () => {
    const { h } = home();
    const report = call(h, "validate", { mark: false });
    expect(report.findings.some((f) => f.column === "PIN")).toBe(true);
    expect(JSON.stringify(report)).not.toContain("111111");
    const key = report.groups.find((g) => g.value === "san mateo")?.key ?? "";
    expect(JSON.stringify(call(h, "applyFix", { group: key }))).not.toContain("111111");
  });
});

describe("the edit stamp an open Validate panel polls", () => {
  it("is read before the sheet by validate, so an edit meanwhile moves it past the report's", () => {
    const { h, edits } = home();
    const first = call(h, "editStamp", {}).stamp;
    expect(call(h, "validate", { mark: false }).stamp).toBe(first);
    edits.touch();
    expect(call(h, "editStamp", {}).stamp).not.toBe(first);
  });

  it("is '' where the home keeps none", () => {
    const { workbook } = home();
    expect(call({ workbook, selection: { select: () => undefined } }, "editStamp", {})).toEqual({ stamp: "" });
  });
});

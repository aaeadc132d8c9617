import { describe, expect, it } from "vitest";
import { serverFunctions } from "../../src/server/functions";
import type { Home } from "../../src/server/home";
import { BadInputError, invoke } from "../../src/server/server-function";
import { writeDemoWorkspace } from "../../src/workbook/demo-workspace";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";

function home(): Home & { selected: [string, number, number][] } {
  const selected: [string, number, number][] = [];
  return { workbook: new MemoryWorkbook(), selection: { select: (...cell) => selected.push(cell) }, selected };
}

describe("server functions", () => {
  it("setUpWorkspace creates the tabs, then reports nothing to do", () => {
    const h = home();
    const first = invoke("setUpWorkspace", serverFunctions.setUpWorkspace, h, {});
    expect(first.created).toContain("Users");
    expect(invoke("setUpWorkspace", serverFunctions.setUpWorkspace, h, undefined)).toEqual({ created: [], repaired: [] });
  });

  it("validate counts findings, names sheet and column of each, and marks cells unless told not to", () => {
    const h = home();
    writeDemoWorkspace(h.workbook, { users: 60, errorRate: 0.3, seed: 3 });
    const report = invoke("validate", serverFunctions.validate, h, { mark: false });
    expect(report.counts.error).toBeGreaterThan(0);
    const email = report.findings.find((f) => f.rule === "users.email");
    expect(email).toMatchObject({ sheet: "Users", columnNumber: 4 });
    const unmarked = h.workbook.marks("Users", { row: email?.row ?? 2, column: 4, rows: 1, columns: 1 });
    expect(unmarked[0]?.[0]?.note).toBe("");
    invoke("validate", serverFunctions.validate, h, {});
    const marked = h.workbook.marks("Users", { row: email?.row ?? 2, column: 4, rows: 1, columns: 1 });
    expect(marked[0]?.[0]?.note).toContain("Email");
  });

  it("validate sends at most 1000 findings but counts them all", () => {
    const h = home();
    writeDemoWorkspace(h.workbook, { users: 3000, errorRate: 1, seed: 1 });
    const report = invoke("validate", serverFunctions.validate, h, { mark: false });
    expect(report.findings).toHaveLength(1000);
    expect(report.truncated).toBe(true);
    expect(report.counts.error + report.counts.warning + report.counts.info).toBeGreaterThan(1000);
  });

  it("selectCell moves the cursor to a cell of a sheet that exists", () => {
    const h = home();
    invoke("setUpWorkspace", serverFunctions.setUpWorkspace, h, {});
    expect(invoke("selectCell", serverFunctions.selectCell, h, { sheet: "Users", row: 5, column: 4 })).toEqual({
      selected: true,
    });
    expect(invoke("selectCell", serverFunctions.selectCell, h, { sheet: "Gone", row: 5, column: 4 })).toEqual({
      selected: false,
    });
    expect(h.selected).toEqual([["Users", 5, 4]]);
  });

  it("refuses input of the wrong shape, naming the function", () => {
    expect(() => invoke("selectCell", serverFunctions.selectCell, home(), { sheet: "Users", row: "x" })).toThrow(BadInputError);
    expect(() => invoke("selectCell", serverFunctions.selectCell, home(), { sheet: "Users", row: "x" })).toThrow(/selectCell/);
  });
});

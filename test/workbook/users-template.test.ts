import { describe, expect, it } from "vitest";
import { USERS_TAB } from "../../src/domain/tabs";
import { validateWorkspace } from "../../src/domain/validation/index";
import { decodeTab } from "../../src/workbook/codec";
import { applyImport, mapSource, planImport } from "../../src/workbook/import-run";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { setUpWorkspace } from "../../src/workbook/setup";
import { insertUsersTemplate, templateHeader } from "../../src/workbook/users-template";
import { readWorkspace } from "../../src/workbook/workspace-reader";

describe("the Users template", () => {
  it("marks exactly the documentation's required fields with *", () => {
    expect(templateHeader().filter((h) => h.endsWith(" *"))).toEqual([
      "User Type *",
      "First Name *",
      "Last Name *",
      "Email *",
      "Ext *",
      "Site *",
    ]);
  });

  it("as a new tab: the Users dropdowns and text columns, an example row; imported with no mapping, it validates", () => {
    const workbook = new MemoryWorkbook();
    setUpWorkspace(workbook);
    const sheet = insertUsersTemplate(workbook);
    expect(sheet).toBe("Users Template");
    expect(insertUsersTemplate(workbook)).toBe("Users Template (2)");
    const layout = workbook.layout(sheet);
    const column = (key: string) => USERS_TAB.columns.findIndex((c) => c.key === key) + 1;
    expect(layout.dropdowns.map((d) => d.column)).toEqual(
      expect.arrayContaining([column("userType"), column("site"), column("status")]),
    );
    expect(layout.textColumns).toContain(column("ext"));

    const mapped = mapSource(workbook.read(sheet), "auto");
    // Every column maps to its own field, at full confidence: nothing for the person to change.
    for (const c of USERS_TAB.columns) expect(mapped.proposal[c.key]?.source?.replace(" *", "")).toBe(c.header);
    const planned = planImport(workbook, mapped.sheet, mapped.mapping);
    expect(planned.preview.canApply).toBe(true);
    expect(applyImport(workbook, planned, "2026-11-30T00:00:00Z")).toBe(true);
    const users = decodeTab(USERS_TAB, workbook.read("Users")).records;
    expect(users.map((u) => u.email)).toEqual(["alex.example@example.com"]);
    const errors = validateWorkspace(readWorkspace(workbook).workspace).filter((f) => f.severity === "error");
    expect(errors).toEqual([]);
  });
});

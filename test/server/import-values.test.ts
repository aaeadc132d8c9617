import { describe, expect, it } from "vitest";
import { ROLES_TAB, SITES_TAB, USERS_TAB } from "../../src/domain/tabs";
import { serverFunctions } from "../../src/server/functions";
import type { Home } from "../../src/server/home";
import { invoke } from "../../src/server/server-function";
import { columnIndex, decodeTab, encodeRows } from "../../src/workbook/codec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { setUpWorkspace } from "../../src/workbook/setup";

function home(): Home {
  const workbook = new MemoryWorkbook();
  setUpWorkspace(workbook);
  const write = (tab: typeof SITES_TAB | typeof ROLES_TAB, rows: Record<string, string>[]) => {
    const header = workbook.read(tab.name)[0] ?? [];
    workbook.write(tab.name, {
      row: 2,
      column: 1,
      values: encodeRows(columnIndex(tab as typeof SITES_TAB, header), header.length, rows),
    });
  };
  write(SITES_TAB, [{ name: "New York", country: "US" }]);
  write(ROLES_TAB, [{ name: "Sales Manager", kind: "Custom", basedOn: "Standard User" } as Record<string, string>]);
  return { workbook, selection: { select: () => undefined } };
}

const CSV = [
  "Name,Email,Ext,Plan,Office,Job Role",
  "Ann Lee,ann@example.com,101,RingEX Standard,NYC,sales manager",
  "Bob Ray,bob@example.com,102,RingEX Standard,NYC,Support Agent",
  "Cy Fox,cy@example.com,103,Fax only,NYC,",
].join("\n");
const source = { kind: "csv" as const, text: CSV };

describe("the wizard's values step on the server", () => {
  it("proposeImportValues lists each value with its count and proposal, and says how many need a choice", () => {
    const h = home();
    const { fields } = invoke("proposeImportMapping", serverFunctions.proposeImportMapping, h, { source });
    const mapped = { ...fields, Role: "Job Role" };
    const answer = invoke("proposeImportValues", serverFunctions.proposeImportValues, h, { source, fields: mapped });
    expect(answer.problems).toEqual([]);
    expect(answer.needChoice).toBe(2);
    const shown = Object.fromEntries(answer.columns.map((c) => [c.header, c.values.map((v) => [v.value, v.count, v.target])]));
    expect(shown).toEqual({
      "User Type": [
        ["RingEX Standard", 2, "User"],
        ["Fax only", 1, null],
      ],
      Site: [["NYC", 3, "New York"]],
      Role: [
        ["sales manager", 1, "Sales Manager"],
        ["Support Agent", 1, null],
      ],
    });
    expect(answer.columns.find((c) => c.header === "Site")?.targets).toEqual(["Main Site", "New York"]);
    expect(answer.columns.find((c) => c.header === "User Type")).toMatchObject({ newAllowed: false, more: 0 });
  });

  it("previewImport and applyImport take the choices: no User Type errors, the choice remembered with the mapping", () => {
    const h = home();
    const { fields } = invoke("proposeImportMapping", serverFunctions.proposeImportMapping, h, { source });
    const unchosen = invoke("previewImport", serverFunctions.previewImport, h, { source, fields });
    expect(unchosen.findings.filter((f) => f.column === "User Type")).toHaveLength(1);
    expect(unchosen.problems.map((p) => p.where)).toEqual(["values of User Type"]);

    const valueMapping = { "User Type": { "Fax only": "Message Only" } };
    const preview = invoke("previewImport", serverFunctions.previewImport, h, { source, fields, valueMapping });
    expect(preview.findings.filter((f) => f.column === "User Type" || f.column === "Site")).toEqual([]);
    expect(preview).toMatchObject({ canApply: true, problems: [], newSites: [] });
    expect(invoke("applyImport", serverFunctions.applyImport, h, { source, fields, valueMapping }).applied).toBe(true);
    const users = decodeTab(USERS_TAB, h.workbook.read(USERS_TAB.name)).records;
    expect(users.map((u) => [u.userType, u.site])).toEqual([
      ["User", "New York"],
      ["User", "New York"],
      ["Message Only", "New York"],
    ]);

    const again = invoke("proposeImportValues", serverFunctions.proposeImportValues, h, { source, fields });
    expect(again.needChoice).toBe(0);
    expect(again.columns[0]?.values[1]).toMatchObject({ value: "Fax only", target: "Message Only", reason: "chosen last time" });
  });

  it("a choice that is not on its list is refused by name, and nothing is proposed or written", () => {
    const h = home();
    const { fields } = invoke("proposeImportMapping", serverFunctions.proposeImportMapping, h, { source });
    const valueMapping = { "User Type": { "Fax only": "Fax" } };
    const answer = invoke("proposeImportValues", serverFunctions.proposeImportValues, h, { source, fields, valueMapping });
    expect(answer.problems.map((p) => [p.where, p.message])).toEqual([
      [
        'User Type "Fax only"',
        '"Fax" is not a User Type; choose one of User, Virtual User, Limited Extension, Message Only, Announcement Only.',
      ],
    ]);
    const before = h.workbook.read(USERS_TAB.name);
    expect(invoke("applyImport", serverFunctions.applyImport, h, { source, fields, valueMapping }).applied).toBe(false);
    expect(h.workbook.read(USERS_TAB.name)).toEqual(before);
  });
});

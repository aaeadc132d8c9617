import { describe, expect, it } from "vitest";
import { serverFunctions } from "../../src/server/functions";
import type { Home } from "../../src/server/home";
import { invoke } from "../../src/server/server-function";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { setUpWorkspace } from "../../src/workbook/setup";

function home(): Home {
  const workbook = new MemoryWorkbook();
  setUpWorkspace(workbook);
  return { workbook, selection: { select: () => undefined } };
}

const CSV =
  "Staff\nName;Mail;Ext.;Type;PIN\nAda Lovelace;ada@example.com;0101;Voicemail;=1+1\nAlan Turing;alan@example.com;0102;User;\n";

describe("the import wizard's server functions", () => {
  it("proposeImportMapping reads pasted CSV, proposes with confidences, and recalls a mapping once applied", () => {
    const h = home();
    const first = invoke("proposeImportMapping", serverFunctions.proposeImportMapping, h, { source: { kind: "csv", text: CSV } });
    expect(first).toMatchObject({
      orientation: "horizontal",
      headers: ["Name", "Mail", "Ext.", "Type", "PIN"],
      records: 2,
      remembered: false,
    });
    expect(first.fields).toMatchObject({
      "First Name": "Name",
      "Last Name": "Name",
      Email: "Mail",
      Ext: "Ext.",
      "User Type": "Type",
    });
    expect(first.proposal.Email?.confidence).toBe(1);
    // The gate: rows are added only once every required field (*) has a source; Site has none here.
    const fields = { ...first.fields, PIN: null, Ext: null };
    const gated = invoke("applyImport", serverFunctions.applyImport, h, { source: { kind: "csv", text: CSV }, fields });
    expect(gated).toMatchObject({ applied: false });
    const preview = invoke("previewImport", serverFunctions.previewImport, h, { source: { kind: "csv", text: CSV }, fields });
    expect(preview.problems.filter((p) => p.severity === "error").map((p) => p.message)).toEqual([
      "Ext * and Site * are required: map a field of the source to each, or give each one value for all rows.",
    ]);
    const withSite = CSV.replace("Type;PIN\n", "Type;PIN;Site\n").replace(/\n(A[^\n]*)/g, "\n$1;Main Site");
    const mapped = { ...fields, Ext: "Ext.", Site: "Site" };
    const applied = invoke("applyImport", serverFunctions.applyImport, h, {
      source: { kind: "csv", text: withSite },
      fields: mapped,
    });
    expect(applied).toMatchObject({ applied: true, counts: { added: 2, merged: 0, unchanged: 0 } });
    const again = invoke("proposeImportMapping", serverFunctions.proposeImportMapping, h, {
      source: { kind: "csv", text: withSite },
    });
    expect(again).toMatchObject({ remembered: true, fields: { Email: "Mail", Ext: "Ext.", PIN: null, Site: "Site" } });
  });

  it("a field given one value for all rows passes the gate, shows in the preview and is written on every row", () => {
    const h = home();
    const source = { kind: "csv" as const, text: CSV.replace("=1+1", "") };
    const { fields } = invoke("proposeImportMapping", serverFunctions.proposeImportMapping, h, { source });
    const gated = invoke("previewImport", serverFunctions.previewImport, h, { source, fields });
    expect(gated.canApply).toBe(false);
    const values = { Site: "Main", "User Type": "user" };
    const preview = invoke("previewImport", serverFunctions.previewImport, h, { source, fields, values });
    expect(preview.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(preview).toMatchObject({ canApply: true, valuesForAll: { Site: "Main", "User Type": "User" } });
    const applied = invoke("applyImport", serverFunctions.applyImport, h, { source, fields, values });
    expect(applied).toMatchObject({ applied: true, counts: { added: 2 } });
    const users = h.workbook.read("Users").slice(1, 3);
    // User Type (column A) replaces the source's "Voicemail"/"User"; Site is column H.
    expect(users.map((r) => [r[0], r[1], r[7]])).toEqual([
      ["User", "Ada", "Main"],
      ["User", "Alan", "Main"],
    ]);
    const refused = invoke("previewImport", serverFunctions.previewImport, h, { source, fields, values: { Sitee: "Main" } });
    expect(refused.problems[0]?.message).toMatch(/^"Sitee" is not a column of the Users tab/);
  });

  it("previewImport writes nothing and reports the formula, the validation and the counts", () => {
    const h = home();
    const proposal = invoke("proposeImportMapping", serverFunctions.proposeImportMapping, h, {
      source: { kind: "csv", text: CSV },
    });
    const before = h.workbook.read("Users");
    const preview = invoke("previewImport", serverFunctions.previewImport, h, {
      source: { kind: "csv", text: CSV },
      fields: proposal.fields,
    });
    expect(h.workbook.read("Users")).toEqual(before);
    expect(preview.canApply).toBe(false);
    expect(preview.problems).toContainEqual(
      expect.objectContaining({ where: "row 3, PIN", message: expect.stringMatching(/formula/) }),
    );
    expect(preview.counts.added).toBe(2);
    expect(preview.findings.some((f) => f.row === 2 && f.source === "row 3")).toBe(true);
    const refused = invoke("applyImport", serverFunctions.applyImport, h, {
      source: { kind: "csv", text: CSV },
      fields: proposal.fields,
    });
    expect(refused.applied).toBe(false);
    expect(h.workbook.read("Users")).toEqual(before);
  });

  it("imports from another tab, merging by Email and keeping the row's RC Id", () => {
    const h = home();
    h.workbook.write("Users", { row: 2, column: 1, values: [["User", "Ada", "L", "ada@example.com", "101"]] });
    h.workbook.write("Users", { row: 2, column: 18, values: [["9001"]] });
    h.workbook.addSheet("Paste");
    h.workbook.write("Paste", {
      row: 1,
      column: 1,
      values: [
        ["Email", "Department", "RC Id"],
        ["ADA@example.com", "Math", "1234"],
      ],
    });
    const fields = { Email: "Email", Dept: "Department", "RC Id": "RC Id" };
    const result = invoke("applyImport", serverFunctions.applyImport, h, { source: { kind: "tab", sheet: "Paste" }, fields });
    expect(result.counts).toEqual({ added: 0, merged: 1, unchanged: 0 });
    const row = h.workbook.read("Users")[1] ?? [];
    expect([row[3], row[8], row[17]]).toEqual(["ada@example.com", "Math", "9001"]);
  });

  it("says what is wrong with a source instead of throwing", () => {
    const h = home();
    const empty = invoke("proposeImportMapping", serverFunctions.proposeImportMapping, h, { source: { kind: "csv", text: "" } });
    expect(empty.problems[0]?.message).toMatch(/empty/);
    const missing = invoke("previewImport", serverFunctions.previewImport, h, {
      source: { kind: "tab", sheet: "Nope" },
      fields: {},
    });
    expect(missing.problems[0]?.message).toMatch(/no tab named "Nope"/);
    const typo = invoke("previewImport", serverFunctions.previewImport, h, {
      source: { kind: "csv", text: CSV },
      fields: { Emial: "Mail" },
    });
    expect(typo.problems[0]?.message).toMatch(/"Emial" is not a column of the Users tab/);
  });

  it("exportTab gives CSV without secrets and with formulas defused; usersTemplate gives the starred header and an example", () => {
    const h = home();
    h.workbook.write("Users", {
      row: 2,
      column: 1,
      values: [["User", "=Ada", "L", "ada@example.com", "101", "+16505550101", "", "", "", "", "739281", "Secret1!x"]],
    });
    const { fileName, text } = invoke("exportTab", serverFunctions.exportTab, h, {});
    expect(fileName).toBe("users.csv");
    expect(text).not.toMatch(/PIN|Password|Secret Answer|739281|Secret1/);
    expect(text).toContain("User,'=Ada,L,ada@example.com,101,'+16505550101");
    expect(invoke("exportTab", serverFunctions.exportTab, h, { tab: "sites" }).text).toMatch(/^Name,Ext,Country/);
    expect(invoke("usersTemplate", serverFunctions.usersTemplate, h, {}).text).toMatch(
      /^User Type \*,First Name \*,.*,Message\r\nUser,Alex,Example,/,
    );
  });
});

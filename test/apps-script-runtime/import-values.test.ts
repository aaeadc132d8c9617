import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppsScriptRuntime } from "../../src/apps-script-runtime/runtime";
import { SheetsDocument } from "../../src/apps-script-runtime/spreadsheet/document";
import { openAs } from "../../src/apps-script-runtime/spreadsheet/service";
import { SITES_TAB, USERS_TAB } from "../../src/domain/tabs";
import { SheetsWorkbook } from "../../src/gas/sheets-workbook";
import { columnIndex, decodeTab, encodeRows } from "../../src/workbook/codec";
import { startBuiltAddIn } from "../built-add-in";

/**
 * The wizard's values step as dist/Code.js runs it in the local Apps Script runtime: the values and their proposals
 * (fastest-levenshtein and the phone library's country list inside the bundle), a choice taken by the preview and
 * the import, and remembered on the Import Mappings tab for the next time.
 */
const PERSON = "ann@example.com";
const CSV = [
  "Name,Email,Ext,Plan,Office,Phone,Country",
  "Ann Lee,ann@example.com,101,RingEX Standard,NYC,2125550101,U.S.A",
  "Bob Ray,bob@example.com,102,Fax only,New York,2125550102,usa",
].join("\n");

describe("import values in the Apps Script runtime", () => {
  let runtime: AppsScriptRuntime;
  let document: SheetsDocument;
  const workbook = () => new SheetsWorkbook(openAs(document, PERSON).spreadsheet);
  beforeAll(async () => {
    document = SheetsDocument.blank("mine", { owner: PERSON, editors: [PERSON], domain: null });
    runtime = startBuiltAddIn({ document, user: PERSON });
    await call("setUpWorkspace", {});
    const book = workbook();
    const header = book.read(SITES_TAB.name)[0] ?? [];
    book.write(SITES_TAB.name, {
      row: 2,
      column: 1,
      values: encodeRows(columnIndex(SITES_TAB, header), header.length, [{ name: "New York", country: "US" }]),
    });
  });
  afterAll(() => runtime?.close());

  async function call(name: string, input: unknown): Promise<unknown> {
    const outcome = await runtime.run({ function: name, kind: "server", args: [input] });
    expect(outcome, `${name}: ${outcome.error}`).toMatchObject({ ok: true });
    return outcome.value;
  }

  it("proposes each value, takes the person's choice and remembers it", async () => {
    const source = { kind: "csv", text: CSV };
    const { fields } = (await call("proposeImportMapping", { source })) as { fields: Record<string, string | null> };
    expect(fields).toMatchObject({ "User Type": "Plan", Site: "Office", "Phone #": "Phone" });
    type Answer = { needChoice: number; columns: { header: string; values: { value: string; target: string | null }[] }[] };
    const answer = (await call("proposeImportValues", { source, fields })) as Answer;
    expect(answer.needChoice).toBe(1);
    expect(Object.fromEntries(answer.columns.map((c) => [c.header, c.values.map((v) => [v.value, v.target])]))).toEqual({
      "User Type": [
        ["Fax only", null],
        ["RingEX Standard", "User"],
      ],
      Site: [
        ["New York", "New York"],
        ["NYC", "New York"],
      ],
      Country: [
        ["U.S.A", "US"],
        ["usa", "US"],
      ],
    });
    const valueMapping = { "User Type": { "Fax only": "Virtual User" } };
    const preview = (await call("previewImport", { source, fields, valueMapping })) as { findings: { column: string }[] };
    expect(preview.findings.filter((f) => f.column === "User Type" || f.column === "Site")).toEqual([]);
    expect(await call("applyImport", { source, fields, valueMapping })).toMatchObject({ applied: true });
    const users = decodeTab(USERS_TAB, workbook().read(USERS_TAB.name)).records;
    expect(users.map((u) => [u.userType, u.site, u.phone])).toEqual([
      ["User", "New York", "+12125550101"],
      ["Virtual User", "New York", "+12125550102"],
    ]);
    const again = (await call("proposeImportValues", { source, fields })) as Answer;
    expect(again.needChoice).toBe(0);
  });
});

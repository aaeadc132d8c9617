import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppsScriptRuntime } from "../../src/apps-script-runtime/runtime";
import { SheetsDocument } from "../../src/apps-script-runtime/spreadsheet/document";
import { Drive } from "../../src/apps-script-runtime/spreadsheet/drive";
import { openAs } from "../../src/apps-script-runtime/spreadsheet/service";
import { SheetsWorkbook } from "../../src/gas/sheets-workbook";
import { builtManifest, startBuiltAddIn } from "../built-add-in";

/**
 * Import from another Google spreadsheet, as dist/Code.js does it in the runtime: SpreadsheetApp.openById on a
 * spreadsheet of the runtime's Drive, under the manifest's `spreadsheets` scope; a sheet not shared with the person
 * and a narrower manifest each give a sentence the wizard shows.
 */

const PERSON = "ann@example.com";
const CUSTOMER = "customer@example.com";
const SHARED_ID = "customer-users-0123456789";
const LINK = `https://docs.google.com/spreadsheets/d/${SHARED_ID}/edit#gid=0`;

function customerSheet(id: string, viewers: string[]): SheetsDocument {
  const document = SheetsDocument.blank(id, { owner: CUSTOMER, editors: [CUSTOMER], viewers, domain: null });
  document.name = "Acme staff";
  const workbook = new SheetsWorkbook(openAs(document, CUSTOMER).spreadsheet);
  workbook.write("Sheet1", {
    row: 1,
    column: 1,
    values: [
      ["Employee", "", "Contact", ""],
      ["Given", "Family", "E-mail", "Ext."],
      ["Ann", "Lee", "ann.lee@example.com", "4201"],
      ["Bo", "Chan", "bo.chan@example.com", "4202"],
    ],
  });
  return document;
}

/** A spreadsheet of 2,000,100 cells from A1 to its last value (Sheets allows 10 million): over the import's 2 million. */
const BIG_ID = "customer-big-0123456789";
function bigSheet(): SheetsDocument {
  const document = customerSheet(BIG_ID, [PERSON]);
  const sheet = document.sheets[0] as SheetsDocument["sheets"][number];
  sheet.maxRows = 100_005;
  sheet.cellToWrite(100_005, 20).value = "far";
  return document;
}

describe("import from another spreadsheet in the Apps Script runtime", () => {
  let runtime: AppsScriptRuntime;
  let narrow: AppsScriptRuntime;
  beforeAll(() => {
    const manifest = builtManifest();
    const mine = SheetsDocument.blank("mine", { owner: PERSON, editors: [PERSON], domain: null });
    const drive = new Drive([customerSheet(SHARED_ID, [PERSON]), customerSheet("not-shared-0123456789", []), bigSheet()]);
    const start = (scopes: string[]) =>
      startBuiltAddIn({ document: mine, user: PERSON, manifest: { ...manifest, oauthScopes: scopes }, drive });
    runtime = start(manifest.oauthScopes ?? []);
    narrow = start((manifest.oauthScopes ?? []).map((s) => s.replace(/spreadsheets$/, "spreadsheets.currentonly")));
  });
  afterAll(async () => {
    await runtime?.close();
    await narrow?.close();
  });

  async function call(on: AppsScriptRuntime, name: string, input: unknown): Promise<unknown> {
    const outcome = await on.run({ function: name, kind: "server", args: [input] });
    expect(outcome, `${name}: ${outcome.error}`).toMatchObject({ ok: true });
    return outcome.value;
  }

  it("lists the tabs of a spreadsheet shared with the person, by its link", async () => {
    expect(await call(runtime, "listSpreadsheetTabs", { link: LINK })).toEqual({ name: "Acme staff", sheets: ["Sheet1"] });
  });

  it("proposes the mapping of its tab: the second header row is the header", async () => {
    const source = { kind: "spreadsheet", link: LINK, sheet: "Sheet1" };
    const proposal = (await call(runtime, "proposeImportMapping", { source })) as {
      records: number;
      fields: Record<string, string | null>;
    };
    expect(proposal.records).toBe(2);
    expect(proposal.fields).toMatchObject({ "First Name": "Given", "Last Name": "Family", Email: "E-mail", Ext: "Ext." });
  });

  it("says what to do when the sheet is not shared, the link is wrong, or the manifest does not allow it", async () => {
    const unshared = await call(runtime, "listSpreadsheetTabs", {
      link: "https://docs.google.com/spreadsheets/d/not-shared-0123456789/edit",
    });
    expect(unshared).toEqual({ problem: expect.stringMatching(/not shared with your Google account/) });
    const gone = await call(runtime, "listSpreadsheetTabs", {
      link: "https://docs.google.com/spreadsheets/d/deleted-0123456789/edit",
    });
    expect(gone).toEqual({ problem: expect.stringMatching(/No spreadsheet opens at that link/) });
    expect(await call(runtime, "listSpreadsheetTabs", { link: "acme staff" })).toEqual({
      problem: expect.stringMatching(/not a link to a Google spreadsheet/),
    });
    // With only spreadsheets.currentonly, Apps Script refuses openById itself.
    expect(await call(narrow, "listSpreadsheetTabs", { link: LINK })).toEqual({
      problem: expect.stringMatching(/not allowed to open other spreadsheets/),
    });
  });

  it("refuses a sheet over the limit from its size alone: getLastRow and getLastColumn, no getValues", async () => {
    const source = { kind: "spreadsheet", link: `https://docs.google.com/spreadsheets/d/${BIG_ID}/edit`, sheet: "Sheet1" };
    const outcome = await runtime.run({ function: "proposeImportMapping", kind: "server", args: [{ source }] });
    expect(outcome, outcome.error).toMatchObject({ ok: true });
    expect(JSON.stringify(outcome.value)).toContain(
      'In the spreadsheet \\"Acme staff\\": Sheet Sheet1 spans A1:T100005 (2 million cells); the limit is 2,000,000 cells',
    );
    expect(outcome.calls).toMatchObject({ "Sheet.getLastRow": 1, "Sheet.getLastColumn": 1 });
    expect(Object.keys(outcome.calls).filter((call) => /getValues|getDisplayValues|getDataRange/.test(call))).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppsScriptRuntime } from "../../src/apps-script-runtime/runtime";
import { type SheetModel, SheetsDocument } from "../../src/apps-script-runtime/spreadsheet/document";
import { typeIntoCell } from "../../src/apps-script-runtime/spreadsheet/person-edits";
import { USERS_TAB } from "../../src/domain/tabs";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import { PRODUCTION, sidebarCall, startBuiltAddIn } from "../built-add-in";

const PERSON = "ann@example.com";
const COLLEAGUE = "bo@example.com";
const CSV = "Full Name,Work Email,Extension,Site,Type\nAnn Lee,ann.lee@example.com,4201,San Francisco,User";
const SYNC_WRITTEN = ["Temp #", "RC Id", "Synced At", "Message"];

/**
 * The columns the sync writes on the Users tab, in dist/Code.js run by the local Apps Script runtime: Set up
 * workspace gives them warning-only protections, a person typing there is warned, and the sync still writes them.
 */
describe("the sync-written columns of Users in the Apps Script runtime", () => {
  let sandbox: RunningSandbox;
  let document: SheetsDocument;
  let runtime: AppsScriptRuntime;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 3, timeScale: 100 });
    document = SheetsDocument.blank("sync-written", { owner: PERSON, editors: [PERSON, COLLEAGUE], domain: null });
    runtime = startBuiltAddIn({ document, user: PERSON, sandbox: sandbox.serverUrl });
  });
  afterAll(async () => {
    await runtime?.close();
    await sandbox?.close();
  });

  async function call(name: string, input: unknown = {}): Promise<unknown> {
    const answer = await sidebarCall(runtime, name, input);
    expect(answer.outcome, `${name}: ${answer.outcome.error}`).toMatchObject({ ok: true });
    return answer.value;
  }

  const users = () => document.sheetByName("Users") as SheetModel;
  const columnOf = (header: string) => USERS_TAB.columns.findIndex((c) => c.header === header) + 1;
  const warnedColumns = () =>
    users()
      .protections.filter((p) => p.area && p.warningOnly)
      .flatMap((p) => Array.from({ length: p.area?.numColumns ?? 0 }, (_, i) => (p.area?.column ?? 0) + i));

  it("Set up workspace protects Temp #, RC Id, Synced At and Message with warnings only, below the header", async () => {
    expect(await runtime.run({ function: "menuSetUpWorkspace", kind: "menu" })).toMatchObject({ ok: true });
    expect(warnedColumns().sort((a, b) => a - b)).toEqual(SYNC_WRITTEN.map(columnOf).sort((a, b) => a - b));
    for (const protection of users().protections.filter((p) => p.area)) {
      expect(protection.area?.row).toBe(2);
      expect(protection.area?.numRows).toBe(users().maxRows - 1);
    }
    // Set up again: the same protections, not a second set.
    expect(await runtime.run({ function: "menuSetUpWorkspace", kind: "menu" })).toMatchObject({ ok: true });
    expect(warnedColumns()).toHaveLength(SYNC_WRITTEN.length);
    // Rows added at the bottom are outside the warnings (as in Sheets) until Set up workspace runs again.
    users().insertRows(users().maxRows, 50);
    expect(
      users()
        .protections.filter((p) => p.area)
        .map((p) => p.area?.numRows),
    ).not.toContain(users().maxRows - 1);
    expect(await runtime.run({ function: "menuSetUpWorkspace", kind: "menu" })).toMatchObject({ ok: true });
    for (const protection of users().protections.filter((p) => p.area))
      expect(protection.area?.numRows).toBe(users().maxRows - 1);
    expect(warnedColumns()).toHaveLength(SYNC_WRITTEN.length);
  });

  it("the sync writes those columns; a person typing there is warned, and nobody is refused", async () => {
    await call("connect", {
      server: PRODUCTION,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      jwt: sandbox.jwt,
    });
    await call("refreshAccount");
    const source = { kind: "csv", text: CSV };
    const proposal = (await call("proposeImportMapping", { source })) as { fields: Record<string, string | null> };
    expect(await call("applyImport", { source, fields: proposal.fields })).toMatchObject({ applied: true });
    let report = (await call("runSync", { sites: ["San Francisco"], budgetMs: 60_000 })) as { done: boolean; failed: number };
    for (let chunk = 0; !report.done && chunk < 5; chunk++)
      report = (await call("runSync", { sites: ["San Francisco"], budgetMs: 60_000 })) as { done: boolean; failed: number };
    expect(report).toMatchObject({ done: true, failed: 0 });

    expect(users().cell(2, columnOf("Status")).value).toBe("Synced");
    expect(String(users().cell(2, columnOf("Temp #")).value)).toMatch(/^\+1\d{10}$/);
    expect(String(users().cell(2, columnOf("RC Id")).value)).toMatch(/^\d+$/);
    expect(users().cell(2, columnOf("Synced At")).value).not.toBe("");

    const typed = typeIntoCell(document, COLLEAGUE, { sheet: "Users", row: 2, column: columnOf("Temp #"), text: "+15550000000" });
    expect(typed.warnings).toEqual([expect.stringMatching(/the sync writes this column/)]);
    expect(
      typeIntoCell(document, COLLEAGUE, { sheet: "Users", row: 2, column: columnOf("Dept"), text: "Sales" }).warnings,
    ).toEqual([]);
  });
});

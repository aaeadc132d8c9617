import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppsScriptRuntime } from "../../src/apps-script-runtime/runtime";
import { type SheetModel, SheetsDocument } from "../../src/apps-script-runtime/spreadsheet/document";
import { USERS_TAB } from "../../src/domain/tabs";
import { passwordProblems, pinProblems } from "../../src/domain/validation/credentials";
import { sidebarCall, startBuiltAddIn } from "../built-add-in";

const PERSON = "ann@example.com";
const column = (key: string) => USERS_TAB.columns.findIndex((c) => c.key === key) + 1;

/**
 * PINs and passwords made by dist/Code.js in the local Apps Script runtime (random numbers from Utilities.getUuid,
 * the only secure source Apps Script has): only blank cells of rows that need one, every value within the platform's
 * rules, none of them in the answer the sidebar gets.
 */
describe("makeCredentials in the Apps Script runtime", () => {
  let document: SheetsDocument;
  let runtime: AppsScriptRuntime;
  const users = () => document.sheetByName("Users") as SheetModel;
  const cell = (row: number, key: string) => String(users().cell(row, column(key)).value);

  beforeAll(async () => {
    document = SheetsDocument.blank("credentials", { owner: PERSON, editors: [PERSON], domain: null });
    runtime = startBuiltAddIn({ document, user: PERSON });
    expect(await runtime.run({ function: "menuSetUpWorkspace", kind: "menu" })).toMatchObject({ ok: true });
    const rows: Record<string, string>[] = [
      { userType: "Message Only", firstName: "Sales", lastName: "Voicemail", email: "vm@example.com", ext: "4301" },
      { userType: "Limited Extension", firstName: "Lobby", lastName: "Phone", email: "lobby@example.com", ext: "4302" },
      { userType: "User", firstName: "Bob", lastName: "Ito", email: "bob@example.com", ext: "4303", setupWizard: "Not Started" },
      { userType: "Message Only", firstName: "Given", lastName: "Pin", email: "given@example.com", ext: "4304", pin: "274916" },
    ];
    rows.forEach((row, i) => {
      for (const [key, value] of Object.entries({ site: "Main Site", ...row }))
        users().cellToWrite(i + 2, column(key)).value = value;
    });
  });
  afterAll(() => runtime?.close());

  it("fills only the blank credentials rows need, within the platform's rules, and never answers with them", async () => {
    const answer = await sidebarCall(runtime, "makeCredentials", { target: { kind: "needing" } });
    expect(answer.outcome, answer.outcome.error).toMatchObject({ ok: true });
    expect(answer.value).toMatchObject({ made: 2, message: expect.stringContaining("Made 1 PIN and 1 password for 2 rows") });

    const pin = cell(2, "pin");
    const password = cell(3, "password");
    expect(pinProblems(pin, { ext: "4301", phone: null })).toEqual([]);
    expect(passwordProblems(password, { firstName: "Lobby", lastName: "Phone", phone: null })).toEqual([]);
    expect(JSON.stringify(answer.value)).not.toContain(pin);
    expect(JSON.stringify(answer.value)).not.toContain(password);
    expect([cell(3, "pin"), cell(4, "pin"), cell(4, "password"), cell(5, "password")]).toEqual(["", "", "", ""]);
    expect(cell(5, "pin")).toBe("274916");
  });

  it("says so when no row lacks one", async () => {
    const answer = await sidebarCall(runtime, "makeCredentials", { target: { kind: "needing" } });
    expect(answer.value).toEqual({ made: 0, problem: "No row there lacks a PIN or password it needs." });
  });
});

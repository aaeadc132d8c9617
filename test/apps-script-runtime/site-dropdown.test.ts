import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppsScriptRuntime } from "../../src/apps-script-runtime/runtime";
import { type SheetModel, SheetsDocument } from "../../src/apps-script-runtime/spreadsheet/document";
import { ACCOUNT_SITES_TAB, USERS_TAB } from "../../src/domain/tabs";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import { PRODUCTION, type SidebarAnswer, sidebarCall, startBuiltAddIn } from "../built-add-in";

const PERSON = "ann@example.com";
const SITE = USERS_TAB.columns.findIndex((c) => c.key === "site") + 1;
const CSV = "Full Name,Work Email,Extension,Site,Type\nAnn Lee,ann.lee@example.com,4201,Lisbon Office,User";

/**
 * dist/Code.js in the local Apps Script runtime, from a new workspace: connecting reads the account the workspace
 * never read, and the Users tab's Site dropdown (a data validation) offers the Sites tab's sites and the account's,
 * made again when the account is read, a site is added from the Sync list, or an import adds one.
 */
describe("the Site dropdown and the first account read, in the Apps Script runtime", () => {
  let sandbox: RunningSandbox;
  let document: SheetsDocument;
  let runtime: AppsScriptRuntime;
  const sheet = (name: string) => document.sheetByName(name) as SheetModel;
  /** The Site column's rule as Sheets holds it, on the first and on a far data row. */
  const siteChoices = (row = 2) => {
    const rule = sheet("Users").cell(row, SITE).validation;
    expect(rule?.criteria).toBe("VALUE_IN_LIST");
    return rule?.args[0] as string[];
  };
  const accountSites = () => {
    const column = ACCOUNT_SITES_TAB.columns.findIndex((c) => c.key === "name") + 1;
    const names: string[] = [];
    for (let row = 2; String(sheet("Account Sites").cell(row, column).value); row++)
      names.push(String(sheet("Account Sites").cell(row, column).value));
    return names;
  };

  async function call(name: string, input?: unknown): Promise<SidebarAnswer> {
    const answer = await sidebarCall(runtime, name, input);
    expect(answer.outcome, `${name}: ${answer.outcome.error}`).toMatchObject({ ok: true });
    return answer;
  }
  const credential = () => ({
    server: PRODUCTION,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    jwt: sandbox.jwt,
  });

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 4, timeScale: 100 });
    document = SheetsDocument.blank("site-dropdown", { owner: PERSON, editors: [PERSON], domain: null });
    runtime = startBuiltAddIn({ document, user: PERSON, sandbox: sandbox.serverUrl });
    expect(await runtime.run({ function: "menuSetUpWorkspace", kind: "menu" })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await runtime?.close();
    await sandbox?.close();
  });

  it("offers the main site in a new workspace, whose account was never read", async () => {
    expect(siteChoices()).toEqual(["Main Site"]);
    expect((await call("accountReadAt")).value).toEqual({ connected: false, readAt: "" });
  });

  it("connecting reads the account, and the dropdown offers its sites on every row", async () => {
    const { value } = await call("connect", credential());
    expect(value).toMatchObject({
      connected: true,
      message: expect.stringMatching(/^Connected to .+\. Account read: \d+ users, \d+ sites, \d+ unassigned lines\.$/),
      account: { sites: expect.any(Number) },
    });
    const read = (await call("accountReadAt")).value as { connected: boolean; readAt: string };
    expect(read).toEqual({ connected: true, readAt: expect.stringMatching(/^\d{4}-/) });
    const sites = accountSites();
    expect(sites.length).toBeGreaterThan(0);
    expect(siteChoices()).toEqual(expect.arrayContaining([...sites, "Main Site"]));
    expect(siteChoices(sheet("Users").maxRows)).toEqual(siteChoices());

    // Read once: connecting again leaves the account tabs and the time alone.
    expect((await call("connect", credential())).value).toEqual({ connected: true, message: `Connected to ${PRODUCTION}.` });
    expect((await call("accountReadAt")).value).toEqual(read);
  });

  it("adds a site from the Sync list, and the dropdown offers it", async () => {
    const austin = { name: "Austin", country: "US", state: "TX", city: "Austin", street: "1 Congress Ave", postalCode: "78701" };
    expect((await call("addSite", austin)).value).toMatchObject({ added: true });
    expect(siteChoices()).toEqual(["Austin", ...accountSites().filter((s) => s !== "Austin"), "Main Site"].filter(unique));
  });

  it("an import that adds a new office adds it to the dropdown too", async () => {
    const source = { kind: "csv", text: CSV };
    const proposal = (await call("proposeImportMapping", { source })).value as { fields: Record<string, string | null> };
    const preview = (await call("previewImport", { source, fields: proposal.fields })).value as {
      newSites: string[];
      problems: { message: string }[];
    };
    expect(preview.newSites).toEqual(["Lisbon Office"]);
    // The account was read: the new office is new, and nothing says it might be the account's.
    expect(preview.problems.map((p) => p.message).join(" ")).not.toContain("has not been read");
    expect((await call("applyImport", { source, fields: proposal.fields })).value).toMatchObject({ applied: true });
    expect(siteChoices()).toEqual(expect.arrayContaining(["Austin", "Lisbon Office", "Main Site"]));
  });
});

function unique(value: string, index: number, all: string[]): boolean {
  return all.indexOf(value) === index;
}

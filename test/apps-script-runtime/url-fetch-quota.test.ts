import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppsScriptRuntime } from "../../src/apps-script-runtime/runtime";
import { DAILY_QUOTA_USED } from "../../src/apps-script-runtime/services/url-fetch-limits";
import { SheetsDocument } from "../../src/apps-script-runtime/spreadsheet/document";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import { PRODUCTION, sidebarCall, startBuiltAddIn } from "../built-add-in";

const PERSON = "ann@example.com";

/**
 * The add-in (dist/Code.js) when the person's UrlFetch calls for the day are spent (quotas: 20,000 a day for a
 * consumer account): told so, in Apps Script's words, as a request never sent, not one whose answer was lost.
 */
describe("the add-in once the day's UrlFetch quota is used", () => {
  let sandbox: RunningSandbox;
  let runtime: AppsScriptRuntime;
  let exchanges = 0;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 5, timeScale: 100, onExchange: () => exchanges++ });
    const document = SheetsDocument.blank("quota", { owner: PERSON, editors: [PERSON], domain: null });
    runtime = startBuiltAddIn({ document, user: PERSON, sandbox: sandbox.serverUrl, urlFetchCallsPerDay: 200 });
    const { clientId, clientSecret, jwt } = sandbox;
    const connected = await sidebarCall(runtime, "connect", { server: PRODUCTION, clientId, clientSecret, jwt });
    expect(connected.value).toMatchObject({ connected: true });
    expect((await runtime.run({ function: "menuSetUpWorkspace", kind: "menu" })).ok).toBe(true);
  });
  afterAll(async () => {
    await runtime?.close();
    await sandbox?.close();
  });

  it("answers Refresh with the quota's text and what it allows, and sends nothing more", async () => {
    const quota = runtime.services.urlFetchQuota;
    // The rest of the day's calls went to other work.
    while (quota.take(PERSON) === null);
    const before = exchanges;
    const answer = await sidebarCall(runtime, "refreshAccount", {});
    const text = JSON.stringify(answer.value ?? answer.outcome.error);
    expect(text).toContain(DAILY_QUOTA_USED);
    expect(text).toContain("Apps Script did not send the request");
    expect(text).toContain("20,000 URL fetches a day");
    expect(text).not.toContain("No answer from");
    expect(exchanges).toBe(before);
  });
});

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { parse } from "acorn";
import { beforeAll, describe, expect, it } from "vitest";
import { createSpreadsheetApp } from "../../src/apps-script-runtime/spreadsheet/service";
import { triggers } from "../../src/gas/main";
import { serverFunctions } from "../../src/server/functions";
import { appsScriptGlobals } from "../gas/apps-script-globals";

/** The built files as clasp pushes them: `npm test` builds before it runs the tests. */
const dist = join(import.meta.dirname, "../../dist");
const read = (file: string) => {
  const path = join(dist, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first.`);
  return readFileSync(path, "utf8");
};

describe("the Apps Script bundle (dist/Code.js)", () => {
  let code: string;
  beforeAll(() => {
    code = read("Code.js");
  });

  it("is ES2019 syntax, one script", () => {
    expect(() => parse(code, { ecmaVersion: 2019, sourceType: "script" })).not.toThrow();
  });

  it("declares exactly the server's exports as top-level functions", () => {
    const program = parse(code, { ecmaVersion: 2019, sourceType: "script" });
    const declared = program.body.flatMap((node) => (node.type === "FunctionDeclaration" && node.id ? [node.id.name] : []));
    const expected = [...Object.keys(serverFunctions), ...Object.keys(triggers)];
    expect(declared.sort()).toEqual(expected.sort());
  });

  it("declares every function the sidebar calls, and those Apps Script calls by name: triggers and the OAuth callback", () => {
    const sidebar = join(import.meta.dirname, "../../sidebar");
    const sources = readdirSync(sidebar, { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f));
    const called = new Set(
      sources.flatMap((file) =>
        [...readFileSync(join(sidebar, file), "utf8").matchAll(/rpc\("(\w+)"/g)].map((m) => m[1] as string),
      ),
    );
    expect(called.size).toBeGreaterThan(15);
    for (const name of [...called, "takeResult", "onOpen", "onInstall", "onEdit", "authCallback", "selfTest"])
      expect(code, name).toMatch(new RegExp(`^function ${name}\\(`, "m"));
  });

  it("names in its menu only functions it declares", () => {
    const menuTargets = [...code.matchAll(/\.addItem\("[^"]+",\s*"(\w+)"\)/g)].map((m) => m[1]);
    expect(menuTargets.length).toBeGreaterThan(0);
    for (const name of menuTargets) expect(code).toMatch(new RegExp(`^function ${name}\\(`, "m"));
  });
});

describe("the sidebar (dist/sidebar.html)", () => {
  it("is one self-contained HTML file", () => {
    const html = read("sidebar.html");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).toContain("RingCentral Users");
    expect(html.match(/<\/script>/gi)).toHaveLength(1);
  });
});

describe("the manifest (dist/appsscript.json)", () => {
  it("runs V8 with explicit, narrow scopes and the RingCentral servers whitelisted", () => {
    const manifest = JSON.parse(read("appsscript.json"));
    expect(manifest.runtimeVersion).toBe("V8");
    expect(manifest.oauthScopes).toContain("https://www.googleapis.com/auth/spreadsheets.currentonly");
    expect(manifest.oauthScopes).not.toContain("https://www.googleapis.com/auth/spreadsheets");
    expect(manifest.dependencies.libraries).toEqual([
      expect.objectContaining({ userSymbol: "OAuth2", libraryId: "1B7FSrk5Zi6L1rSxxTDgDEUsPzlukDsi4KGuTMorsTQHhGBzBkMun4iDF" }),
    ]);
    // Session.getEffectiveUser(): the person stays an editor of protected tabs, and is named while they sync.
    expect(manifest.oauthScopes).toContain("https://www.googleapis.com/auth/userinfo.email");
    expect(manifest.oauthScopes).toHaveLength(4);
    expect(manifest.urlFetchWhitelist).toEqual(
      expect.arrayContaining(["https://platform.ringcentral.com/", "https://platform.ringcentral.biz/"]),
    );
  });
});

describe("the bundle in an Apps Script-like global scope", () => {
  it("builds the menu on open, and the sidebar's functions work on the active spreadsheet", () => {
    const fake = createSpreadsheetApp();
    const context = vm.createContext({ SpreadsheetApp: fake.app, HtmlService: {}, console, Date });
    vm.runInContext(read("Code.js"), context);

    vm.runInContext("onOpen()", context);
    const [menu] = fake.document.viewOf("me@example.com").menus;
    const targets = (menu?.items ?? []).map((item) => item?.functionName);
    expect(targets).toEqual(["showSidebar", "menuValidate", "menuSetUpWorkspace"]);
    for (const fn of targets) expect(typeof context[fn as string]).toBe("function");

    const setup = vm.runInContext("setUpWorkspace({})", context) as { created: string[] };
    expect([...setup.created]).toContain("Users");
    expect(fake.spreadsheet.getSheetByName("Users")?.getFrozenRows()).toBe(1);
    fake.spreadsheet
      .getSheetByName("Users")
      ?.getRange(2, 1, 1, 5)
      .setValues([["User", "Ann", "Lee", "not-an-email", "0101"]]);
    const report = vm.runInContext("validate({ mark: true })", context) as { counts: { error: number } };
    expect(report.counts.error).toBeGreaterThan(0);
    expect(fake.spreadsheet.getSheetByName("Users")?.getRange(2, 4, 1, 1).getNotes()[0]?.[0]).toContain("Email");
    // The import's CSV parser and mapping run in the bundle too.
    const proposal = vm.runInContext(
      'proposeImportMapping({ source: { kind: "csv", text: "Work Email,First Name\\nann@example.com,Ann" } })',
      context,
    ) as {
      fields: Record<string, string | null>;
    };
    expect(proposal.fields.Email).toBe("Work Email");
  });

  it("answers an asynchronous function with a ticket, and takeResult collects its outcome", async () => {
    const fake = createSpreadsheetApp();
    const globals = appsScriptGlobals();
    const context = vm.createContext({ SpreadsheetApp: fake.app, ...globals.services(), console, Date });
    vm.runInContext(read("Code.js"), context);
    expect(vm.runInContext("connectionStatus({})", context)).toEqual({ connected: false, server: "" });
    const { pending } = vm.runInContext("refreshAccount({})", context) as { pending: string };
    expect(pending).toEqual(expect.any(String));
    await new Promise((resolve) => setTimeout(resolve, 10));
    const outcome = vm.runInContext(`takeResult(${JSON.stringify(pending)})`, context);
    expect(outcome).toEqual({ done: true, error: "Not signed in to RingCentral: connect an account first." });
    expect(vm.runInContext(`takeResult(${JSON.stringify(pending)})`, context)).toEqual({ done: false });
    // The refresh held the document's sync lock and let it go.
    expect(vm.runInContext("LockService.getDocumentLock().tryLock(0)", context)).toBe(true);
  });

  it("connects with a JWT and starts a sign-in without URL (Apps Script has none), and the connection reads back", async () => {
    const fake = createSpreadsheetApp();
    const globals = appsScriptGlobals();
    const sent: { url: string; payload?: string }[] = [];
    const UrlFetchApp = {
      fetch(url: string, params: { payload?: string }) {
        sent.push({ url, ...(params.payload === undefined ? {} : { payload: params.payload }) });
        const body = JSON.stringify({ access_token: "at-1", expires_in: 3600, refresh_token: "rt-1", owner_id: "7" });
        return { getResponseCode: () => 200, getAllHeaders: () => ({}), getContentText: () => body };
      },
    };
    const context = vm.createContext({ SpreadsheetApp: fake.app, UrlFetchApp, ...globals.services(), console, Date });
    expect(vm.runInContext("typeof URL", context)).toBe("undefined");
    vm.runInContext(read("Code.js"), context);
    const settled = async (answer: unknown) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return vm.runInContext(`takeResult(${JSON.stringify((answer as { pending: string }).pending)})`, context);
    };

    const connecting = vm.runInContext(
      'connect({ server: "https://platform.ringcentral.biz/", clientId: "app-1", clientSecret: "s", jwt: "a.b.c" })',
      context,
    );
    expect(await settled(connecting)).toEqual({
      done: true,
      value: { connected: true, message: "Connected to https://platform.ringcentral.biz." },
    });
    expect(sent[0]?.url).toBe("https://platform.ringcentral.biz/restapi/oauth/token");
    expect(vm.runInContext("connectionStatus({})", context)).toEqual({
      connected: true,
      server: "https://platform.ringcentral.biz",
    });

    const started = vm.runInContext(
      'startAuthorization({ server: "https://platform.ringcentral.com", clientId: "app-2" })',
      context,
    ) as { url: string };
    expect(started.url).toMatch(/^https:\/\/platform\.ringcentral\.com\/restapi\/oauth\/authorize\?client_id=app-2/);
    const refused = vm.runInContext('startAuthorization({ server: "javascript:alert(1)", clientId: "app-2" })', context);
    expect(refused).toEqual({ url: null, message: expect.stringMatching(/does not start with https:\/\//) });
    expect(
      await settled(vm.runInContext('connect({ server: "http://rc.example.com", clientId: "a", jwt: "j" })', context)),
    ).toEqual({ done: true, value: { connected: false, message: expect.stringMatching(/must use https/) } });
  });
});

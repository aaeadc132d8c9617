import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "acorn";
import { beforeAll, describe, expect, it } from "vitest";
import { triggers } from "../../src/gas/main";
import { serverFunctions } from "../../src/server/functions";
import { readDist as read } from "../dist";

describe("the Apps Script bundle (dist/Code.js)", () => {
  let code: string;
  beforeAll(() => {
    code = read("Code.js");
  });

  it("stays under 565,000 bytes: Apps Script parses the whole file on every execution", () => {
    // 533,547 bytes after the values step, grouped findings, the queued promise and the sync's write-back by user;
    // 560,210 with the area-code table and the claims' confirmation.
    expect(Buffer.byteLength(code, "utf8")).toBeLessThan(565_000);
  });

  it("is ES2019 syntax, one script", () => {
    expect(() => parse(code, { ecmaVersion: 2019, sourceType: "script" })).not.toThrow();
  });

  it("has no async function or await: they are lowered to generators over the add-in's own Promise", () => {
    const found: string[] = [];
    const visit = (node: unknown): void => {
      if (!node || typeof node !== "object") return;
      if (Array.isArray(node)) {
        for (const item of node) visit(item);
        return;
      }
      const { type, async } = node as { type?: string; async?: boolean };
      if (async === true || type === "AwaitExpression" || (type === "ForOfStatement" && (node as { await?: boolean }).await))
        found.push(String(type));
      for (const value of Object.values(node)) visit(value);
    };
    visit(parse(code, { ecmaVersion: 2019, sourceType: "script" }));
    expect(found).toEqual([]);
    // The queued promise is in: jobs an execution leaves never wait in V8's queue (src/gas/queued-promise.ts).
    expect(code).toMatch(/function\*/);
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
    for (const name of [...called, "onOpen", "onInstall", "onEdit", "authCallback", "selfTest"])
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
    // The sidebar's script, and the XLSX writer and reader carried as text until an export or an import runs them:
    // each closed once, so none holds a "</script" that would end it early.
    expect(html.match(/<script[\s>]/gi)).toHaveLength(3);
    expect(html.match(/<\/script>/gi)).toHaveLength(3);
    expect(html).toMatch(/<script type="text\/plain" id="xlsx-writer">/);
    expect(html).toMatch(/<script type="text\/plain" id="xlsx-reader">/);
  });
});

describe("the manifest (dist/appsscript.json)", () => {
  it("runs V8 with explicit, narrow scopes and the RingCentral servers whitelisted", () => {
    const manifest = JSON.parse(read("appsscript.json"));
    expect(manifest.runtimeVersion).toBe("V8");
    // All the person's spreadsheets: an import reads another one by its link (docs/deploy.md says what it costs).
    expect(manifest.oauthScopes).toContain("https://www.googleapis.com/auth/spreadsheets");
    expect(manifest.oauthScopes).not.toContain("https://www.googleapis.com/auth/spreadsheets.currentonly");
    expect(manifest.oauthScopes).not.toContain("https://www.googleapis.com/auth/drive");
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

import { afterAll, describe, expect, it } from "vitest";
import { type AppsScriptRuntime, startAppsScriptRuntime } from "../../src/apps-script-runtime/runtime";
import { SheetsDocument } from "../../src/apps-script-runtime/spreadsheet/document";
import { sidebarCall, startBuiltAddIn } from "../built-add-in";
import { readDist } from "../dist";

/**
 * Apps Script's V8 is known to have ECMAScript's built-ins up to ES2020 (docs/apps-script-runtime.md), so the
 * runtime's contexts offer those and drop the newer ones Node has: the add-in's bundle, run there, fails on a call
 * to one (`Array.prototype.at` in the import wizard did) before it can fail in Apps Script.
 */

const SCRIPT = `
function builtIns() {
  var typedArray = Object.getPrototypeOf(Int8Array.prototype);
  return {
    newer: [typeof [].at, typeof "".at, typeof typedArray.at, typeof Object.hasOwn, typeof [].findLast,
      typeof [].findLastIndex, typeof "".replaceAll, typeof Promise.any, typeof WeakRef, typeof [].toSorted,
      typeof Object.groupBy, typeof structuredClone],
    es2020: [typeof [].flat, typeof Object.fromEntries, typeof "".trimEnd, typeof "".matchAll, typeof Promise.allSettled,
      typeof BigInt, typeof globalThis],
  };
}`;

const NEWER = Array(12).fill("undefined");
const ES2020 = ["function", "function", "function", "function", "function", "function", "object"];

/**
 * Method calls of ES2021 and later built-ins as they read in a bundle (names no library of ours gives a method); a
 * global's name alone in a string (selfTest asks whether Google has it: src/gas/platform-probes.ts) is no use of it, nor a
 * spread of a minified function that happens to be named `at` ("...at(n, issues)").
 */
const NEWER_CALLS =
  /(?<!\.)\.(?:at|findLast|findLastIndex|replaceAll|toSorted|toReversed|toSpliced|isWellFormed|toWellFormed)\(|Object\.(?:hasOwn|groupBy)\(|Promise\.(?:any|withResolvers)\(|(?<!")\b(?:structuredClone|WeakRef|FinalizationRegistry|AggregateError)\b(?!")/g;

describe("the built-ins a context offers", () => {
  const runtimes: AppsScriptRuntime[] = [];
  afterAll(async () => {
    for (const runtime of runtimes) await runtime.close();
  });

  it("has ES2020's and none newer, unless the runtime is told to keep Node's", async () => {
    const apps = startAppsScriptRuntime({ code: SCRIPT, manifest: {} });
    const node = startAppsScriptRuntime({ code: SCRIPT, manifest: {}, newerBuiltIns: true });
    runtimes.push(apps, node);
    const seen = await apps.run({ function: "builtIns", kind: "server" });
    expect(seen.value).toEqual({ newer: NEWER, es2020: ES2020 });
    const kept = (await node.run({ function: "builtIns", kind: "server" })).value as { newer: string[] };
    // Node 20's V8 has the ES2021 to ES2023 ones (the later ones came with later Nodes).
    expect(kept.newer.slice(0, 7)).toEqual(Array(7).fill("function"));
  });

  it("runs the add-in's import wizard (proposal, the gate's message, preview) with Apps Script's built-ins", async () => {
    const person = "ann@example.com";
    const document = SheetsDocument.blank("built-ins", { owner: person, editors: [person], domain: null });
    const runtime = startBuiltAddIn({ document, user: person });
    runtimes.push(runtime);
    expect((await sidebarCall(runtime, "setUpWorkspace")).outcome.ok).toBe(true);
    // Header words with a database suffix (name-match), and two required fields left without a source (the gate).
    const source = { kind: "csv", text: "Given Name,Family Name,E-mail,SITE_CODE\nAnn,Lee,ann@example.com,Main\n" };
    const proposal = await sidebarCall(runtime, "proposeImportMapping", { source });
    expect(proposal.outcome.error).toBeUndefined();
    const fields = (proposal.value as { fields: Record<string, string | null> }).fields;
    expect(fields).toMatchObject({ "First Name": "Given Name", Site: "SITE_CODE" });
    const preview = await sidebarCall(runtime, "previewImport", { source, fields });
    expect(preview.outcome.error).toBeUndefined();
    expect(JSON.stringify(preview.value)).toContain("User Type * and Ext * are required");
  });

  it("finds no call to a newer built-in anywhere in dist/Code.js", () => {
    expect(readDist("Code.js").match(NEWER_CALLS) ?? []).toEqual([]);
  });
});

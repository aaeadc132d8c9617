import type { Manifest } from "../src/apps-script-runtime/manifest";
import { type AppsScriptRuntime, type Outcome, startAppsScriptRuntime } from "../src/apps-script-runtime/runtime";
import type { SheetsDocument } from "../src/apps-script-runtime/spreadsheet/document";
import type { Drive } from "../src/apps-script-runtime/spreadsheet/drive";
import { spreadsheetService } from "../src/apps-script-runtime/spreadsheet/service";
import { readDist } from "./dist";

/** RingCentral's production host, as a person connects to it; the runtime leads it to the local sandbox. */
export const PRODUCTION = "https://platform.ringcentral.com";

export function builtManifest(): Manifest {
  return JSON.parse(readDist("appsscript.json")) as Manifest;
}

/**
 * The add-in as people install it: dist/Code.js and its manifest (or another, to test a narrower one) in the local
 * Apps Script runtime, SpreadsheetApp over `document` (and `drive`, the person's other spreadsheets), and
 * RingCentral's production host led to `sandbox` when given.
 */
export function startBuiltAddIn(options: {
  document: SheetsDocument;
  user: string;
  sandbox?: string;
  manifest?: Manifest;
  drive?: Drive;
  /** People whose email Session answers blank. */
  hiddenEmails?: readonly string[];
  /** Divides the execution limits (6 minutes at 100 is 3.6 s), as the sandbox's time scale divides its windows. */
  timeScale?: number;
  /** What each service call costs; none by default here, so that the tests run at the machine's pace. */
  latencyMs?: Readonly<Record<string, number>>;
  /** UrlFetchApp calls a person may make in a day (the runtime's default: a consumer account's 20,000). */
  urlFetchCallsPerDay?: number;
}): AppsScriptRuntime {
  return startAppsScriptRuntime({
    code: readDist("Code.js"),
    manifest: options.manifest ?? builtManifest(),
    files: { sidebar: readDist("sidebar.html") },
    services: [spreadsheetService(options.document, options.drive)],
    routes: options.sandbox ? { [PRODUCTION]: options.sandbox } : {},
    user: options.user,
    ...(options.hiddenEmails ? { hiddenEmails: options.hiddenEmails } : {}),
    ...(options.timeScale ? { timeScale: options.timeScale } : {}),
    // The runtime prices SpreadsheetApp calls as Sheets would unless told: these tests turn it off.
    latencyMs: options.latencyMs ?? {},
    ...(options.urlFetchCallsPerDay ? { urlFetchCallsPerDay: options.urlFetchCallsPerDay } : {}),
  });
}

/** What a sidebar call came to: the execution, and its value (the function's outcome itself). */
export interface SidebarAnswer {
  outcome: Outcome;
  value: unknown;
}

/** A google.script.run call as the sidebar makes it, by `user` (else the runtime's person). */
export async function sidebarCall(
  runtime: AppsScriptRuntime,
  name: string,
  input?: unknown,
  user?: string,
): Promise<SidebarAnswer> {
  const as = user ? { user } : {};
  const outcome = await runtime.run({ function: name, kind: "server", args: input === undefined ? [] : [input], ...as });
  return { outcome, value: outcome.value };
}

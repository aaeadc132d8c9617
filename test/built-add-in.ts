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
  /** Divides the execution limits (6 minutes at 100 is 3.6 s), as the sandbox's time scale divides its windows. */
  timeScale?: number;
}): AppsScriptRuntime {
  return startAppsScriptRuntime({
    code: readDist("Code.js"),
    manifest: options.manifest ?? builtManifest(),
    files: { sidebar: readDist("sidebar.html") },
    services: [spreadsheetService(options.document, options.drive)],
    routes: options.sandbox ? { [PRODUCTION]: options.sandbox } : {},
    user: options.user,
    ...(options.timeScale ? { timeScale: options.timeScale } : {}),
  });
}

/** What a sidebar call came to: the execution, the collected outcome of an asynchronous answer, and the value. */
export interface SidebarAnswer {
  outcome: Outcome;
  collected?: { done: boolean; value?: unknown; error?: string };
  value: unknown;
}

/**
 * A google.script.run call as the sidebar makes it: an answer `{ pending: ticket }` is collected with takeResult,
 * from the caller's own cache (`user`, else the runtime's person).
 */
export async function sidebarCall(
  runtime: AppsScriptRuntime,
  name: string,
  input?: unknown,
  user?: string,
): Promise<SidebarAnswer> {
  const as = user ? { user } : {};
  const outcome = await runtime.run({ function: name, kind: "server", args: input === undefined ? [] : [input], ...as });
  const ticket = (outcome.value as { pending?: unknown } | null)?.pending;
  if (typeof ticket !== "string") return { outcome, value: outcome.value };
  const collectedRun = await runtime.run({ function: "takeResult", kind: "server", args: [ticket], ...as });
  const collected = collectedRun.value as SidebarAnswer["collected"];
  return { outcome, collected, value: collected?.value };
}

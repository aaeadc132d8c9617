import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startAppsScriptRuntime } from "../../src/apps-script-runtime/runtime";
import { SheetsDocument } from "../../src/apps-script-runtime/spreadsheet/document";
import { spreadsheetService } from "../../src/apps-script-runtime/spreadsheet/service";
import type { Observed } from "../../src/first-contact/observed";
import { type ProbeReport, readProbeReport } from "../../src/first-contact/ringcentral-report";
import type { ExecutionContext } from "../../src/gas/platform-probes";
import type { FirstContactReport } from "../../src/gas/triggers";
import { probeServer } from "../../src/node/cli/probe";
import { startSandbox } from "../../src/sandbox/index";
import { builtManifest } from "../built-add-in";
import { readDist } from "../dist";

/** Where the repository keeps first-contact reports (docs/first-contact/README.md). */
export const REPORTS = join(import.meta.dirname, "../../docs/first-contact");

const PERSON = "first-contact@example.com";

/**
 * selfTest as the local runtime answers it: dist/Code.js on a blank spreadsheet, each SpreadsheetApp call at the
 * runtime's own price, run twice (the second run says what became of the first one's jobs after its return), in a
 * document (a sidebar's call) or outside one (the script editor of a standalone project), the Workbook contract left
 * out (its own tests cover it). The sidebar's rules are the playground's to say (test/e2e/first-contact-sidebar.test.ts).
 */
export async function runtimeSelfTest(context: ExecutionContext): Promise<FirstContactReport> {
  const document = SheetsDocument.blank("first-contact", { owner: PERSON, editors: [PERSON], domain: null });
  const runtime = startAppsScriptRuntime({
    code: readDist("Code.js"),
    manifest: builtManifest(),
    services: [spreadsheetService(document)],
    user: PERSON,
  });
  try {
    let value: unknown;
    for (let run = 0; run < 2; run++) {
      const outcome = await runtime.run({
        function: "selfTest",
        ...(context === "in a document" ? { kind: "server" } : { kind: "editor", standalone: true }),
        args: [{ workbook: false }],
      });
      if (!outcome.ok) throw new Error(`selfTest failed in the runtime: ${outcome.error}`);
      value = outcome.value;
    }
    return value as FirstContactReport;
  } finally {
    await runtime.close();
  }
}

/** The probe against a fresh local sandbox as `rcsheets sandbox` starts one (its defaults), closed afterwards. */
export async function sandboxProbe(claimLine: boolean): Promise<ProbeReport> {
  const sandbox = await startSandbox({ timeScale: 20 });
  try {
    return await probeServer(sandbox.serverUrl, { claimLine });
  } finally {
    await sandbox.close();
  }
}

export interface KeptReports {
  appsScript: { file: string; context: ExecutionContext; rules: Record<string, Observed> }[];
  ringCentral: { file: string; report: ProbeReport }[];
}

/** Every report under docs/first-contact/, read (a file that is neither kind is named). */
export function keptReports(): KeptReports {
  const kept: KeptReports = { appsScript: [], ringCentral: [] };
  for (const file of readdirSync(REPORTS).sort()) {
    const text = readFileSync(join(REPORTS, file), "utf8");
    if (file.endsWith(".jsonl")) kept.ringCentral.push({ file, report: readProbeReport(text, file) });
    else if (file.endsWith(".json")) {
      const report = JSON.parse(text) as Partial<FirstContactReport>;
      if (report.kind !== "rcsheets-apps-script-first-contact" || !report.rules || !report.context)
        throw new Error(`${file} is not a selfTest report (kind "rcsheets-apps-script-first-contact", context, rules).`);
      kept.appsScript.push({ file, context: report.context, rules: report.rules });
    }
  }
  return kept;
}

/** The sidebar's rules, which the playground in Chromium checks, apart from the rest. */
export function splitSidebarRules(rules: Record<string, Observed>) {
  const sidebar = Object.fromEntries(Object.entries(rules).filter(([id]) => id.startsWith("sidebar-")));
  const rest = Object.fromEntries(Object.entries(rules).filter(([id]) => !id.startsWith("sidebar-")));
  return { sidebar, rest };
}

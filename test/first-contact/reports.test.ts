import { beforeAll, describe, expect, it } from "vitest";
import { exchangeDifferences } from "../../src/first-contact/exchange-comparison";
import type { ProbeReport } from "../../src/first-contact/ringcentral-report";
import { ruleDifferences } from "../../src/first-contact/rule-comparison";
import type { ExecutionContext } from "../../src/gas/platform-probes";
import type { FirstContactReport } from "../../src/gas/triggers";
import { keptReports, runtimeSelfTest, sandboxProbe, splitSidebarRules } from "./local-reports";

/**
 * Every first-contact report under docs/first-contact/ against the local platforms now: a selfTest report's rules
 * against selfTest in the local runtime (dist/Code.js: build first), a probe's exchanges against the probe on a
 * fresh local sandbox. A report from Google or RingCentral that differs fails here, each difference named.
 */
describe("first-contact reports against the local runtime and sandbox", { timeout: 180_000 }, () => {
  const kept = keptReports();
  const runtime = new Map<ExecutionContext, FirstContactReport>();
  const probes = new Map<boolean, ProbeReport>();
  const inDocument = () => runtime.get("in a document") as FirstContactReport;

  beforeAll(async () => {
    for (const context of ["in a document", "outside a document"] as const) runtime.set(context, await runtimeSelfTest(context));
    for (const claimLine of new Set(kept.ringCentral.map((r) => r.report.header.claimLine)))
      probes.set(claimLine, await sandboxProbe(claimLine));
  }, 180_000);

  it("keeps a report of each kind, selfTest's in a document and outside one", () => {
    expect(kept.appsScript.map((r) => r.context).sort()).toEqual(["in a document", "outside a document"]);
    expect(kept.ringCentral.length).toBeGreaterThan(0);
  });

  it("each selfTest report's rules (but the sidebar's) are the runtime's", () => {
    for (const { file, context, rules } of kept.appsScript) {
      const local = runtime.get(context) as FirstContactReport;
      const differences = ruleDifferences(splitSidebarRules(rules).rest, splitSidebarRules(local.rules).rest);
      expect(differences, file).toEqual([]);
    }
  });

  it("each probe's exchanges are the sandbox's", () => {
    for (const { file, report } of kept.ringCentral) {
      const differences = exchangeDifferences(report, probes.get(report.header.claimLine) as ProbeReport);
      expect(differences, file).toEqual([]);
    }
  });

  it("rejects a selfTest report altered in two rules, naming each rule and field", () => {
    const sample = kept.appsScript.find((r) => r.context === "in a document");
    const rules = structuredClone(splitSidebarRules(sample?.rules ?? {}).rest);
    rules["protect-on-protected-sheet"] = "makes another (2 sheet protections)";
    rules["built-ins-newer-than-es2020"] = { ...(rules["built-ins-newer-than-es2020"] as object), "Array.prototype.at": true };
    rules["sheets-cost-per-call"] = { ...(rules["sheets-cost-per-call"] as object), readMs: 4 };
    expect(ruleDifferences(rules, splitSidebarRules(inDocument().rules).rest)).toEqual([
      "rule built-ins-newer-than-es2020 › Array.prototype.at: true in the report, false in the runtime",
      'rule protect-on-protected-sheet: "makes another (2 sheet protections)" in the report, "returns the existing protection" in the runtime',
      expect.stringMatching(/^rule sheets-cost-per-call › readMs: 4 in the report, \d+ in the runtime \(more than 3× apart\)$/),
    ]);
  });

  it("rejects a probe altered in a status and a field, naming each step and exchange", () => {
    const report = structuredClone(kept.ringCentral[0]?.report as ProbeReport);
    const createSite = report.exchanges.find((e) => e.step === "createSite");
    if (!createSite) throw new Error("the sample has no createSite exchange");
    createSite.response = { status: 400, body: { errorCode: "CMN-101", message: "Parameter [name] is invalid" } };
    const read = report.exchanges.find((e) => e.step === "readExtension");
    if (!read) throw new Error("the sample has no readExtension exchange");
    delete (read.response.body as { status?: string }).status;
    const differences = exchangeDifferences(report, probes.get(report.header.claimLine) as ProbeReport);
    expect(differences).toEqual([
      "step createSite, exchange 1 (POST /restapi/v1.0/account/~/sites): status 400 in the report, 200 from the sandbox",
      expect.stringMatching(
        /^step readExtension, exchange 1 \(GET \/restapi\/v1\.0\/account\/~\/extension\/\d+\): the sandbox answers status as string, the report not at all$/,
      ),
    ]);
  });

  it("a kept probe holds no secret: no token, JWT, client secret, PIN or password", () => {
    for (const { file, report } of kept.ringCentral) {
      const text = JSON.stringify(report);
      expect(text, file).not.toMatch(/"(access_token|refresh_token|assertion|password|ivrPin|answer)":"(?!\[removed\])/);
      expect(text, file).not.toMatch(/eyJ[\w-]+\.[\w-]+/); // a JWT
    }
  });
});

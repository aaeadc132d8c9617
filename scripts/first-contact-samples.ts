/**
 * `npx tsx scripts/first-contact-samples.ts`: makes docs/first-contact/'s sample reports again, from the local
 * platforms (build first): selfTest in the runtime (the sidebar's rules from the playground in Chromium) and the
 * probe against a fresh sandbox. Run it when the runtime or the sandbox changes a rule on purpose.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeProbeReport } from "../src/first-contact/ringcentral-report";
import { sidebarSelfTest } from "../test/e2e/first-contact-sidebar";
import { REPORTS, runtimeSelfTest, sandboxProbe } from "../test/first-contact/local-reports";

const runtime = await runtimeSelfTest("in a document");
const sidebar = await sidebarSelfTest();
const rules = { ...runtime.rules };
for (const id of Object.keys(rules)) if (id.startsWith("sidebar-")) rules[id] = sidebar.rules[id] ?? null;
const appsScript = { ...runtime, rules, madeBy: "the local runtime (dist/Code.js); sidebar rules: the playground in Chromium" };
writeFileSync(join(REPORTS, "sample-apps-script.json"), `${JSON.stringify(appsScript, null, 2)}\n`);
const outside = { ...(await runtimeSelfTest("outside a document")), madeBy: "the local runtime (dist/Code.js), standalone" };
writeFileSync(join(REPORTS, "sample-apps-script-outside-a-document.json"), `${JSON.stringify(outside, null, 2)}\n`);
const probe = await sandboxProbe(true);
writeFileSync(join(REPORTS, "sample-ringcentral.jsonl"), writeProbeReport(probe));
console.log(
  `docs/first-contact/: sample-apps-script.json, sample-apps-script-outside-a-document.json, sample-ringcentral.jsonl (${probe.exchanges.length} exchanges)`,
);

import { beforeAll, describe, expect, it } from "vitest";
import { ruleDifferences } from "../../src/first-contact/rule-comparison";
import type { FirstContactReport } from "../../src/gas/triggers";
import { keptReports, splitSidebarRules } from "../first-contact/local-reports";
import { sidebarSelfTest } from "./first-contact-sidebar";

/**
 * The sidebar's rules of every selfTest report under docs/first-contact/ against the sidebar's probe in the
 * playground (Chromium): the popup, the download and the kind of origin. test/first-contact/reports.test.ts holds the rest.
 */
describe("first-contact reports: the sidebar's rules against the playground", { timeout: 180_000 }, () => {
  let playground: FirstContactReport;
  beforeAll(async () => {
    playground = await sidebarSelfTest();
  }, 180_000);

  it("the sidebar's probe reports through selfTest, the Workbook contract passing", () => {
    expect(playground.workbook.failed).toEqual([]);
    expect(playground.workbook.passed.length).toBeGreaterThan(5);
    expect(playground.rules["jobs-after-return"]).toBe("dropped at the return");
  });

  it("each report's sidebar rules are the playground's (a report from outside a document has no sidebar)", () => {
    for (const { file, rules } of keptReports().appsScript.filter((r) => r.context === "in a document"))
      expect(ruleDifferences(splitSidebarRules(rules).sidebar, splitSidebarRules(playground.rules).sidebar), file).toEqual([]);
  });

  it("rejects a report whose sidebar blocked the popup, naming the rule", () => {
    const sample = keptReports().appsScript.find((r) => r.context === "in a document");
    const rules = { ...splitSidebarRules(sample?.rules ?? {}).sidebar, "sidebar-popup": "blocked" };
    expect(ruleDifferences(rules, splitSidebarRules(playground.rules).sidebar)).toEqual([
      'rule sidebar-popup: "blocked" in the report, "opened" in the runtime',
    ]);
  });
});

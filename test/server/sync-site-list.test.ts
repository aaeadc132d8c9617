import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SITES_TAB, USERS_TAB } from "../../src/domain/tabs";
import { validateWorkspace } from "../../src/domain/validation/index";
import { planSync } from "../../src/sync/plan";
import { readWorkspace } from "../../src/workbook/workspace-reader";
import { appendOn, type FakeSheetsHome, homeOnFakeSheets, serverCallOn } from "./home-on-fake-sheets";

/** The Sync panel's site list offers only the sites the sync would take; the others show why, in the plan's words. */
describe("the Sync panel's site list", () => {
  let home: FakeSheetsHome;
  const call = serverCallOn(() => home);
  const append = appendOn(() => home);

  beforeEach(() => {
    home = homeOnFakeSheets();
    call("setUpWorkspace", {});
    const address = { country: "US", state: "CA", city: "Oakland", street: "1 Main St", postalCode: "94601" };
    append(SITES_TAB, [
      { name: "Good Site", ...address },
      { name: "Bad Site", country: "US", state: "CA", city: "Oakland" },
    ]);
    const user = { userType: "User", lastName: "Lee" };
    append(USERS_TAB, [
      { ...user, firstName: "Ann", email: "ann@example.com", ext: "101", site: "Main Site" },
      { ...user, firstName: "Bo", email: "bo@example.com", ext: "102", site: "Good Site" },
      { ...user, firstName: "Cy", email: "cy@example.com", ext: "103", site: "Bad Site" },
      { ...user, firstName: "Di", email: "di@example.com", ext: "104", site: "Nowhere" },
    ]);
  });
  afterEach(() => home.restore());

  it("shows a site validation refuses with the reason, and offers the others", () => {
    const sites = call("workspaceChoices", {}).sites;
    const byName = Object.fromEntries(sites.map((s) => [s.name, s.refusal ?? null]));
    expect(byName["Main Site"]).toBeNull();
    expect(byName["Good Site"]).toBeNull();
    expect(byName["Bad Site"]).toMatch(/^Site Bad Site cannot be created until row 3 of Sites is fixed: .*Street/);
    expect(byName.Nowhere).toBe("Site Nowhere is neither on the Sites tab nor in the account.");
  });

  it("says what the plan says: the rows of a refused site are blocked with the same words", () => {
    const refusals = Object.fromEntries(call("workspaceChoices", {}).sites.map((s) => [s.name, s.refusal]));
    const { workspace } = readWorkspace(home.workbook);
    const plan = planSync({
      workspace,
      findings: validateWorkspace(workspace),
      ledger: [],
      scope: { sites: ["Bad Site", "Nowhere", "Good Site"] },
    });
    expect(plan.sites.map((s) => s.name)).toEqual(["Good Site"]);
    const reasons = plan.blocked.flatMap((b) => b.reasons);
    expect(reasons).toContain(refusals["Bad Site"]);
    expect(reasons).toContain(refusals.Nowhere);
  });
});

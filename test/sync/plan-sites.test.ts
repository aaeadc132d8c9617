import { describe, expect, it } from "vitest";
import { validateWorkspace } from "../../src/domain/validation/index";
import { planSync } from "../../src/sync/plan";
import { line, rows, site, user, workspace } from "../domain/fixture";

describe("the plan: sites and the line each row takes", () => {
  it("never creates a site that fails validation; its users are blocked with the site's reason", () => {
    const ws = workspace({
      users: rows([user({ site: "Bad Site" }, 2), user({ site: "San Mateo" }, 3)]),
      sites: rows([site({ name: "Bad Site", street: "", postalCode: "" }), site({ name: "San Mateo" })]),
    });
    const plan = planSync({
      workspace: ws,
      findings: validateWorkspace(ws),
      ledger: [],
      scope: { sites: ["Bad Site", "San Mateo"] },
    });
    expect(plan.sites.map((s) => s.name)).toEqual(["San Mateo"]);
    const blocked = plan.blocked.find((b) => b.row === 2);
    expect(blocked?.reasons.join(" ")).toMatch(/Site Bad Site cannot be created until row 2 of Sites is fixed: .*Street/);
    expect(plan.creates.map((c) => c.row)).toEqual([3]);
  });

  it("says which rule picked each created row's line", () => {
    const ws = workspace({
      users: rows([user({}, 2)]),
      account: { lines: rows([line({ rcId: "7", country: "US", phone: "+16505550107" })]) },
    });
    const plan = planSync({ workspace: ws, findings: validateWorkspace(ws), ledger: [], scope: { sites: ["San Mateo"] } });
    expect(plan.creates).toEqual([expect.objectContaining({ row: 2, lineRule: "the site's country US" })]);
    expect(plan.creates[0]?.line?.rcId).toBe("7");
  });
});

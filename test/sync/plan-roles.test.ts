import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/domain/finding";
import type { AccountRole } from "../../src/domain/workspace";
import { planSync } from "../../src/sync/plan";
import { role, rows, user, workspace } from "../domain/fixture";

/** A role as the account lists it. */
const accountRole = (rcId: string, name: string, custom: boolean, permissions: string[]): AccountRole => ({
  rcId,
  name,
  custom,
  description: "",
  permissions,
});
const STANDARD = accountRole("1", "Standard", false, ["ReadCallLog", "Meetings"]);
const GREETER = accountRole("9", "Greeter", true, ["ReadCallLog", "Meetings"]);

function planOf(roles: AccountRole[], findings: Finding[] = []) {
  const ws = workspace({
    users: rows([user({ role: "Front Desk" }, 2), user({ role: "Greeter", email: "b@example.com", ext: "102" }, 3)]),
    roles: rows([
      role(),
      role({ name: "Front Desk", kind: "Custom", basedOn: "Standard", rcId: "", permissions: "EditUserInfo" }),
      role({ name: "Greeter", kind: "Custom", basedOn: "", rcId: "9", permissions: "-Meetings" }),
    ]),
    account: { roles },
  });
  return planSync({ workspace: ws, findings, ledger: [], scope: { sites: ["San Mateo"] } });
}

describe("the plan: custom roles and their permissions", () => {
  it("builds a role's permissions on its base as the account lists them, and an account role's on its own", () => {
    const plan = planOf([STANDARD, GREETER]);
    expect(plan.roles.create).toEqual([
      expect.objectContaining({ name: "Front Desk", permissions: ["ReadCallLog", "Meetings", "EditUserInfo"] }),
    ]);
    expect(plan.roles.update).toEqual([expect.objectContaining({ name: "Greeter", permissions: ["ReadCallLog"] })]);
  });

  it("sends nothing for a role whose base the account lists without permissions, or whose row has an error", () => {
    // A list without permissions would otherwise give Front Desk only EditUserInfo, and take all of Greeter's away.
    const bare = planOf([
      { ...STANDARD, permissions: [] },
      { ...GREETER, permissions: [] },
    ]);
    expect(bare.roles.create).toEqual([]);
    expect(bare.roles.update).toEqual([]);
    expect(bare.roles.skipped.map((r) => [r.name, r.reason])).toEqual([
      ["Front Desk", "the account lists Standard without permissions to build on"],
      ["Greeter", "the account lists it without permissions to build on"],
    ]);
    const error: Finding = { tab: "roles", row: 4, column: "Permissions", severity: "error", rule: "roles.x", message: "x" };
    const withErrors = planOf([STANDARD, GREETER], [error, { ...error, row: 3 }]);
    expect(withErrors.roles.update).toEqual([]);
    expect(withErrors.roles.create).toEqual([]);
    expect(withErrors.roles.skipped.map((r) => r.reason)).toEqual([
      "its row on the Roles tab has an error",
      "its row on the Roles tab has an error",
    ]);
  });
});

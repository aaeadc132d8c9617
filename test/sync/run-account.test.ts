import { describe, expect, it } from "vitest";
import type { AccountState } from "../../src/domain/workspace";
import { RunAccount } from "../../src/sync/run-account";
import { user } from "../domain/fixture";

const read = (): AccountState => ({
  users: [],
  sites: [{ rcId: "main-site", name: "Main Site", ext: "", country: "US", areaCode: "" }],
  lines: [
    { rcId: "700", lineType: "User", phone: "+16505550100", country: "US", areaCode: "650", plannedFor: "" },
    { rcId: "701", lineType: "User", phone: "+16505550101", country: "US", areaCode: "650", plannedFor: "" },
    { rcId: "702", lineType: "User", phone: "+16505550102", country: "US", areaCode: "650", plannedFor: "" },
  ],
  roles: [{ rcId: "1", name: "Standard", custom: false, description: "", permissions: ["ReadCallLog"] }],
});

describe("the account as a chunk changes it", () => {
  it("keeps what the chunk made and changed, and no longer offers the lines users hold or another sync took", () => {
    const account = new RunAccount(read(), 1_000);
    account.siteCreated({ id: "42", name: "Dublin", extensionNumber: "20", businessAddress: { country: "IE" } });
    account.roleCreated({
      id: "9",
      displayName: "Front Desk",
      custom: true,
      description: "",
      permissions: [{ id: "ReadCallLog" }],
    });
    account.userCreated(
      {
        id: 700,
        extensionNumber: "101",
        type: "User",
        status: "Enabled",
        contact: { firstName: "Ann", lastName: "Lee", email: "ann@example.com" },
        site: { id: "42" },
      },
      "+16505550100",
    );
    account.userUpdated(
      "700",
      user({ firstName: "Ann", lastName: "Lee", email: "ann@example.com", ext: "101", site: "Dublin", dept: "Sales" }),
    );
    account.roleAssigned("Front Desk", ["700"]);
    account.roleUpdated("9", { description: "Desk", permissions: ["ReadCallLog", "Meetings"] });

    const kept = account.kept("print", new Set(["701"]), new Map([["first pet?", "3"]]));
    expect(kept?.readAt).toBe(1_000);
    expect(kept?.state.sites.map((s) => s.name)).toEqual(["Main Site", "Dublin"]);
    expect(kept?.state.users).toEqual([
      expect.objectContaining({
        rcId: "700",
        ext: "101",
        site: "Dublin",
        dept: "Sales",
        role: "Front Desk",
        phone: "+16505550100",
      }),
    ]);
    expect(kept?.state.lines.map((l) => l.rcId)).toEqual(["702"]);
    expect(kept?.state.roles.find((r) => r.rcId === "9")).toMatchObject({
      description: "Desk",
      permissions: ["ReadCallLog", "Meetings"],
    });
    expect(kept?.questions).toEqual([["first pet?", "3"]]);

    account.roleDeleted("9");
    expect(account.kept("print", new Set(), null)?.state.roles.map((r) => r.name)).toEqual(["Standard"]);
  });

  it("keeps nothing once it lost track of the account", () => {
    const account = new RunAccount(read(), 1_000);
    account.lostTrack();
    expect(account.kept("print", new Set(), null)).toBeNull();
  });
});

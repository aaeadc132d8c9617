import { describe, expect, it } from "vitest";
import { permissionEdits } from "../../sidebar/permission-edits";

const base = [
  { id: "ReadCallLog", name: "Read Call Log", category: "CallLog", held: true },
  { id: "Meetings", name: "Meetings", category: "Meetings", held: true },
  { id: "EditUserInfo", name: "Edit User Info", category: "Users", held: false },
  { id: "EditBilling", name: "Edit Billing", category: "Billing", held: false },
];

describe("the new-role form's permission edits", () => {
  it("names only what differs from the base: added ids, and removed ones with a minus", () => {
    expect(permissionEdits(base, new Set(["ReadCallLog", "EditUserInfo"]))).toBe("-Meetings;EditUserInfo");
  });

  it("is empty when the base is kept as it is, so the role follows its base", () => {
    expect(permissionEdits(base, new Set(["ReadCallLog", "Meetings"]))).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/domain/finding";
import { groupFindings, groupKey } from "../../src/domain/finding-groups";
import { personName, rowNames, rowPlace } from "../../src/domain/row-names";
import { validateWorkspace } from "../../src/domain/validation/index";
import { role, rows, site, tag, user, type WorkspaceParts, workspace } from "./fixture";

function findings(parts: WorkspaceParts): Finding[] {
  return validateWorkspace(workspace({ sites: [site()], roles: [role()], ...parts }));
}

/** `count` rows like `overrides`, one after the other, each with its own email and Ext. */
function many(count: number, overrides: Parameters<typeof user>[0]) {
  return rows(Array.from({ length: count }, (_, i) => user({ ...overrides, firstName: `Ann${i}` }, i + 2)));
}

describe("findings alike are grouped by rule, column and the value they are about", () => {
  it("173 rows with the same unknown user type are one group naming the value, with no fix to offer", () => {
    const found = findings({ users: [...many(173, { userType: "RingEX Standard" })] });
    const groups = groupFindings(found);
    const group = groups.find((g) => g.rule === "users.userType");
    expect(group).toMatchObject({ column: "User Type", value: "RingEX Standard", alike: true, fixes: 0 });
    expect(group?.members).toHaveLength(173);
    expect(group?.message).toMatch(/^"RingEX Standard" is not a user type: User Type is one of: User, /);
  });

  it("different values of one rule are different groups; the largest comes first among errors", () => {
    const users = rows([
      ...many(3, { site: "Nowhere" }).map((u) => ({ ...u })),
      user({ site: "Elsewhere", email: "e@example.com", ext: "5001" }),
    ]);
    const groups = groupFindings(findings({ users })).filter((g) => g.rule === "users.site.exists");
    expect(groups.map((g) => [g.value, g.members.length])).toEqual([
      ["Nowhere", 3],
      ["Elsewhere", 1],
    ]);
  });

  it("a rule about the form, not the value, groups by rule and column; messages that differ keep what they share", () => {
    const users = rows([
      user({ phone: "650 555 0101", email: "a@example.com", ext: "3001" }),
      user({ phone: "650 555 0102", email: "b@example.com", ext: "3002" }),
    ]);
    const groups = groupFindings(findings({ users }));
    const phone = groups.find((g) => g.rule === "users.phone");
    expect(phone?.members).toHaveLength(2);
    expect(phone?.alike).toBe(false);
    expect(phone?.message).toBe("Phone # is not a valid E.164 number (+ country code, then the number).");
    expect(phone?.fixes).toBe(2);
  });

  it("errors come before warnings, whatever the sizes", () => {
    const list: Finding[] = [
      { tab: "users", row: 2, column: "Status", severity: "warning", rule: "w", message: "w" },
      { tab: "users", row: 3, column: "Status", severity: "warning", rule: "w", message: "w" },
      { tab: "users", row: 4, column: "Ext", severity: "error", rule: "e", message: "e" },
    ];
    expect(groupFindings(list).map((g) => [g.rule, g.members])).toEqual([
      ["e", [2]],
      ["w", [0, 1]],
    ]);
    expect(groupKey(list[0] as Finding)).toBe(groupKey(list[1] as Finding));
  });
});

describe("the fixes rules offer", () => {
  const fixOf = (parts: WorkspaceParts, rule: string) => findings(parts).find((f) => f.rule === rule)?.fix;

  it('"Did you mean" a site, a role: the known spelling, in the finding\'s own column', () => {
    expect(fixOf({ users: [user({ site: "san  mateo" })] }, "users.site.exists")).toEqual({ column: "Site", value: "San Mateo" });
    expect(fixOf({ users: [user({ role: "STANDARD" })] }, "users.role.exists")).toEqual({ column: "Role", value: "Standard" });
  });

  it("a tag spelt otherwise fixes the whole Tags cell, the other tags kept", () => {
    const parts = { users: [user({ tags: "Dept:Sales; dept:sales" })], tags: [tag()] };
    expect(fixOf(parts, "users.tags.exists")).toEqual({ column: "Tags", value: "Dept:Sales; Dept:Sales" });
  });

  it("a capitalisation of a user type, a wizard state or a country code", () => {
    expect(fixOf({ users: [user({ userType: "virtual user" })] }, "users.userType")).toEqual({
      column: "User Type",
      value: "Virtual User",
    });
    expect(fixOf({ users: [user({ setupWizard: "completed" })] }, "users.setupWizard")).toEqual({
      column: "Setup Wizard",
      value: "Completed",
    });
    expect(findings({ sites: [site({ country: "us" })] }).find((f) => f.rule === "sites.country")).toMatchObject({
      value: "us",
      fix: { column: "Country", value: "US" },
      message: expect.stringContaining('Did you mean "US"?'),
    });
  });

  it("a national phone number: its E.164 form, row by row", () => {
    expect(fixOf({ users: [user({ phone: "(650) 555-0101" })] }, "users.phone")).toEqual({
      column: "Phone #",
      value: "+16505550101",
    });
  });

  it("nothing it would have to guess, and never a secret's value", () => {
    expect(fixOf({ users: [user({ site: "Nowhere" })] }, "users.site.exists")).toBeUndefined();
    const secrets = findings({ users: [user({ pin: "111111", password: "abc" })] }).filter((f) =>
      ["PIN", "Password"].includes(f.column),
    );
    expect(secrets.length).toBeGreaterThan(0);
    for (const f of secrets) {
      expect(f.value).toBeUndefined();
      expect(f.fix).toBeUndefined();
    }
  });
});

describe("rows named by tab, number and name", () => {
  it("a user by their name, else their email; sites and roles by their names", () => {
    const names = rowNames(
      workspace({
        users: [user({ firstName: "Kofi", lastName: "Egan" }, 13), user({ firstName: "", lastName: "", email: "x@e.com" }, 14)],
        sites: [site({ name: "New York" }, 4)],
        roles: [role({ name: "Sales Manager", kind: "Custom" }, 11)],
      }),
    );
    expect(rowPlace("Users", 13, names("users", 13))).toBe("Users row 13, Kofi Egan");
    expect(rowPlace("Users", 14, names("users", 14))).toBe("Users row 14, x@e.com");
    expect(rowPlace("Sites", 4, names("sites", 4))).toBe("Sites row 4, New York");
    expect(rowPlace("Roles", 11, names("roles", 11))).toBe("Roles row 11, Sales Manager");
    expect(rowPlace("Users", 0, "")).toBe("Users");
    expect(personName({ firstName: "Kofi", lastName: "", email: "k@e.com" })).toBe("Kofi");
  });

  it("a duplicate names the other rows by number and name", () => {
    const users = rows([
      user({ email: "same@example.com", firstName: "Kofi", lastName: "Egan" }),
      user({ email: "same@example.com", firstName: "Ama", lastName: "Egan", ext: "2001" }),
    ]);
    const found = findings({ users }).filter((f) => f.rule === "users.unique.email");
    expect(found.map((f) => f.message)).toEqual([
      "Email same@example.com is also used by Users row 3, Ama Egan: each must be unique.",
      "Email same@example.com is also used by Users row 2, Kofi Egan: each must be unique.",
    ]);
    expect(groupFindings(found)).toHaveLength(1);
  });
});

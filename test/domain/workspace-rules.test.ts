import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/domain/finding";
import { validateWorkspace } from "../../src/domain/validation/index";
import { accountSite, accountUser, location, role, rows, site, tag, user, type WorkspaceParts, workspace } from "./fixture";

function findings(parts: WorkspaceParts): Finding[] {
  return validateWorkspace(workspace(parts));
}

function rulesOf(list: Finding[]): string[] {
  return list.map((f) => f.rule);
}

describe("uniqueness of Email and Ext", () => {
  it("two distinct users pass", () => {
    expect(findings({ users: rows([user({}, 2), user({}, 3)]) })).toEqual([]);
  });

  it("the same email in two rows, in any case, flags both rows", () => {
    const users = rows([user({ email: "ann@example.com" }), user({ email: "ANN@example.com", ext: "2001" })]);
    const found = findings({ users }).filter((f) => f.rule === "users.unique.email");
    expect(found.map((f) => f.row)).toEqual([2, 3]);
    expect(found[0]?.message).toContain("Users row 3");
  });

  it("the same Ext in two rows flags both", () => {
    const users = rows([user({ ext: "1001", email: "a@example.com" }), user({ ext: "1001", email: "b@example.com" })]);
    expect(
      findings({ users })
        .filter((f) => f.rule === "users.unique.ext")
        .map((f) => f.row),
    ).toEqual([2, 3]);
  });

  it("an Ext or Email an account user holds is taken", () => {
    const account = {
      users: [accountUser({ rcId: "9", ext: "1002", email: "ann.lee.2@example.com", firstName: "Old", lastName: "Timer" })],
    };
    const found = findings({ users: [user()], account }).filter((f) => f.rule.startsWith("users.unique"));
    expect(found.map((f) => f.column).sort()).toEqual(["Email", "Ext"]);
    expect(found[0]?.message).toContain("account user Old Timer (RC Id 9)");
  });

  it("a synced row matches its own account record", () => {
    const account = {
      users: [accountUser({ rcId: "9", ext: "1002", email: "ann.lee.2@example.com", status: "Enabled", userType: "User" })],
    };
    expect(findings({ users: [user({ rcId: "9" })], account })).toEqual([]);
  });

  it("a site's extension, in the workspace or the account, is taken", () => {
    const fromSites = findings({ users: [user({ ext: "500" })], sites: [site({ ext: "500" })] });
    expect(fromSites.filter((f) => f.rule === "users.unique.ext")).toHaveLength(1);
    expect(fromSites.filter((f) => f.rule === "sites.unique.ext")).toHaveLength(1);
    const fromAccount = findings({
      users: [user({ ext: "100" })],
      account: { sites: [accountSite({ rcId: "main-site", name: "Main Site", ext: "100" })] },
    });
    expect(fromAccount).toContainEqual(
      expect.objectContaining({ rule: "users.unique.ext", message: expect.stringContaining("account site Main Site") }),
    );
  });
});

describe("references: site, role, tags", () => {
  it("a Sites site, an account site and the main site all exist", () => {
    const users = rows([
      user({ site: "San Mateo" }, 2),
      user({ site: "Toronto", userType: "Message Only" }, 3),
      user({ site: "Main Site" }, 4),
    ]);
    expect(findings({ users, account: { sites: [accountSite({ rcId: "7", name: "Toronto", country: "CA" })] } })).toEqual([]);
  });

  it("an unknown site is an error, with a hint when only the case differs", () => {
    const found = findings({ users: [user({ site: "san mateo" })] });
    expect(found).toContainEqual(
      expect.objectContaining({
        column: "Site",
        rule: "users.site.exists",
        message: expect.stringContaining('Did you mean "San Mateo"?'),
      }),
    );
  });

  it("a role not on the Roles tab is an error; a blank role is fine", () => {
    expect(rulesOf(findings({ users: [user({ role: "Boss" })] }))).toContain("users.role.exists");
    expect(findings({ users: [user({ role: "" })] })).toEqual([]);
  });

  it("tags must exist, case-sensitively, as Key:Value pairs", () => {
    expect(findings({ users: [user({ tags: "Dept:Sales" })] })).toEqual([]);
    expect(findings({ users: [user({ tags: " Dept : Sales ; " })] })).toEqual([]);
    const wrongCase = findings({ users: [user({ tags: "dept:sales" })] });
    expect(wrongCase).toContainEqual(
      expect.objectContaining({ rule: "users.tags.exists", message: expect.stringContaining('Did you mean "Dept:Sales"?') }),
    );
    expect(rulesOf(findings({ users: [user({ tags: "Sales" })] }))).toContain("users.tags.form");
  });
});

describe("Tags tab", () => {
  it("Dept:Sales and dept:sales are two tags", () => {
    expect(findings({ tags: rows([tag(), tag({ key: "dept", value: "sales" })]) })).toEqual([]);
  });

  it("at most 20 tags: the 21st is an error", () => {
    const tags = rows(Array.from({ length: 21 }, (_, i) => tag({ key: "Wave", value: String(i) })));
    const found = findings({ tags }).filter((f) => f.rule === "tags.limit");
    expect(found.map((f) => f.row)).toEqual([22]);
  });

  it("a repeated pair, a key with a colon, a blank value and a bad colour are flagged", () => {
    const tags = rows([
      tag(),
      tag(),
      tag({ key: "A:B", value: "x" }),
      tag({ key: "K", value: "" }),
      tag({ key: "C", value: "1", color: "blue" }),
    ]);
    const found = findings({ tags });
    expect(found).toContainEqual(expect.objectContaining({ row: 3, rule: "tags.unique" }));
    expect(found).toContainEqual(expect.objectContaining({ row: 4, column: "Key", message: "Key must not contain : or ;." }));
    expect(found).toContainEqual(expect.objectContaining({ row: 5, column: "Value", message: "Value is required." }));
    expect(found).toContainEqual(expect.objectContaining({ row: 6, column: "Color", severity: "warning" }));
  });
});

describe("Sites tab", () => {
  it("a site syncs only with a complete profile", () => {
    const found = findings({ sites: [site({ street: "", postalCode: "", country: "" })] });
    expect(
      found
        .filter((f) => f.tab === "sites")
        .map((f) => f.column)
        .sort(),
    ).toEqual(["Country", "Postal Code", "Street"]);
  });

  it("country is an ISO code; caller ID name is short; email is an email", () => {
    const found = findings({ sites: [site({ country: "USA", callerIdName: "Our very long company name", email: "x" })] });
    expect(
      found
        .filter((f) => f.tab === "sites")
        .map((f) => f.column)
        .sort(),
    ).toEqual(["Caller ID Name", "Country", "Email"]);
  });

  it("names are unique; a name the account has is a warning", () => {
    const found = findings({
      sites: rows([site(), site({ name: "san mateo" }), site({ name: "Toronto", country: "CA", state: "ON" })]),
      account: { sites: [accountSite({ rcId: "7", name: "Toronto" })] },
    });
    expect(found).toContainEqual(expect.objectContaining({ tab: "sites", row: 3, rule: "sites.unique.name" }));
    expect(found).toContainEqual(expect.objectContaining({ tab: "sites", row: 4, rule: "sites.account", severity: "warning" }));
  });
});

describe("Roles tab", () => {
  it("a custom role based on a predefined one passes", () => {
    expect(
      findings({
        roles: rows([
          role(),
          role({ name: "Front Desk", kind: "Custom", basedOn: "Standard", rcId: "", permissions: "ReadCallLog; -Meetings" }),
        ]),
      }),
    ).toEqual([]);
  });

  it("a custom role needs a predefined base; permissions are ids", () => {
    const found = findings({
      roles: rows([
        role(),
        role({ name: "A", kind: "Custom", rcId: "" }),
        role({ name: "B", kind: "Custom", basedOn: "Nope", rcId: "" }),
        role({ name: "C", kind: "Custom", basedOn: "Standard", permissions: "Read Call Log" }),
      ]),
    });
    expect(found).toContainEqual(expect.objectContaining({ row: 3, rule: "roles.basedOn.required" }));
    expect(found).toContainEqual(expect.objectContaining({ row: 4, rule: "roles.basedOn.exists" }));
    expect(found).toContainEqual(expect.objectContaining({ row: 5, column: "Permissions" }));
  });

  it("a predefined row typed by hand, a bad kind and a repeated name are flagged", () => {
    const found = findings({
      roles: rows([role(), role({ name: "Mine", rcId: "" }), role({ name: "X", kind: "Special" }), role({ name: "standard" })]),
    });
    expect(found).toContainEqual(expect.objectContaining({ row: 3, rule: "roles.predefined" }));
    expect(found).toContainEqual(expect.objectContaining({ row: 4, column: "Kind" }));
    expect(found).toContainEqual(expect.objectContaining({ row: 5, rule: "roles.unique" }));
  });
});

describe("Locations tab", () => {
  it("a location for a user passes", () => {
    expect(
      findings({ users: [user()], locations: [location({ email: "ann.lee.2@example.com", country: "US", areaCode: "650" })] }),
    ).toEqual([]);
  });

  it("flags an unknown email (warning), a repeated email, bad countries and area codes", () => {
    const found = findings({
      users: [user()],
      locations: rows([
        location({ email: "nobody@example.com" }),
        location({ email: "ann.lee.2@example.com", numberCountry: "Canada" }),
        location({ email: "ann.lee.2@example.com", areaCode: "6x0" }),
      ]),
    });
    expect(found).toContainEqual(
      expect.objectContaining({ tab: "locations", row: 2, severity: "warning", rule: "locations.user" }),
    );
    expect(found).toContainEqual(expect.objectContaining({ tab: "locations", row: 3, column: "Number Country" }));
    expect(found).toContainEqual(expect.objectContaining({ tab: "locations", row: 4, rule: "locations.unique" }));
    expect(found).toContainEqual(expect.objectContaining({ tab: "locations", row: 4, column: "Area Code" }));
  });
});

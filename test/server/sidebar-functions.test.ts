import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TabDef } from "../../src/domain/tabs";
import { ROLES_TAB, SETTINGS_TAB, TAGS_TAB, USERS_TAB } from "../../src/domain/tabs";
import { columnIndex, decodeTab } from "../../src/workbook/codec";
import { appendOn, type FakeSheetsHome, homeOnFakeSheets, serverCallOn } from "./home-on-fake-sheets";

/** The Validate, Roles, Tags and Settings panels' server functions on Apps Script's Workbook adapter (fake Sheets). */
describe("the sidebar's workspace functions", () => {
  let home: FakeSheetsHome;
  const call = serverCallOn(() => home);
  const append = appendOn(() => home);
  const records = <K extends string>(tab: TabDef<K>) => decodeTab(tab, home.workbook.read(tab.name)).records;

  beforeEach(() => {
    home = homeOnFakeSheets();
    call("setUpWorkspace", {});
    append(ROLES_TAB, [{ name: "Standard", kind: "Predefined", rcId: "1" }]);
    append(TAGS_TAB, [{ key: "Dept", value: "Sales", color: "#4285f4" }]);
    const user = { userType: "Virtual User", lastName: "Lee", site: "Main Site" };
    append(USERS_TAB, [
      { ...user, firstName: "Ann", email: "ann@example.com", ext: "101", tags: "Dept:Sales" },
      { ...user, firstName: "Bo", email: "bo@example.com", ext: "102" },
      { ...user, firstName: "Cy", email: "cy@example.com", ext: "103", tags: "Dept:Sales" },
    ]);
  });
  afterEach(() => home.restore());

  it("readSettings and saveSettings keep SSO, Welcome Emails and Default Country on the Settings tab", () => {
    expect(call("readSettings", {}).settings).toMatchObject({ sso: false, welcomeEmails: false, defaultCountry: "US" });
    const saved = call("saveSettings", { sso: true, welcomeEmails: true, defaultCountry: "ca" });
    expect(saved).toEqual({
      settings: expect.objectContaining({ sso: true, welcomeEmails: true, defaultCountry: "CA" }),
      problems: [],
      saved: true,
      ssoFrom: expect.stringMatching(/^Set by hand on the Settings tab: RingCentral's API does not say/),
    });
    const rows = records(SETTINGS_TAB).map((r) => [r.setting, r.value]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ["SSO", "On"],
        ["Welcome Emails", "On"],
        ["Default Country", "CA"],
      ]),
    );
    expect(rows.filter(([s]) => s === "SSO")).toHaveLength(1);
    expect(() => call("saveSettings", { sso: true, welcomeEmails: true, defaultCountry: "Canada" })).toThrow(/two-letter/);
    // A code that is no country is refused in the form's words, and nothing is written.
    const before = home.workbook.read("Settings");
    const refused = call("saveSettings", { sso: false, welcomeEmails: false, defaultCountry: "ZZ" });
    expect(refused).toMatchObject({ saved: false, problems: [expect.stringMatching(/^ZZ is not a country/)] });
    expect(refused.problems.join(" ")).not.toMatch(/Row \d/);
    expect(home.workbook.read("Settings")).toEqual(before);
  });

  it("workspaceChoices lists sites, roles and tags with how many rows use them", () => {
    const choices = call("workspaceChoices", {});
    expect(choices.sites).toEqual([{ name: "Main Site", from: "account", users: 3 }]);
    expect(choices.roles).toEqual([{ name: "Standard", kind: "Predefined", status: "", synced: true, users: 0 }]);
    expect(choices.tags).toEqual([{ row: 2, key: "Dept", value: "Sales", color: "#4285f4", users: 2 }]);
  });

  it("the Tags cells of Users show their tag's colour; a finding's mark wins on its cell", () => {
    call("validate", { mark: true });
    const tags = (columnIndex(USERS_TAB, home.workbook.read("Users")[0] ?? []).get("tags") ?? 0) + 1;
    const colours = () =>
      home.workbook.marks("Users", { row: 2, column: tags, rows: 3, columns: 1 }).map(([m]) => m?.background ?? null);
    expect(colours()).toEqual(["#4285f4", null, "#4285f4"]);
    // An edit re-checks the row as onEdit does, and keeps the colour.
    call("validateRows", { sheet: "Users", top: 4, bottom: 4 });
    expect(colours()).toEqual(["#4285f4", null, "#4285f4"]);
    home.workbook.write("Users", { row: 4, column: tags, values: [["Dept:Nope"]] });
    call("validateRows", { sheet: "Users", top: 4, bottom: 4 });
    expect(colours()[2]).toBe("#f4c7c3");
  });

  it("validateRows (onEdit) writes Setup Wizard Completed on a row made a Limited Extension, and only there", () => {
    const header = home.workbook.read("Users")[0] ?? [];
    const at = (key: string) => (columnIndex(USERS_TAB, header).get(key as "userType") ?? 0) + 1;
    home.workbook.write("Users", { row: 3, column: at("setupWizard"), values: [["Not Started"]] });
    home.workbook.write("Users", { row: 4, column: at("setupWizard"), values: [["Not Started"]] });
    home.workbook.write("Users", { row: 3, column: at("userType"), values: [["Limited Extension"]] });
    const result = call("validateRows", { sheet: "Users", top: 3, bottom: 3 });
    expect(result.checked).toBe(true);
    expect(records(USERS_TAB).map((u) => [u.userType, u.setupWizard])).toEqual([
      ["Virtual User", ""],
      ["Limited Extension", "Completed"],
      ["Virtual User", "Not Started"],
    ]);
    // The sheet now agrees with the sync: no warning that the wizard will be forced.
    const wizardNote = home.workbook.marks("Users", { row: 3, column: at("setupWizard"), rows: 1, columns: 1 })[0]?.[0]?.note;
    expect(wizardNote).toBe("");
  });

  it("validateRows marks only the edited rows, in one block, and leaves the others' marks alone", () => {
    call("validate", { mark: true });
    const emailColumn = (columnIndex(USERS_TAB, home.workbook.read("Users")[0] ?? []).get("email") ?? 0) + 1;
    home.workbook.write("Users", { row: 3, column: emailColumn, values: [["not-an-email"]] });
    home.workbook.write("Users", { row: 4, column: emailColumn, values: [["also-bad"]] });
    home.fake.resetCalls();
    const result = call("validateRows", { sheet: "Users", top: 3, bottom: 3 });
    expect(result.checked).toBe(true);
    expect(result.counts.error).toBeGreaterThan(0);
    expect(home.fake.count("Range.setNotes")).toBe(1);
    const note = (row: number) => home.workbook.marks("Users", { row, column: emailColumn, rows: 1, columns: 1 })[0]?.[0]?.note;
    expect(note(3)).toMatch(/Email/);
    expect(note(4)).toBe("");
    expect(call("validateRows", { sheet: "Sheet1", top: 1, bottom: 1 }).checked).toBe(false);
  });

  it("applyRole writes the Role of the selected rows, or of a tag's rows, in one block", () => {
    home.selected = [2, 4];
    home.fake.resetCalls();
    expect(call("applyRole", { role: "Standard", target: { kind: "selected" } })).toMatchObject({ applied: 2 });
    expect(home.fake.count("Range.setValues")).toBe(1);
    expect(records(USERS_TAB).map((u) => u.role)).toEqual(["Standard", "", "Standard"]);
    home.selected = [];
    expect(call("applyRole", { role: "Standard", target: { kind: "selected" } })).toMatchObject({ applied: 0 });
    expect(call("applyRole", { role: "Nobody", target: { kind: "selected" } })).toMatchObject({
      applied: 0,
      problem: expect.stringMatching(/Nobody/),
    });
    expect(call("applyRole", { role: "Standard", target: { kind: "tag", tag: "Dept:Sales" } })).toMatchObject({ applied: 2 });
  });

  it("roleTargetCount asks about the rows before anything is written; applyRole refuses when they changed since", () => {
    home.selected = [2, 4];
    home.fake.resetCalls();
    expect(call("roleTargetCount", { role: "Standard", target: { kind: "selected" } })).toEqual({
      rows: 2,
      question: "Set Standard on 2 rows (row 2 Ann Lee, row 4 Cy Lee)?",
    });
    expect(home.fake.count("Range.setValues")).toBe(0);
    expect(records(USERS_TAB).map((u) => u.role)).toEqual(["", "", ""]);
    home.selected = [2, 3, 4];
    expect(call("applyRole", { role: "Standard", target: { kind: "selected" }, confirmed: 2 })).toMatchObject({
      applied: 0,
      problem: expect.stringMatching(/confirmed 2 rows: it is 3 rows now/),
    });
    expect(records(USERS_TAB).map((u) => u.role)).toEqual(["", "", ""]);
    expect(call("applyRole", { role: "Standard", target: { kind: "selected" }, confirmed: 3 })).toMatchObject({ applied: 3 });
    home.selected = [];
    expect(call("roleTargetCount", { role: "Standard", target: { kind: "selected" } })).toMatchObject({
      rows: 0,
      problem: "Select some Users rows first.",
    });
  });

  it("createCustomRole keeps the permission edits the form made in the Permissions cell", () => {
    expect(
      call("createCustomRole", { name: "Front Desk", basedOn: "Standard", permissions: "ReadCallLog;-Meetings" }),
    ).toMatchObject({ done: true });
    expect(records(ROLES_TAB).find((r) => r.name === "Front Desk")?.permissions).toBe("ReadCallLog;-Meetings");
  });

  it("createCustomRole adds a Custom row based on a predefined role; deleteCustomRole refuses while used", () => {
    expect(call("createCustomRole", { name: "Front Desk", basedOn: "Standard" })).toMatchObject({ done: true });
    expect(records(ROLES_TAB).find((r) => r.name === "Front Desk")).toMatchObject({ kind: "Custom", basedOn: "Standard" });
    expect(call("createCustomRole", { name: "front desk", basedOn: "Standard" })).toMatchObject({ done: false });
    expect(call("createCustomRole", { name: "Other", basedOn: "Front Desk" })).toMatchObject({ done: false });
    expect(call("deleteCustomRole", { name: "Standard" })).toMatchObject({
      done: false,
      problem: expect.stringMatching(/predefined/),
    });

    home.selected = [3];
    call("applyRole", { role: "Front Desk", target: { kind: "selected" } });
    expect(call("deleteCustomRole", { name: "Front Desk" })).toMatchObject({
      done: false,
      problem: expect.stringMatching(/^Front Desk is still on 1 Users row \(3\): give them another role first/),
    });
    call("applyRole", { role: "Standard", target: { kind: "selected" } });
    // Never synced: it only leaves the sheet.
    expect(call("deleteCustomRole", { name: "Front Desk" })).toMatchObject({ done: true });
    expect(records(ROLES_TAB).map((r) => r.name)).toEqual(["Standard"]);
    // Synced: marked Pending Delete for the next sync.
    append(ROLES_TAB, [{ name: "Night Desk", kind: "Custom", basedOn: "Standard", rcId: "77" }]);
    expect(call("deleteCustomRole", { name: "Night Desk" })).toMatchObject({ done: true });
    expect(records(ROLES_TAB).find((r) => r.name === "Night Desk")?.status).toBe("Pending Delete");
  });

  it("saveTag creates and edits tags with colours, at most 20, each Key:Value once", () => {
    expect(call("saveTag", { key: "Floor", value: "2", color: "#34a853" })).toMatchObject({ saved: true });
    expect(call("saveTag", { key: "Dept", value: "Sales" })).toMatchObject({
      saved: false,
      problem: expect.stringMatching(/exists/),
    });
    expect(call("saveTag", { row: 3, key: "Floor", value: "3", color: "#ea4335" })).toMatchObject({ saved: true });
    expect(records(TAGS_TAB).map((t) => [t.key, t.value, t.color])).toEqual([
      ["Dept", "Sales", "#4285f4"],
      ["Floor", "3", "#ea4335"],
    ]);
    expect(() => call("saveTag", { key: "Bad", value: "x", color: "red" })).toThrow(/colour/);
    for (let i = 0; i < 18; i++) expect(call("saveTag", { key: "Team", value: `T${i}` })).toMatchObject({ saved: true });
    expect(call("saveTag", { key: "Team", value: "one too many" })).toMatchObject({
      saved: false,
      problem: expect.stringMatching(/20/),
    });
  });

  it("filterByTag shows only the rows with the tag, then every row again", () => {
    expect(call("filterByTag", { tag: "Dept:Sales" })).toEqual({ shown: 2, tag: "Dept:Sales" });
    expect(home.shown).toEqual([2, 4]);
    expect(call("filterByTag", { tag: null })).toEqual({ shown: 3, tag: null });
    expect(home.shown).toBeNull();
  });

  it("startAuthorization says where the authorization code flow works when the home has none", () => {
    expect(call("startAuthorization", { server: "https://platform.ringcentral.com", clientId: "abc" })).toMatchObject({
      url: null,
    });
  });
});

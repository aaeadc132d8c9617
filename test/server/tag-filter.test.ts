import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TAGS_TAB, USERS_TAB } from "../../src/domain/tabs";
import { decodeTab } from "../../src/workbook/codec";
import { appendOn, type FakeSheetsHome, homeOnFakeSheets, serverCallOn } from "./home-on-fake-sheets";

/** The tag filter is kept as its tag, never as row numbers: a reload says it is on, and rows that moved are found again. */
describe("the tag filter kept by its tag", () => {
  let home: FakeSheetsHome;
  const call = serverCallOn(() => home);
  const append = appendOn(() => home);
  const shownNames = () => {
    const users = decodeTab(USERS_TAB, home.workbook.read("Users")).records;
    return users.filter((u) => home.shown?.includes(u.row)).map((u) => u.firstName);
  };

  beforeEach(() => {
    home = homeOnFakeSheets();
    call("setUpWorkspace", {});
    append(TAGS_TAB, [{ key: "Dept", value: "Sales" }]);
    const user = { userType: "User", lastName: "Lee", site: "Main Site" };
    append(USERS_TAB, [
      { ...user, firstName: "Ann", email: "ann@example.com", ext: "101" },
      { ...user, firstName: "Bo", email: "bo@example.com", ext: "102", tags: "Dept:Sales" },
      { ...user, firstName: "Cy", email: "cy@example.com", ext: "103" },
      { ...user, firstName: "Di", email: "di@example.com", ext: "104", tags: "Dept:Sales" },
    ]);
  });
  afterEach(() => home.restore());

  it("keeps the tag with the document, and clearing forgets it", () => {
    expect(call("currentFilter", {})).toEqual({ shown: 0, tag: null });
    expect(call("filterByTag", { tag: "Dept:Sales" })).toEqual({ shown: 2, tag: "Dept:Sales" });
    expect(home.kept).toBe("Dept:Sales");
    expect(call("currentFilter", {})).toEqual({ shown: 2, tag: "Dept:Sales" });
    expect(call("filterByTag", { tag: null })).toEqual({ shown: 4, tag: null });
    expect(home.kept).toBeNull();
    expect(call("currentFilter", {})).toEqual({ shown: 0, tag: null });
  });

  it("after rows above are deleted, applies the filter again by the tag: the right users, at their new rows", () => {
    call("filterByTag", { tag: "Dept:Sales" });
    expect(home.shown).toEqual([3, 5]);
    home.selected = [2];
    call("deleteUsers", { target: { kind: "selected" }, confirm: true });
    // Ann (row 2) left the sheet: Bo and Di moved up to rows 2 and 4, and the filter follows them.
    expect(home.shown).toEqual([2, 4]);
    expect(shownNames()).toEqual(["Bo", "Di"]);
  });

  it("as the sidebar opens, applies the kept filter again to rows that moved or were added since", () => {
    call("filterByTag", { tag: "Dept:Sales" });
    // Rows changed behind the sidebar's back (typed in the sheet): a new tagged row, a row untagged.
    append(USERS_TAB, [{ firstName: "Ed", email: "ed@example.com", ext: "105", tags: "Dept:Sales" }]);
    home.workbook.write("Users", { row: 3, column: USERS_TAB.columns.findIndex((c) => c.key === "tags") + 1, values: [[""]] });
    home.shown = [3, 5];
    expect(call("currentFilter", {})).toEqual({ shown: 2, tag: "Dept:Sales" });
    expect(shownNames()).toEqual(["Di", "Ed"]);
  });

  it("rows an import adds are shown only if they carry the tag", () => {
    call("filterByTag", { tag: "Dept:Sales" });
    const text =
      "User Type,First Name,Last Name,Email,Ext,Site,Tags\nUser,Fay,Lee,fay@example.com,106,Main Site,Dept:Sales\nUser,Gus,Lee,gus@example.com,107,Main Site,\n";
    const source = { kind: "csv", text };
    const { fields } = call("proposeImportMapping", { source });
    expect(call("applyImport", { source, fields })).toMatchObject({ applied: true, counts: { added: 2 } });
    expect(shownNames()).toEqual(["Bo", "Di", "Fay"]);
  });
});

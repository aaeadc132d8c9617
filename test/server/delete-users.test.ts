import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TAGS_TAB, USERS_TAB } from "../../src/domain/tabs";
import type { DeleteAnswer } from "../../src/server/delete-users";
import { decodeTab } from "../../src/workbook/codec";
import { appendOn, type FakeSheetsHome, homeOnFakeSheets, serverCallOn } from "./home-on-fake-sheets";

/** Delete users from the sidebar, on Apps Script's Workbook adapter (fake Sheets): ask, confirm, undo. */
describe("deleteUsers and undoDelete", () => {
  let home: FakeSheetsHome;
  const call = serverCallOn(() => home);
  const append = appendOn(() => home);
  const users = () => decodeTab(USERS_TAB, home.workbook.read("Users")).records;
  const confirmed = (answer: DeleteAnswer) => {
    if (!("confirmed" in answer) || !answer.confirmed) throw new Error(`not confirmed: ${JSON.stringify(answer)}`);
    return answer;
  };

  beforeEach(() => {
    home = homeOnFakeSheets();
    call("setUpWorkspace", {});
    append(TAGS_TAB, [{ key: "Dept", value: "Sales" }]);
    const user = { userType: "User", lastName: "Lee", site: "Main Site" };
    append(USERS_TAB, [
      { ...user, firstName: "Ann", email: "ann@example.com", ext: "101", tags: "Dept:Sales" },
      {
        ...user,
        firstName: "Bo",
        email: "bo@example.com",
        ext: "102",
        rcId: "5002",
        status: "Synced",
        tempNumber: "+16505550102",
      },
      { ...user, firstName: "Cy", email: "cy@example.com", ext: "103", tags: "Dept:Sales", rcId: "5003", status: "Synced" },
      { ...user, firstName: "Di", email: "di@example.com", ext: "104" },
    ]);
  });
  afterEach(() => home.restore());

  it("asked first, says how many and which, and changes nothing", () => {
    home.selected = [2, 3];
    const before = home.workbook.read("Users");
    const answer = call("deleteUsers", { target: { kind: "selected" } });
    expect(answer).toMatchObject({
      confirmed: false,
      items: [
        { row: 2, name: "Ann Lee", synced: false, releases: "" },
        { row: 3, name: "Bo Lee", synced: true, releases: "+16505550102" },
      ],
    });
    expect("message" in answer && answer.message).toMatch(
      /^Delete 2 users\? 1 row never synced.*1 synced user: marked Pending Delete/,
    );
    expect(home.workbook.read("Users")).toEqual(before);
  });

  it("deletes only the rows the person was shown: a selection grown since is asked about again, nothing deleted", () => {
    home.selected = [2];
    const asked = call("deleteUsers", { target: { kind: "selected" } });
    const shown = "items" in asked ? asked.items.map(({ row, email }) => ({ row, email })) : [];
    expect(shown).toEqual([{ row: 2, email: "ann@example.com" }]);
    // Meanwhile a synced row, selected long before and out of view, joins the selection.
    home.selected = [2, 3];
    const before = home.workbook.read("Users");
    const answer = call("deleteUsers", { target: { kind: "selected" }, confirm: true, shown });
    expect(answer).toMatchObject({
      confirmed: false,
      items: [
        { row: 2, name: "Ann Lee" },
        { row: 3, name: "Bo Lee", synced: true },
      ],
      message: expect.stringMatching(/^The rows changed since you were asked, so nothing was deleted\. Delete 2 users\?/),
    });
    expect(home.workbook.read("Users")).toEqual(before);
    // Confirmed as shown now, they go.
    const again = "items" in answer ? answer.items.map(({ row, email }) => ({ row, email })) : [];
    const done = confirmed(call("deleteUsers", { target: { kind: "selected" }, confirm: true, shown: again }));
    expect([done.removed, done.marked]).toEqual([1, 1]);
  });

  it("confirmed: a never-synced row leaves the sheet, a synced row is marked Pending Delete; undo puts both back", () => {
    home.selected = [2, 3];
    const before = home.workbook.read("Users");
    const done = confirmed(call("deleteUsers", { target: { kind: "selected" }, confirm: true }));
    expect([done.removed, done.marked]).toEqual([1, 1]);
    expect(users().map((u) => [u.firstName, u.status])).toEqual([
      ["Bo", "Pending Delete"],
      ["Cy", "Synced"],
      ["Di", ""],
    ]);
    // The undo travels through the sidebar as JSON, as google.script.run carries it.
    const undone = call("undoDelete", { undo: JSON.parse(JSON.stringify(done.undo)) });
    expect(undone).toMatchObject({ restored: 2 });
    expect(home.workbook.read("Users")).toEqual(before);
  });

  it("by tag: the rows the filter shows, and the filter is applied again to the rows that moved", () => {
    call("filterByTag", { tag: "Dept:Sales" });
    const done = confirmed(call("deleteUsers", { target: { kind: "tag", tag: "Dept:Sales" }, confirm: true }));
    expect([done.removed, done.marked]).toEqual([1, 1]);
    expect(users().map((u) => [u.firstName, u.row])).toEqual([
      ["Bo", 2],
      ["Cy", 3],
      ["Di", 4],
    ]);
    expect(home.shown).toEqual([3]);
  });

  it("refuses with nothing selected, and leaves rows already Pending Delete alone", () => {
    expect(call("deleteUsers", { target: { kind: "selected" } })).toEqual({
      problem: expect.stringMatching(/Select the Users rows/),
    });
    home.selected = [3];
    call("deleteUsers", { target: { kind: "selected" }, confirm: true });
    expect(call("deleteUsers", { target: { kind: "selected" } })).toHaveProperty("problem");
  });

  it("several runs of never-synced rows go, the rows between stay", () => {
    home.selected = [2, 5];
    confirmed(call("deleteUsers", { target: { kind: "selected" }, confirm: true }));
    expect(users().map((u) => u.firstName)).toEqual(["Bo", "Cy"]);
  });
});

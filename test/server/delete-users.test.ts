import { describe, expect, it } from "vitest";
import { USERS_TAB } from "../../src/domain/tabs";
import { serverFunctions } from "../../src/server/functions";
import type { Home } from "../../src/server/home";
import { type AnyServerFunction, invoke, type OutputOf } from "../../src/server/server-function";
import { decodeTab } from "../../src/workbook/codec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { setUpWorkspace } from "../../src/workbook/setup";
import { appendRows } from "../../src/workbook/table-replace";

/** Delete from the sidebar: the rows chosen, what happens to each, removal or Pending Delete, and undo. */
function home(selected: number[]): Home {
  const workbook = new MemoryWorkbook();
  setUpWorkspace(workbook);
  const user = (first: string, synced: boolean, tags = "") => ({
    userType: "User",
    firstName: first,
    lastName: "Lee",
    email: `${first.toLowerCase()}@example.com`,
    ext: String(4000 + first.length),
    site: "Main",
    pin: synced ? "" : "274916",
    tags,
    ...(synced ? { rcId: `90${first.length}`, tempNumber: "+16505550100", status: "Synced" } : {}),
  });
  appendRows(workbook, "Users", USERS_TAB, [
    user("Ann", false, "Dept:Sales"),
    user("Bob", true, "Dept:Sales"),
    user("Cy", false),
    user("Dee", false, "Dept:Sales"),
  ]);
  return { workbook, selection: { select: () => undefined, selectedRows: () => selected } };
}

const call = <K extends keyof typeof serverFunctions>(h: Home, name: K, input: unknown) =>
  invoke(name, serverFunctions[name] as AnyServerFunction, h, input) as OutputOf<(typeof serverFunctions)[K]>;
const users = (h: Home) => decodeTab(USERS_TAB, h.workbook.read("Users")).records;

describe("deleting users from the sidebar", () => {
  it("says which rows and what happens to each before anything changes", () => {
    const h = home([2, 3]);
    const before = h.workbook.read("Users");
    expect(call(h, "deleteUsers", { target: { kind: "selected" } })).toEqual({
      done: false,
      rows: [
        { row: 2, name: "Ann Lee", email: "ann@example.com", synced: false, line: "" },
        { row: 3, name: "Bob Lee", email: "bob@example.com", synced: true, line: "+16505550100" },
      ],
    });
    expect(h.workbook.read("Users")).toEqual(before);
  });

  it("removes never-synced rows, marks synced ones Pending Delete, and undo puts both back", () => {
    const h = home([]);
    const answer = call(h, "deleteUsers", { target: { kind: "tag", tag: "Dept:Sales" }, confirm: true });
    if (!("done" in answer) || !answer.done) throw new Error(JSON.stringify(answer));
    expect(answer.message).toBe(
      "2 never-synced rows removed from the sheet; 1 synced user marked Pending Delete: the next sync deletes them.",
    );
    expect(users(h).map((u) => [u.firstName, u.status])).toEqual([
      ["Bob", "Pending Delete"],
      ["Cy", ""],
    ]);
    expect(call(h, "undoDelete", { undo: answer.undo })).toEqual({ message: "Undone: 3 rows as they were." });
    expect(users(h).map((u) => [u.firstName, u.status, u.pin])).toEqual([
      ["Bob", "Synced", ""],
      ["Cy", "", "274916"],
      ["Ann", "", "274916"],
      ["Dee", "", "274916"],
    ]);
  });

  it("says what to do when nothing is chosen", () => {
    expect(call(home([]), "deleteUsers", { target: { kind: "selected" } })).toEqual({
      problem: "Select the Users rows to delete first.",
    });
    expect(call(home([]), "deleteUsers", { target: { kind: "tag", tag: "Dept:None" } })).toEqual({
      problem: "No Users row with the tag Dept:None is left to delete.",
    });
  });
});

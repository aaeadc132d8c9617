import { describe, expect, it } from "vitest";
import { serverFunctions } from "../../src/server/functions";
import type { Home } from "../../src/server/home";
import { type AnyServerFunction, invoke } from "../../src/server/server-function";
import { ensureTabAccess, type TabRefusal } from "../../src/server/tab-access";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { setUpWorkspace } from "../../src/workbook/setup";

/** A set-up workspace whose home reports these protections as refusing the person. */
function homeRefusedBy(refusals: TabRefusal[]): Home {
  const workbook = new MemoryWorkbook();
  setUpWorkspace(workbook);
  return { workbook, selection: { select: () => undefined }, tabAccess: { refusals: () => refusals } };
}

describe("a protection that refuses the person one of the add-in's tabs", () => {
  it("lets the work go on when nothing refuses, or only a sheet the add-in does not write", () => {
    expect(() => ensureTabAccess(homeRefusedBy([]))).not.toThrow();
    expect(() => ensureTabAccess(homeRefusedBy([{ sheet: "Notes", warningOnly: false, ours: false }]))).not.toThrow();
  });

  it("says whom to ask: the owner for a viewer, who set it up for an earlier version's, the protector for theirs", () => {
    expect(() => ensureTabAccess(homeRefusedBy([{ sheet: "Notes", warningOnly: true, ours: false }]))).toThrow(
      "You can only view this spreadsheet: ask its owner to make you an editor, then try again.",
    );
    const earlier = [
      { sheet: "Sync Ledger", warningOnly: false, ours: true },
      { sheet: "Sync Log", warningOnly: false, ours: true },
    ];
    expect(() => ensureTabAccess(homeRefusedBy(earlier))).toThrow(
      /^"Sync Ledger" and "Sync Log" are protected so that only the spreadsheet's owner and the person who set it up can change them .* Ask one of them to run Set up workspace once/,
    );
    expect(() => ensureTabAccess(homeRefusedBy([{ sheet: "Sync Ledger", warningOnly: false, ours: false }]))).toThrow(
      /^"Sync Ledger" has a protection someone put on it, and you are not among its editors: ask the person who protected it/,
    );
  });

  it("stops Set up workspace, an import and a sync before they write anything", async () => {
    const home = homeRefusedBy([{ sheet: "Sync Ledger", warningOnly: false, ours: false }]);
    const before = home.workbook.sheets().map((sheet) => home.workbook.read(sheet.name));
    const call = (name: keyof typeof serverFunctions, input: unknown) =>
      invoke(name, serverFunctions[name] as AnyServerFunction, home, input) as unknown;
    expect(() => call("setUpWorkspace", {})).toThrow(/Sync Ledger/);
    const source = { kind: "csv", text: "Full Name,Work Email,Extension,Site,Type\nAnn Lee,ann@example.com,101,Main,User" };
    expect(() => call("applyImport", { source, fields: { "Work Email": "email" } })).toThrow(/Sync Ledger/);
    await expect(call("runSync", { sites: ["Main"] })).rejects.toThrow(/Sync Ledger/);
    await expect(call("refreshAccount", {})).rejects.toThrow(/Sync Ledger/);
    expect(home.workbook.sheets().map((sheet) => home.workbook.read(sheet.name))).toEqual(before);
  });
});

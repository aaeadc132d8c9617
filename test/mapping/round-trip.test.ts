import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blankRecord, type UserRecord } from "../../src/domain/records";
import { USERS_TAB } from "../../src/domain/tabs";
import { USER_TYPES, WIZARD_STATES } from "../../src/domain/user-type";
import { formatCsv, parseCsv } from "../../src/mapping/csv";
import { columnIndex, encodeRows } from "../../src/workbook/codec";
import { exportRows } from "../../src/workbook/export-table";
import { applyImport, mapSource, planImport } from "../../src/workbook/import-run";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { setUpWorkspace } from "../../src/workbook/setup";
import { readWorkspace } from "../../src/workbook/workspace-reader";

/** Text as people type it, formula-looking starts included (`=`, `+`, `-`, `@`, `'`), commas, quotes, new lines. */
const text = fc.stringMatching(/^[A-Za-z0-9=+@'\-,;" \n]{0,12}$/).map((s) => s.trim());
const nonBlank = text.filter((s) => s !== "" && !/^\d+$/.test(s));

const user = fc
  .record({
    userType: fc.constantFrom(...USER_TYPES),
    firstName: nonBlank,
    lastName: text,
    email: fc.stringMatching(/^[a-z]{1,8}$/).map((s) => `${s}@example.com`),
    ext: fc.stringMatching(/^\d{3,8}$/),
    phone: fc.constantFrom("", "+16505550101", "+442079460018", "+33142685300"),
    tempNumber: fc.constantFrom("", "+14155550199"),
    site: fc.constantFrom("", "HQ", "Main Site", "=HQ"),
    dept: text,
    setupWizard: fc.constantFrom("", ...WIZARD_STATES),
    pin: fc.constantFrom("", "739281"),
    password: fc.constantFrom("", "Enigma!42x"),
    secretQuestion: text,
    secretAnswer: fc.constantFrom("", "Christopher"),
    role: fc.constantFrom("", "Standard", "Super Admin"),
    tags: fc.constantFrom("", "Dept:Eng", "Dept:Eng;Floor:2"),
    status: fc.constantFrom("", "New", "Synced", "Modified"),
    rcId: fc.constantFrom("", "8001", "8002"),
    syncedAt: fc.constantFrom("", "2026-01-02T03:04:05.000Z"),
    message: text,
  })
  // As the add-in keeps the sheet: a Limited Extension's wizard shows Completed (an import writes it so).
  .map((u) => (u.userType === "Limited Extension" ? { ...u, setupWizard: "Completed" } : u));

function workspaceWith(users: readonly Omit<UserRecord, "row">[]): MemoryWorkbook {
  const workbook = new MemoryWorkbook();
  setUpWorkspace(workbook);
  const header = workbook.read("Users")[0] ?? [];
  if (users.length > 0)
    workbook.write("Users", { row: 2, column: 1, values: encodeRows(columnIndex(USERS_TAB, header), header.length, users) });
  return workbook;
}

describe("export → import", () => {
  it("gives back the same Users, less PIN, Password and Secret Answer", () => {
    fc.assert(
      fc.property(fc.array(user, { minLength: 1, maxLength: 12 }), (users) => {
        const csv = formatCsv(exportRows(workspaceWith(users), USERS_TAB, { format: "csv" }));
        const parsed = parseCsv(csv);
        if (!parsed.ok) throw new Error(parsed.problem.message);
        const target = workspaceWith([]);
        const mapped = mapSource(parsed.rows, "auto", target);
        const planned = planImport(target, mapped.sheet, mapped.mapping);
        expect(planned.preview.problems.filter((p) => p.severity === "error")).toEqual([]);
        expect(applyImport(target, planned, "now")).toBe(true);
        const expected = users.map((u, i) => ({
          ...blankRecord(USERS_TAB, i + 2),
          ...u,
          pin: "",
          password: "",
          secretAnswer: "",
        }));
        expect(readWorkspace(target).workspace.users).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it("into the same workspace changes nothing", () => {
    fc.assert(
      fc.property(fc.array(user, { minLength: 1, maxLength: 8 }), (users) => {
        const distinct = users.map((u, i) => ({ ...u, email: `${i}.${u.email}`, ext: `${1000 + i}` }));
        const workbook = workspaceWith(distinct);
        const parsed = parseCsv(formatCsv(exportRows(workbook, USERS_TAB, { format: "csv" })));
        if (!parsed.ok) throw new Error(parsed.problem.message);
        const mapped = mapSource(parsed.rows, "auto", workbook);
        const { preview } = planImport(workbook, mapped.sheet, mapped.mapping);
        expect(preview.counts).toEqual({ added: 0, merged: 0, unchanged: distinct.length });
      }),
      { numRuns: 30 },
    );
  });
});

import { describe, expect, it } from "vitest";
import { serverFunctions } from "../../src/server/functions";
import type { Home } from "../../src/server/home";
import { invoke } from "../../src/server/server-function";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { setUpWorkspace } from "../../src/workbook/setup";

function home(): Home {
  const workbook = new MemoryWorkbook();
  setUpWorkspace(workbook);
  // Rows already there push the imported ones down: their Users rows are not their source rows.
  workbook.write("Users", { row: 2, column: 1, values: [["User", "Old", "Timer", "old@example.com", "1999"]] });
  return { workbook, selection: { select: () => undefined } };
}

/** 60 people of a type the product does not know; the last two share an email. */
function csv(): string {
  const lines = ["First,Last,Email,Ext,Type,Office"];
  for (let i = 0; i < 60; i++)
    lines.push(`Kofi${i},Egan,${i >= 58 ? "same" : `k${i}`}@example.com,${3000 + i},Fax only,Main Site`);
  return `${lines.join("\n")}\n`;
}

describe("the import preview's findings", () => {
  it("are all sent, grouped, each row named by its source row and person, never by the Users row it would take", () => {
    const fields = {
      "First Name": "First",
      "Last Name": "Last",
      Email: "Email",
      Ext: "Ext",
      "User Type": "Type",
      Site: "Office",
    };
    const preview = invoke("previewImport", serverFunctions.previewImport, home(), {
      source: { kind: "csv", text: csv() },
      fields,
    });
    expect(preview.counts.added).toBe(60);
    const type = preview.groups.find((g) => g.rule === "users.userType");
    expect(type).toMatchObject({ count: 60, value: "Fax only" });
    expect(type?.members).toHaveLength(60);
    expect(preview.findings).toHaveLength(preview.groups.reduce((n, g) => n + g.count, 0));
    expect(preview.findingCounts.error).toBe(preview.findings.length);
    expect(preview.findings[type?.members[12] ?? 0]?.place).toBe("source row 14, Kofi12 Egan");
    const duplicates = preview.findings.filter((f) => f.rule === "users.unique.email");
    expect(duplicates.map((f) => f.message)).toEqual([
      "Email same@example.com is also used by source row 61, Kofi59 Egan: each must be unique.",
      "Email same@example.com is also used by source row 60, Kofi58 Egan: each must be unique.",
    ]);
    expect(JSON.stringify(preview.findings.map((f) => [f.place, f.message]))).not.toContain("Users row");
  });
});

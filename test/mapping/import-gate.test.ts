import { describe, expect, it } from "vitest";
import { gateProblems, requiredWithoutSource } from "../../src/mapping/import-gate";
import { emptyMapping } from "../../src/mapping/mapping";
import { normaliseRecords } from "../../src/mapping/normalise";
import { readSourceSheet } from "../../src/mapping/source-sheet";
import { ONE_VALUE_HEADERS, valuesByHeader, valuesFromHeaders, withoutGiven } from "../../src/mapping/values-for-all";

const mapped = { ...emptyMapping(), firstName: "Name", lastName: "Name", email: "Mail", ext: "Ext" };
const context = { siteCountry: new Map<string, string>(), defaultCountry: "US" };

describe("the import gate: every required field mapped or given one value for all rows", () => {
  it("names the required fields neither mapped nor given, in the tab's order", () => {
    expect(requiredWithoutSource(mapped, {}, true)).toEqual(["User Type", "Site"]);
    expect(requiredWithoutSource(mapped, { site: "Main" }, true)).toEqual(["User Type"]);
    expect(requiredWithoutSource(mapped, { site: "Main", userType: "User" }, true)).toEqual([]);
    expect(requiredWithoutSource(emptyMapping(), {}, true)).toEqual([
      "User Type",
      "First Name",
      "Last Name",
      "Email",
      "Ext",
      "Site",
    ]);
  });

  it("lets rows that only merge through: they keep what the sheet has", () => {
    expect(requiredWithoutSource(emptyMapping(), {}, false)).toEqual([]);
  });

  it("is one problem naming each field it waits for", () => {
    expect(gateProblems(["User Type", "Ext", "Site"])).toEqual([
      {
        severity: "error",
        where: "mapping",
        message:
          "User Type *, Ext * and Site * are required: map a field of the source to each, or give each one value for all rows.",
      },
    ]);
    expect(gateProblems(["Site"])[0]?.message).toBe(
      "Site * is required: map a field of the source to it, or give it one value for all rows.",
    );
    expect(gateProblems([])).toEqual([]);
  });
});

describe("values for all rows", () => {
  it("reads Users column headers in any case, drops blanks, and refuses an unknown column and a formula by name", () => {
    expect(valuesFromHeaders({ site: " Main ", "User Type": "User", Dept: "" })).toEqual({
      values: { site: "Main", userType: "User" },
      problems: [],
    });
    const { problems } = valuesFromHeaders({ Sitee: "Main", Site: "=A1" });
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^"Sitee" is not a column of the Users tab/),
      expect.stringMatching(/^The value for Site, "=A1", starts with "="/),
    ]);
    expect(valuesByHeader({ site: "Main" })).toEqual({ Site: "Main" });
  });

  it("refuses one value for a column the sync writes or a secret, without repeating the value", () => {
    const { values, problems } = valuesFromHeaders({
      "RC Id": "123",
      "Temp #": "+16505550100",
      PIN: "274916",
      Status: "Pending Delete",
    });
    expect(values).toEqual({});
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^RC Id cannot be given one value for all rows/),
      expect.stringMatching(/^Temp # cannot be given/),
      expect.stringMatching(/^PIN cannot be given/),
      expect.stringMatching(/^Status cannot be given/),
    ]);
    expect(JSON.stringify(problems)).not.toContain("274916");
    expect(ONE_VALUE_HEADERS).toContain("Site");
    expect(ONE_VALUE_HEADERS).not.toContain("Password");
  });

  it("replaces the column's source field and fills every user, but does not make a blank record a user", () => {
    const sheet = readSourceSheet([
      ["Name", "Mail", "Ext", "Office"],
      ["Ada Lovelace", "ada@example.com", "101", "Lab"],
      ["", "", "", "Annex"],
      ["Alan Turing", "alan@example.com", "102", "Hut 8"],
    ]);
    const given = { site: "Main", userType: "user" };
    const { rows } = normaliseRecords(sheet, withoutGiven({ ...mapped, site: "Office" }, given), context, given);
    expect(rows.map((r) => [r.values.firstName, r.values.site, r.values.userType])).toEqual([
      ["Ada", "Main", "User"],
      ["Alan", "Main", "User"],
    ]);
  });
});

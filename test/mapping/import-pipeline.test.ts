import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blankRecord } from "../../src/domain/records";
import { USERS_TAB } from "../../src/domain/tabs";
import { formatCsv, parseCsv } from "../../src/mapping/csv";
import { escapeFormula, unescapeFormula } from "../../src/mapping/formula-escape";
import { MAX_SOURCE_BYTES, sourceTableRefusal } from "../../src/mapping/limits";
import { checkMapping, emptyMapping, headerSetKey } from "../../src/mapping/mapping";
import { planMerge } from "../../src/mapping/merge-plan";
import { normaliseRecords } from "../../src/mapping/normalise";
import { proposedMapping, proposeMapping } from "../../src/mapping/proposal";
import { readSourceSheet } from "../../src/mapping/source-sheet";

const rows = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.rows;
};
const context = { siteCountry: new Map([["London", "GB"]]), defaultCountry: "US" };

describe("CSV sources", () => {
  it("reads any common delimiter, quotes, CRLF and a byte-order mark", () => {
    expect(rows('\ufeffa;b\r\n"x;1";2\r\n').slice(0, 2)).toEqual([
      ["a", "b"],
      ["x;1", "2"],
    ]);
    expect(rows("a\tb\nc\td").slice(0, 2)).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(rows("a|b|c\n1|2|3")[1]).toEqual(["1", "2", "3"]);
  });

  it("refuses empty, binary, oversized text and an unclosed quote with a message that says what to do", () => {
    const message = (text: string) => {
      const parsed = parseCsv(text);
      return parsed.ok ? "" : parsed.problem.message;
    };
    expect(message("")).toMatch(/empty/);
    expect(message("\ufeff \r\n")).toMatch(/empty/);
    expect(message("PK\u0003\u0004\u0000\u0000binary")).toMatch(/not text.*CSV \(UTF-8\) or \.xlsx/);
    expect(message("a,b\n".repeat(MAX_SOURCE_BYTES / 4 + 1))).toMatch(/larger than 10 MB/);
    expect(message('a,b\n"open,2\n3,4')).toMatch(/quote opened on row 2 is never closed/);
  });
});

describe("the source sheet", () => {
  it("skips title and note rows, blank rows and columns, and a total line", () => {
    const sheet = readSourceSheet(
      rows(
        "Staff list\nExported today\n\n,Name,,Email,Ext\n,Ada Lovelace,,ada@example.com,101\n\n,Alan Turing,,alan@example.com,102\nTotal: 2,,,,\n",
      ),
    );
    expect(sheet.headers).toEqual(["Name", "Email", "Ext"]);
    expect(sheet.records.map((r) => [r.where, ...r.cells])).toEqual([
      ["row 5", "Ada Lovelace", "ada@example.com", "101"],
      ["row 7", "Alan Turing", "alan@example.com", "102"],
    ]);
  });

  it("detects a vertical sheet, and obeys an orientation chosen by the person", () => {
    const table = rows("First Name,Ada,Alan\nLast Name,Lovelace,Turing\nEmail,ada@example.com,alan@example.com\n");
    const vertical = readSourceSheet(table);
    expect(vertical.orientation).toBe("vertical");
    expect(vertical.records.map((r) => r.where)).toEqual(["column B", "column C"]);
    expect(readSourceSheet(table, "horizontal").headers).toEqual(["First Name", "Ada", "Alan"]);
  });

  it("names a ragged row: more values than the header has columns", () => {
    const sheet = readSourceSheet(rows("Name,Email\nAda,ada@example.com\nAlan,Turing,alan@example.com\n"));
    expect(sheet.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        where: "row 3",
        message: expect.stringMatching(/Row 3 has 3 values but the header \(row 1\) has 2/),
      }),
    ]);
  });

  it("refuses a header that stands twice, and never proposes it", () => {
    const sheet = readSourceSheet(rows("Email,Name,Email\na@example.com,Ada,b@example.com\n"));
    expect(proposeMapping(sheet).email.source).toBeNull();
    expect(sheet.problems[0]).toMatchObject({
      severity: "error",
      message: expect.stringMatching(/two fields named "Email" in row 1/),
    });
  });
});

describe("the mapping proposal", () => {
  it("keeps misleading columns unmapped even when their values fit", () => {
    const sheet = readSourceSheet(
      rows("Email consent,Manager Email,Mobile,Extension Notes\nYes,boss@example.com,+14155550100,desk by the window\n"),
    );
    const mapping = proposedMapping(proposeMapping(sheet));
    expect([mapping.email, mapping.phone, mapping.ext]).toEqual([null, null, null]);
  });

  it("maps by values when the header says nothing, and by typos when it is close, with a confidence and a reason", () => {
    const sheet = readSourceSheet(
      rows("Frist Name,Surname,Login,Line\nAda,Lovelace,ada@example.com,4001\nAlan,Turing,alan@example.com,4002\n"),
    );
    const proposal = proposeMapping(sheet);
    expect(proposal.firstName).toMatchObject({ source: "Frist Name", reason: expect.stringMatching(/close to/) });
    expect(proposal.email).toMatchObject({ source: "Login" });
    expect(proposal.ext).toMatchObject({ source: "Line", confidence: 0.55, reason: expect.stringMatching(/extensions/) });
  });

  it("maps a column never twice, except a full name split in two", () => {
    const proposal = proposeMapping(readSourceSheet(rows("Name,Email\nAda Lovelace,ada@example.com\n")));
    expect([proposal.firstName.source, proposal.lastName.source]).toEqual(["Name", "Name"]);
    const sheet = readSourceSheet(rows("Name,Email\nAda Lovelace,ada@example.com\n"));
    expect(
      checkMapping(sheet, { ...emptyMapping(), email: "Email", dept: "Email" }).find((p) => p.severity === "error")?.message,
    ).toMatch(/"Email" is mapped to Email and Dept/);
  });

  it("remembers header sets whatever their order and case", () => {
    expect(headerSetKey(["Email", "Name"])).toBe(headerSetKey(["name", " EMAIL "]));
  });
});

describe("normalising values", () => {
  it("turns synonyms, names, phone numbers and extensions into Users values", () => {
    const sheet = readSourceSheet(
      rows(
        'Name,Type,Wizard,Ext,Phone,Site\n"Hopper, Grace",Take Messages Only,done,x0201,020 7946 0018,London\nAda Lovelace,Limited,,0202,(650) 555-0101,\n',
      ),
    );
    const mapping = {
      ...emptyMapping(),
      firstName: "Name",
      lastName: "Name",
      userType: "Type",
      setupWizard: "Wizard",
      ext: "Ext",
      phone: "Phone",
      site: "Site",
    };
    const { rows: out, problems } = normaliseRecords(sheet, mapping, context);
    expect(problems).toEqual([]);
    expect(out[0]?.values).toMatchObject({
      firstName: "Grace",
      lastName: "Hopper",
      userType: "Message Only",
      setupWizard: "Completed",
      ext: "0201",
      phone: "+442079460018",
    });
    expect(out[1]?.values).toMatchObject({
      firstName: "Ada",
      lastName: "Lovelace",
      userType: "Limited Extension",
      // Blank in the source: a Limited Extension is always synced Completed, and the sheet shows it.
      setupWizard: "Completed",
      ext: "0202",
      phone: "+16505550101",
    });
  });

  it("writes Completed on Limited Extension rows whatever the source says, and leaves other types' wizard alone", () => {
    const sheet = readSourceSheet(rows("Type,Wizard\nLimited Extension,Not Started\nUser,Not Started\nUser,\n"));
    const mapping = { ...emptyMapping(), userType: "Type", setupWizard: "Wizard" };
    const { rows: out } = normaliseRecords(sheet, mapping, context);
    expect(out.map((r) => r.values.setupWizard)).toEqual(["Completed", "Not Started", ""]);
  });

  it("refuses a value a spreadsheet would run, and takes an export's apostrophe off", () => {
    const sheet = readSourceSheet(rows('Email,Dept\nada@example.com,=HYPERLINK("x")\nalan@example.com,\'=1+1\n'));
    const { rows: out, problems } = normaliseRecords(sheet, { ...emptyMapping(), email: "Email", dept: "Dept" }, context);
    expect(problems).toEqual([
      expect.objectContaining({ severity: "error", where: "row 2, Dept", message: expect.stringMatching(/formula/) }),
    ]);
    expect(out[1]?.values.dept).toBe("=1+1");
  });

  it("escapes and unescapes exactly", () => {
    fc.assert(fc.property(fc.string(), (value) => unescapeFormula(escapeFormula(value)) === value));
    expect(escapeFormula("+16505550101")).toBe("'+16505550101");
    expect(escapeFormula("'quoted")).toBe("'quoted");
  });
});

describe("the merge plan", () => {
  const existing = [
    { ...blankRecord(USERS_TAB, 2), email: "ada@example.com", ext: "101", firstName: "Ada", rcId: "9001", status: "Synced" },
    { ...blankRecord(USERS_TAB, 3), email: "alan@example.com", ext: "102", firstName: "Alan" },
  ];

  it("merges by Email, then Ext; keeps RC Id and blanks; adds the rest below the table", () => {
    const plan = planMerge(
      existing,
      [
        { where: "row 2", values: { email: "ADA@example.com", dept: "Math", rcId: "", firstName: "" } },
        { where: "row 3", values: { email: "", ext: "102", firstName: "Alan" } },
        { where: "row 4", values: { email: "grace@example.com", ext: "103" } },
        { where: "row 5", values: { email: "ada@example.com", rcId: "other" } },
      ],
      4,
    );
    expect(plan.merged).toHaveLength(1);
    expect(plan.merged[0]?.after).toMatchObject({ row: 2, dept: "Math", rcId: "9001", firstName: "Ada" });
    expect(plan.unchanged.map((m) => m.where)).toEqual(["row 3"]);
    expect(plan.added.map((a) => [a.row, a.email, a.rcId])).toEqual([
      [4, "grace@example.com", ""],
      [5, "ada@example.com", "other"],
    ]);
  });
});

describe("CSV formatting", () => {
  it("round-trips any rows of text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (table) => {
          const width = table[0]?.length ?? 0;
          const square = table.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "x"));
          const parsed = parseCsv(`a${formatCsv(square)}`.slice(1));
          return !parsed.ok || JSON.stringify(parsed.rows.slice(0, square.length)) === JSON.stringify(square);
        },
      ),
    );
  });
});

describe("large sources", () => {
  it("reads 200,000 rows without spreading them onto the stack", () => {
    const table = [["First Name", "Email"], ...Array.from({ length: 200_000 }, (_, i) => [`P${i}`, `p${i}@example.com`])];
    const sheet = readSourceSheet(table);
    expect(sheet.records).toHaveLength(200_000);
    expect(sheet.headers).toEqual(["First Name", "Email"]);
  });

  it("names the limit a source is over: rows, columns, a cell's length", () => {
    expect(sourceTableRefusal(Array.from({ length: 20_001 }, () => ["x"]))).toMatch(/20,001 rows .*limit is 20,000/);
    expect(sourceTableRefusal([[...Array.from({ length: 1_000 }, () => ""), "far"]])).toMatch(/1,001 columns.*limit is 1,000/);
    expect(sourceTableRefusal([["a", "x".repeat(40_000)]])).toMatch(/Row 1 holds a value of 40,000 characters/);
    // Blank rows and trailing blank fields do not count.
    expect(
      sourceTableRefusal([["a", ...Array.from({ length: 5_000 }, () => "")], ...Array.from({ length: 30_000 }, () => [""])]),
    ).toBeNull();
  });
});

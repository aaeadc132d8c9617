import { describe, expect, it } from "vitest";
import { SETTING_NAMES } from "../../src/domain/settings";
import { SITES_TAB, USERS_TAB } from "../../src/domain/tabs";
import { parseCsv } from "../../src/mapping/csv";
import { proposedMapping, proposeMapping } from "../../src/mapping/proposal";
import { readSourceSheet } from "../../src/mapping/source-sheet";
import {
  chosenValues,
  proposeValues,
  unmatchedValues,
  valueMappingByHeader,
  valueMappingFromHeaders,
  withMappedValues,
} from "../../src/mapping/value-mapping";
import { guessCountry, guessName, guessUserType } from "../../src/mapping/value-proposal";
import { writeSetting } from "../../src/workbook/account-tabs";
import { columnIndex, decodeTab, encodeRows } from "../../src/workbook/codec";
import { applyImport, mapSource, planImport, valueChoices } from "../../src/workbook/import-run";
import { recallMapping, rememberMapping } from "../../src/workbook/mapping-memory";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { setUpWorkspace } from "../../src/workbook/setup";

const sheetOf = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return readSourceSheet(parsed.rows);
};

describe("user types from what customers write", () => {
  it.each([
    ["RingEX Standard", "User"],
    ["RingEX Premium", "User"],
    ["MVP Essentials", "User"],
    ["Ultimate", "User"],
    ["ringex advanced", "User"],
    ["Softphone only", "Virtual User"],
    ["Premium - softphone only", "Virtual User"],
    ["Common area phone", "Limited Extension"],
    ["Lobby phone", "Limited Extension"],
    ["Kitchen phone", "Limited Extension"],
    ["Voicemail only", "Message Only"],
    ["Paging/Announcement", "Announcement Only"],
    ["Overhead paging", "Announcement Only"],
    ["Take Messages Only", "Message Only"],
    ["User", "User"],
  ])('"%s" is proposed as %s', (value, type) => {
    expect(guessUserType(value).target).toBe(type);
  });

  it.each(["Fax only", "RingEX fax only", "RingCentral Rooms", "Contractor", "Voicemail softphone"])(
    '"%s" is left to the person',
    (value) => {
      const guess = guessUserType(value);
      expect(guess.target).toBeNull();
      expect(guess.reason).toMatch(/choose/);
    },
  );
});

describe("sites and roles by name", () => {
  const sites = ["Main Site", "New York", "San Francisco", "Toronto", "San Mateo"];
  it.each([
    ["New York", "New York", "as written"],
    ["san francisco ", "San Francisco", "same name"],
    ["NEW  YORK", "New York", "same name"],
    ["NYC", "New York", "abbreviation of the site"],
    ["SF", "San Francisco", "abbreviation of the site"],
    ["Tor", "Toronto", "abbreviation of the site"],
    ["San Fransisco", "San Francisco", "near the site's name"],
  ])('"%s" → %s (%s)', (value, site, reason) => {
    expect(guessName(value, sites, "site")).toMatchObject({ target: site, reason });
  });

  it("two sites that fit alike leave the value open, and a name far from all is no match", () => {
    expect(guessName("SM", [...sites, "Santa Monica"], "site")).toEqual({
      target: null,
      reason: 'fits "San Mateo" and "Santa Monica": choose one',
    });
    expect(guessName("Dallas", sites, "site").target).toBeNull();
  });
});

describe("countries", () => {
  it.each([
    ["US", "US"],
    ["usa", "US"],
    ["United Kingdom", "GB"],
    ["Untied States", "US"],
    ["canada", "CA"],
    ["gb", "GB"],
    ["U.S.A", "US"],
    ["U.S.", "US"],
    ["united-kingdom", "GB"],
  ])('"%s" → %s', (value, code) => {
    expect(guessCountry(value).target).toBe(code);
  });
  it("a value that names no country is left open", () => {
    expect(guessCountry("Atlantis").target).toBeNull();
  });
});

const FILE = [
  "Name,Email,Ext,Plan,Office,Phone,Country,Wizard",
  "Ann Lee,ann@example.com,101,RingEX Standard,NYC,2125550101,USA,done",
  "Bob Ray,bob@example.com,102,RingEX Standard,san francisco ,4155550102,USA,",
  "Cy Fox,cy@example.com,103,Fax only,NYC,2125550103,USA,",
  "Di Kim,di@example.com,104,Lobby phone,Dallas,2145550104,USA,",
].join("\n");

function workspace(): MemoryWorkbook {
  const book = new MemoryWorkbook();
  setUpWorkspace(book);
  const header = book.read(SITES_TAB.name)[0] ?? [];
  const rows = encodeRows(columnIndex(SITES_TAB, header), header.length, [
    { name: "New York", country: "US" },
    { name: "San Francisco", country: "US" },
  ]);
  book.write(SITES_TAB.name, { row: 2, column: 1, values: rows });
  return book;
}

describe("the values of a source", () => {
  const sheet = sheetOf(FILE);
  const mapping = { ...proposedMapping(proposeMapping(sheet)), userType: "Plan", site: "Office", setupWizard: "Wizard" };
  const targets = { sites: ["Main Site", "New York", "San Francisco"], roles: [] };

  it("lists each distinct value of each list column with its count and proposal", () => {
    const columns = proposeValues(sheet, mapping, targets);
    expect(columns.map((c) => [c.header, c.source])).toEqual([
      ["User Type", "Plan"],
      ["Setup Wizard", "Wizard"],
      ["Site", "Office"],
      ["Country", "Country"],
    ]);
    const byColumn = Object.fromEntries(columns.map((c) => [c.header, c.values.map((v) => [v.value, v.count, v.target])]));
    expect(byColumn["User Type"]).toEqual([
      ["RingEX Standard", 2, "User"],
      ["Fax only", 1, null],
      ["Lobby phone", 1, "Limited Extension"],
    ]);
    expect(byColumn["Setup Wizard"]).toEqual([["done", 1, "Completed"]]);
    expect(byColumn.Site).toEqual([
      ["NYC", 2, "New York"],
      ["Dallas", 1, "Dallas"],
      ["san francisco", 1, "San Francisco"],
    ]);
    expect(byColumn.Country).toEqual([["USA", 4, "US"]]);
  });

  it("proposes one new site for the spellings of one name, as most rows spell it", () => {
    const offices = sheetOf("Email,Office\na@x.com,Dallas\nb@x.com,dallas \nc@x.com,Dallas\nd@x.com,DALLAS");
    const columns = proposeValues(offices, { ...proposedMapping(proposeMapping(offices)), site: "Office" }, targets);
    expect(columns[0]?.values.map((v) => [v.value, v.count, v.target])).toEqual([
      ["Dallas", 2, "Dallas"],
      ["dallas", 1, "Dallas"],
      ["DALLAS", 1, "Dallas"],
    ]);
  });

  it('never makes a site a sheet would run ("=Dallas", kept as text) one with the site of the same words', () => {
    const offices = sheetOf("Email,Office\na@x.com,'=Dallas\nb@x.com,Dallas");
    const columns = proposeValues(offices, { ...proposedMapping(proposeMapping(offices)), site: "Office" }, targets);
    expect(columns[0]?.values.map((v) => [v.value, v.target])).toEqual([
      ["=Dallas", "=Dallas"],
      ["Dallas", "Dallas"],
    ]);
  });

  it("warns of the values nothing maps, one line per column, until the person chooses", () => {
    const columns = proposeValues(sheet, mapping, targets);
    expect(unmatchedValues(columns, chosenValues(columns, {})).map((p) => [p.severity, p.message])).toEqual([
      [
        "warning",
        'A value of "Plan" matches nothing on the User Type list: "Fax only" (1 row). Choose what it becomes, or the rows keep it and fail validation.',
      ],
    ]);
    expect(unmatchedValues(columns, chosenValues(columns, { userType: { "Fax only": "Virtual User" } }))).toEqual([]);
  });

  it("writes the mapped values into the source, whatever the spaces around them", () => {
    const columns = proposeValues(sheet, mapping, targets);
    const mapped = withMappedValues(sheet, mapping, chosenValues(columns, { userType: { "Fax only": "User" } }));
    const at = (h: string) => sheet.headers.indexOf(h);
    expect(mapped.records.map((r) => [r.cells[at("Plan")], r.cells[at("Office")], r.cells[at("Country")]])).toEqual([
      ["User", "New York", "US"],
      ["User", "San Francisco", "US"],
      ["User", "New York", "US"],
      ["Limited Extension", "Dallas", "US"],
    ]);
    expect(sheet.records[0]?.cells[at("Plan")]).toBe("RingEX Standard");
  });

  it("reads a value mapping by header and refuses a target that is not on its list", () => {
    const read = valueMappingFromHeaders({
      "user type": { "Fax only": "voicemail", "Kiosk ": null },
      Site: { NYC: "Manhattan" },
      Country: { "U.S.": "Canada" },
    });
    expect(read).toEqual({
      values: { userType: { "Fax only": "Message Only" }, site: { NYC: "Manhattan" }, country: { "U.S.": "CA" } },
      problems: [],
    });
    expect(valueMappingByHeader(read.values)).toEqual({
      "User Type": { "Fax only": "Message Only" },
      Site: { NYC: "Manhattan" },
      Country: { "U.S.": "CA" },
    });
    const wrong = valueMappingFromHeaders({ "User Type": { Fax: "Printer" }, Dept: { a: "b" }, Country: { x: "Narnia" } });
    expect(wrong.problems.map((p) => p.message)).toEqual([
      '"Printer" is not a User Type; choose one of User, Virtual User, Limited Extension, Message Only, Announcement Only.',
      '"Dept" is not a column mapped value by value; those are User Type, Setup Wizard, Site, Role, Status, Country.',
      '"Narnia" is not a Country; give a two-letter ISO code such as US, CA or GB.',
    ]);
  });
});

describe("a value mapping through the import", () => {
  const users = (book: MemoryWorkbook) => decodeTab(USERS_TAB, book.read(USERS_TAB.name)).records;

  it("validation sees the mapped values: no User Type errors once each value is mapped, new sites added", () => {
    const book = workspace();
    // The account was read (it has none of these sites): Dallas is new, with nothing to warn of.
    writeSetting(book, SETTING_NAMES.accountRefreshedAt, "2026-12-05T08:00:00Z");
    const sheet = sheetOf(FILE);
    const mapping = { ...mapSource(parseRows(FILE), "auto", book).mapping, userType: "Plan", site: "Office" };
    const before = planImport(book, sheet, mapping);
    expect(before.preview.findings.filter((f) => f.column === "User Type").map((f) => f.source)).toEqual(["row 4"]);
    expect(before.preview.problems.map((p) => p.where)).toEqual(["values of User Type"]);

    const planned = planImport(book, sheet, mapping, {}, { userType: { "Fax only": "Virtual User" } });
    expect(planned.preview.findings.filter((f) => f.column === "User Type" || f.column === "Site")).toEqual([]);
    expect(planned.preview.problems).toEqual([]);
    expect(planned.preview.newSites).toEqual(["Dallas"]);
    expect(applyImport(book, planned, "2026-12-05T09:00:00Z")).toBe(true);
    expect(users(book).map((u) => [u.email, u.userType, u.site, u.phone])).toEqual([
      ["ann@example.com", "User", "New York", "+12125550101"],
      ["bob@example.com", "User", "San Francisco", "+14155550102"],
      ["cy@example.com", "Virtual User", "New York", "+12125550103"],
      ["di@example.com", "Limited Extension", "Dallas", "+12145550104"],
    ]);
    expect(decodeTab(SITES_TAB, book.read(SITES_TAB.name)).records.map((s) => s.name)).toEqual([
      "New York",
      "San Francisco",
      "Dallas",
    ]);
    // Remembered with the columns: the next file with these headers is offered the same choice.
    expect(recallMapping(book, sheet.headers)?.values).toEqual({ "User Type": { "Fax only": "Virtual User" } });
    const again = valueChoices(book, sheet, mapping, {}, {});
    const fax = again.find((c) => c.column === "userType")?.values.find((v) => v.value === "Fax only");
    expect(fax).toMatchObject({ target: "Virtual User", reason: "chosen last time" });
  });

  it("still reads a mapping remembered before values were mapped (the fields alone)", () => {
    const book = workspace();
    const sheet = sheetOf(FILE);
    rememberMapping(book, sheet.headers, { orientation: "horizontal", fields: { Email: "Email" } }, "2026-01-01");
    expect(recallMapping(book, sheet.headers)).toEqual({ orientation: "horizontal", fields: { Email: "Email" } });
  });
});

function parseRows(text: string) {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.rows;
}

describe("a realistic file: 200 users of three offices, plans as the customer wrote them", () => {
  const PLANS: [string, number][] = [
    ["RingEX Standard", 110],
    ["RingEX Premium", 30],
    ["Softphone only", 15],
    ["Lobby phone", 10],
    ["Voicemail only", 10],
    ["Fax only", 20],
    ["Paging/Announcement", 5],
  ];
  const OFFICES = ["NYC", "New York", "san francisco ", "SF", "Toronto"];
  const plans = PLANS.flatMap(([plan, n]) => Array.from({ length: n }, () => plan));
  const csv = [
    "Name,Email,Ext,Plan,Office",
    ...plans.map((plan, i) => `Person${i} Test,p${i}@example.com,${3000 + i},${plan},${OFFICES[i % OFFICES.length]}`),
  ].join("\n");

  it("leaves only 'Fax only' to choose; once chosen, no User Type or Site error among the 200 rows", () => {
    const book = workspace();
    const sheet = sheetOf(csv);
    const { mapping } = mapSource(parseRows(csv), "auto", book);
    expect([mapping.userType, mapping.site]).toEqual(["Plan", "Office"]);
    const columns = valueChoices(book, sheet, mapping, {}, {});
    const open = columns.flatMap((c) => c.values.filter((v) => v.target === null).map((v) => `${v.value} (${v.count})`));
    expect(open).toEqual(["Fax only (20)"]);
    const errors = (values = {}) =>
      planImport(book, sheet, mapping, {}, values).preview.findings.filter(
        (f) => f.column === "User Type" || f.column === "Site",
      );
    expect(errors()).toHaveLength(20);
    expect(errors({ userType: { "Fax only": "User" } })).toEqual([]);
    const planned = planImport(book, sheet, mapping, {}, { userType: { "Fax only": "User" } });
    expect(planned.preview.newSites).toEqual(["Toronto"]);
  });
});

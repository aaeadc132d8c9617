import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignLines, describeShortfall, type LineDemand, lineDemands } from "../../src/domain/lines";
import type { UnassignedLineRecord } from "../../src/domain/records";
import { validateWorkspace } from "../../src/domain/validation/index";
import { line, location, rows, site, user, workspace } from "./fixture";

function demand(overrides: Partial<LineDemand>): LineDemand {
  return {
    row: 2,
    userType: "User",
    lineType: "User",
    country: "US",
    areaCode: "",
    preferredAreaCode: "",
    specific: "",
    rule: "",
    ...overrides,
  };
}

describe("which line each row takes", () => {
  it("a row takes a line of its type and its site's country", () => {
    const ws = workspace({
      users: rows([
        user({ site: "Toronto" }, 2),
        user({ userType: "Limited Extension", pin: "", secretQuestion: "", secretAnswer: "" }, 3),
      ]),
      sites: rows([site(), site({ name: "Toronto", country: "CA", state: "ON" })]),
      account: {
        lines: rows([
          line({ rcId: "1", country: "US" }),
          line({ rcId: "2", country: "CA", areaCode: "416" }),
          line({ rcId: "3", lineType: "Limited" }),
        ]),
      },
    });
    const { lines } = assignLines(lineDemands(ws), ws.account.lines);
    expect(lines.get(2)?.rcId).toBe("2");
    expect(lines.get(3)?.rcId).toBe("3");
  });

  it("the country selected for this user: Number Country, then the Locations Country, then the site's, then Default", () => {
    const ws = workspace({
      users: rows([user({ site: "Toronto" }, 2), user({ site: "Toronto" }, 3), user({ site: "Toronto" }, 4), user({}, 5)]),
      sites: rows([site({ name: "Toronto", country: "CA", state: "ON" })]),
      locations: rows([
        location({ email: "ann.lee.2@example.com", country: "GB", numberCountry: "US" }),
        location({ email: "ann.lee.3@example.com", country: "GB" }),
        location({ email: "ann.lee.4@example.com", country: "United Kingdom" }),
      ]),
    });
    ws.settings.defaultCountry = "AU";
    const picked = lineDemands(ws).map((d) => [d.row, d.country, d.rule]);
    expect(picked).toEqual([
      [2, "US", "Number Country US on Locations"],
      [3, "GB", "the user's country GB on Locations"],
      // Not an ISO code: the next rule decides (validation of Locations says what to type).
      [4, "CA", "the site's country CA"],
      [5, "AU", "Default Country AU"],
    ]);
  });

  it("says which rule picked a line with an area code or a specific line", () => {
    const ws = workspace({
      users: rows([user({}, 2), user({}, 3)]),
      locations: rows([
        location({ email: "ann.lee.2@example.com", country: "US", areaCode: "650" }),
        location({ email: "ann.lee.3@example.com", unassignedExt: "77" }),
      ]),
    });
    expect(lineDemands(ws).map((d) => d.rule)).toEqual([
      "the user's country US on Locations, area code 650",
      "the Unassigned Ext on Locations",
    ]);
  });

  it("Message Only, Announcement Only and synced rows take no line", () => {
    const ws = workspace({
      users: rows([user({ userType: "Message Only" }, 2), user({ userType: "Announcement Only" }, 3), user({ rcId: "77" }, 4)]),
    });
    expect(lineDemands(ws)).toEqual([]);
  });

  it("the Locations tab narrows: number country, area code, one specific line", () => {
    const ws = workspace({
      users: rows([user({}, 2), user({}, 3), user({}, 4)]),
      locations: rows([
        location({ email: "ann.lee.2@example.com", numberCountry: "GB" }),
        location({ email: "ann.lee.3@example.com", areaCode: "415" }),
        location({ email: "ann.lee.4@example.com", unassignedExt: "+16505550001" }),
      ]),
      account: {
        lines: rows([
          line({ rcId: "1", phone: "+16505550001" }),
          line({ rcId: "2", areaCode: "415" }),
          line({ rcId: "3", country: "GB", areaCode: "20" }),
          line({ rcId: "4" }),
        ]),
      },
    });
    const { lines, shortfalls, refusals } = assignLines(lineDemands(ws), ws.account.lines);
    expect([lines.get(2)?.rcId, lines.get(3)?.rcId, lines.get(4)?.rcId]).toEqual(["3", "2", "1"]);
    expect(shortfalls).toEqual([]);
    expect(refusals).toEqual([]);
  });

  it("rows asking for an area code are served before rows that take any line", () => {
    const pool = rows([line({ rcId: "a", areaCode: "650" }), line({ rcId: "b", areaCode: "415" })]);
    const { lines, shortfalls } = assignLines([demand({ row: 2 }), demand({ row: 3, areaCode: "650" })], pool);
    expect(lines.get(3)?.rcId).toBe("a");
    expect(lines.get(2)?.rcId).toBe("b");
    expect(shortfalls).toEqual([]);
  });

  it("refuses a specific line chosen twice, of the wrong type, or not in the pool", () => {
    const pool = rows([line({ rcId: "1" }), line({ rcId: "2", lineType: "Limited" })]);
    const { refusals } = assignLines(
      [
        demand({ row: 2, specific: "1" }),
        demand({ row: 3, specific: "1" }),
        demand({ row: 4, specific: "2" }),
        demand({ row: 5, specific: "9" }),
      ],
      pool,
    );
    expect(refusals).toEqual([
      { row: 3, reason: "Unassigned Ext 1 is already chosen by row 2." },
      { row: 4, reason: "Unassigned Ext 2 is a Limited line; a User needs a User line." },
      { row: 5, reason: "9 is not an unassigned extension of the account." },
    ]);
  });

  it("a row with no Locations row takes a line in its site's own area code first, then any of the country", () => {
    const sf = site({ name: "San Francisco" });
    const ws = workspace({
      users: rows([user({ site: "San Francisco" }, 2), user({ site: "San Francisco" }, 3), user({ site: "San Francisco" }, 4)]),
      sites: rows([sf]),
      account: {
        sites: rows([{ row: 0, rcId: "1001", name: "San Francisco", ext: "", country: "US", areaCode: "415" }]),
        // The pool lists the 212 and 650 lines first: without the site's area, its users would take them.
        lines: rows([
          line({ rcId: "1", areaCode: "212" }),
          line({ rcId: "2", areaCode: "650" }),
          line({ rcId: "3", areaCode: "415" }),
          line({ rcId: "4", areaCode: "415" }),
        ]),
      },
    });
    const demands = lineDemands(ws);
    expect(demands[0]?.rule).toBe("the site's area code 415, then the site's country US");
    const { lines, shortfalls } = assignLines(demands, ws.account.lines);
    expect([2, 3, 4].map((row) => lines.get(row)?.rcId)).toEqual(["3", "4", "1"]);
    expect(shortfalls).toEqual([]);
  });

  it("a Locations area code or a Number Country elsewhere overrides the site's own area", () => {
    const ws = workspace({
      users: rows([user({ site: "Toronto" }, 2), user({ site: "Toronto" }, 3)]),
      sites: rows([site({ name: "Toronto", country: "CA", state: "ON" })]),
      locations: rows([
        location({ email: "ann.lee.2@example.com", areaCode: "604" }),
        location({ email: "ann.lee.3@example.com", numberCountry: "US" }),
      ]),
      account: { sites: rows([{ row: 0, rcId: "1003", name: "Toronto", ext: "", country: "CA", areaCode: "416" }]) },
    });
    expect(lineDemands(ws).map((d) => [d.areaCode, d.preferredAreaCode])).toEqual([
      ["604", ""],
      ["", ""],
    ]);
  });

  it("never gives one line to two rows, and each line fits its row (property)", () => {
    const lineArb = fc.record({
      rcId: fc.uuid(),
      lineType: fc.constantFrom("User", "Virtual User", "Limited"),
      country: fc.constantFrom("US", "CA"),
      areaCode: fc.constantFrom("650", "415", "416"),
    });
    const demandArb = fc.record({
      userType: fc.constantFrom("User" as const, "Virtual User" as const, "Limited Extension" as const),
      country: fc.constantFrom("US", "CA"),
      areaCode: fc.constantFrom("", "650", "416"),
      preferredAreaCode: fc.constantFrom("", "415", "416"),
      pick: fc.option(fc.nat(30), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 30 }), fc.array(demandArb, { maxLength: 40 }), (rawLines, rawDemands) => {
        const pool = rows(rawLines.map((l) => line({ ...l, phone: "" })));
        const demands = rawDemands.map((d, i) =>
          demand({
            row: i + 2,
            userType: d.userType,
            lineType: d.userType === "Limited Extension" ? "Limited" : (d.userType as "User" | "Virtual User"),
            country: d.country,
            areaCode: d.areaCode,
            preferredAreaCode: d.areaCode ? "" : d.preferredAreaCode,
            specific: d.pick !== undefined && pool[d.pick] ? (pool[d.pick] as UnassignedLineRecord).rcId : "",
          }),
        );
        const { lines, shortfalls, refusals } = assignLines(demands, pool);
        // A site's own area is a preference: it never leaves a row without a line that the country would give it.
        const unpreferred = assignLines(
          demands.map((d) => ({ ...d, preferredAreaCode: "" })),
          pool,
        );
        expect(lines.size).toBe(unpreferred.lines.size);
        const given = [...lines.values()];
        expect(new Set(given).size).toBe(given.length);
        for (const d of demands) {
          const got = lines.get(d.row);
          if (!got) continue;
          expect(got.lineType).toBe(d.lineType);
          if (!d.specific) expect(got.country).toBe(d.country);
          if (d.areaCode && !d.specific) expect(got.areaCode).toBe(d.areaCode);
        }
        // every row is served, refused or counted short, exactly once
        const short = shortfalls.flatMap((s) => s.rows);
        const refused = refusals.map((r) => r.row);
        expect(lines.size + short.length + refused.length).toBe(demands.length);
      }),
    );
  });
});

describe("capacity", () => {
  it("says one clear message per shortfall", () => {
    const shortfall = {
      userType: "User" as const,
      country: "US",
      areaCode: "650",
      needed: 12,
      available: 8,
      rows: [],
      takenByNarrower: 0,
    };
    expect(describeShortfall(shortfall)).toBe("12 Users need US 650 lines; 8 are unassigned.");
    expect(
      describeShortfall({
        ...shortfall,
        userType: "Limited Extension",
        country: "GB",
        areaCode: "",
        needed: 1,
        available: 0,
        takenByNarrower: 2,
      }),
    ).toBe(
      "1 Limited Extension needs GB lines; 0 are unassigned (2 more went to rows that ask for an area code or a specific line).",
    );
  });

  it("reports the shortfall on the first row left without a line, listing every such row", () => {
    const ws = workspace({
      users: rows([user({}, 2), user({}, 3), user({}, 4)]),
      account: { lines: rows([line({ rcId: "1" })]) },
    });
    const found = validateWorkspace(ws).filter((f) => f.rule === "lines.capacity");
    expect(found).toEqual([
      expect.objectContaining({
        row: 3,
        rows: [3, 4],
        severity: "error",
        message: "3 Users need US lines; 1 is unassigned. Rows without a line: 3, 4.",
      }),
    ]);
  });

  it("a specific line that cannot be had is an error on its row", () => {
    const ws = workspace({ users: [user()], locations: [location({ email: "ann.lee.2@example.com", unassignedExt: "424242" })] });
    expect(validateWorkspace(ws)).toContainEqual(expect.objectContaining({ row: 2, rule: "lines.specific" }));
  });

  it("waits for the account to be refreshed, and says so once", () => {
    const ws = workspace({ users: [user()], settings: { accountRefreshedAt: "" }, account: { lines: [] } });
    expect(validateWorkspace(ws)).toEqual([expect.objectContaining({ row: 0, severity: "info", rule: "account.notRefreshed" })]);
  });
});

import { describe, expect, it } from "vitest";
import { assignLines, lineDemands } from "../../src/domain/lines";
import { areaCodesOfPlace } from "../../src/domain/place-area-codes";
import { line, rows, site, user, workspace } from "./fixture";

describe("a new office's area code, by its address", () => {
  it("names a US city's codes, lowest first, by state code and city", () => {
    expect(areaCodesOfPlace({ country: "US", state: "TX", city: "Austin" })).toEqual(["512", "737"]);
    expect(areaCodesOfPlace({ country: "us", state: " tx", city: "austin " })).toEqual(["512", "737"]);
    // Another state's Austin is another place.
    expect(areaCodesOfPlace({ country: "US", state: "MN", city: "Austin" })).toEqual(["507"]);
    expect(areaCodesOfPlace({ country: "US", state: "NY", city: "New York" })).toContain("212");
    // A suburb the table does not name, a state missing, another country: no area, the country's lines.
    expect(areaCodesOfPlace({ country: "US", state: "CA", city: "San Mateo" })).toEqual([]);
    expect(areaCodesOfPlace({ country: "US", state: "", city: "Austin" })).toEqual([]);
    expect(areaCodesOfPlace({ country: "CA", state: "ON", city: "Toronto" })).toEqual([]);
  });

  it("a new site's users take a line in its area first, and the plan says the address chose it", () => {
    const ws = workspace({
      users: rows([user({ site: "Austin" }, 2), user({ site: "Austin" }, 3)]),
      sites: rows([site({ name: "Austin", state: "TX", city: "Austin", postalCode: "78701" })]),
      account: {
        // The pool lists a 212 line first: without the site's area, Austin's first user would take it.
        lines: rows([line({ rcId: "1", areaCode: "212" }), line({ rcId: "2", areaCode: "512" })]),
      },
    });
    const demands = lineDemands(ws);
    expect(demands[0]?.rule).toBe("the site's area code 512 (its address, Austin TX), then the site's country US");
    const { lines, shortfalls } = assignLines(demands, ws.account.lines);
    expect([2, 3].map((row) => lines.get(row)?.rcId)).toEqual(["2", "1"]);
    expect(shortfalls).toEqual([]);
  });

  it("an account site's own number wins over its address", () => {
    const ws = workspace({
      users: rows([user({ site: "Austin" }, 2)]),
      sites: rows([site({ name: "Austin", state: "TX", city: "Austin" })]),
      account: { sites: rows([{ row: 0, rcId: "9", name: "Austin", ext: "", country: "US", areaCode: "737" }]) },
    });
    expect(lineDemands(ws)[0]?.rule).toBe("the site's area code 737, then the site's country US");
  });
});

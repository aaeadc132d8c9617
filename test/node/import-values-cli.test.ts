import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { SITES_TAB, USERS_TAB } from "../../src/domain/tabs";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { columnIndex, decodeTab, encodeRows } from "../../src/workbook/codec";
import { setUpWorkspace } from "../../src/workbook/setup";

/** The built bin, as `rcsheets` runs once installed (build first). */
const bin = join(import.meta.dirname, "../../dist/cli/rcsheets.mjs");

async function rcsheets(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Three offices' plan names as customers write them. */
const PEOPLE = [
  "Name,Email,Ext,Plan,Office",
  "Ann Lee,ann@example.com,101,RingEX Standard,NYC",
  "Bob Ray,bob@example.com,102,RingEX Standard,san francisco ",
  "Cy Fox,cy@example.com,103,Fax only,NYC",
  "Di Kim,di@example.com,104,Paging/Announcement,Austin",
].join("\n");

describe("rcsheets map and import with values mapped", { timeout: 180_000 }, () => {
  let dir: string;
  let source: string;
  const workspace = async (name: string) => {
    const path = join(dir, name);
    const book = XlsxWorkbook.create();
    setUpWorkspace(book);
    const header = book.read(SITES_TAB.name)[0] ?? [];
    const sites = [{ name: "New York" }, { name: "San Francisco" }].map((s) => ({ ...s, country: "US" }));
    book.write(SITES_TAB.name, { row: 2, column: 1, values: encodeRows(columnIndex(SITES_TAB, header), header.length, sites) });
    await book.save(path);
    return path;
  };
  const users = async (path: string) =>
    decodeTab(USERS_TAB, (await XlsxWorkbook.open(path)).read(USERS_TAB.name)).records.map((u) => [u.email, u.userType, u.site]);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rcsheets-values-"));
    source = join(dir, "people.csv");
    await writeFile(source, PEOPLE);
  });

  it("map --json prints each value's proposal, a value with none as null", async () => {
    const into = await workspace("map.xlsx");
    const printed = JSON.parse((await rcsheets("map", source, "--into", into, "--json")).stdout);
    expect(printed.fields).toMatchObject({ "User Type": "Plan", Site: "Office" });
    expect(printed.values).toEqual({
      "User Type": {
        "RingEX Standard": "User",
        "Fax only": null,
        "Paging/Announcement": "Announcement Only",
      },
      Site: { NYC: "New York", Austin: "Austin", "san francisco": "San Francisco" },
    });
  });

  it("import applies a mapping file's values section, and --value flags over it", async () => {
    const into = await workspace("file.xlsx");
    const preview = await rcsheets("import", source, "--into", into);
    expect(preview.stdout).toMatch(/A value of "Plan" matches nothing on the User Type list: "Fax only" \(1 row\)/);
    expect(preview.stdout).toMatch(/New sites for the Sites tab \(fill in their address before a sync\): Austin\./);
    expect(preview.stdout.match(/User Type is one of/g)).toHaveLength(1);

    const mapping = join(dir, "m.json");
    const printed = JSON.parse((await rcsheets("map", source, "--into", into, "--json")).stdout);
    printed.values["User Type"]["Fax only"] = "Message Only";
    await writeFile(mapping, JSON.stringify(printed));
    const written = await rcsheets(
      "import",
      source,
      "--into",
      into,
      "--mapping",
      mapping,
      "--value",
      "Site:Austin=New York",
      "--yes",
    );
    expect(written.code).toBe(0);
    expect(written.stdout).not.toMatch(/User Type is one of|matches nothing/);
    expect(await users(into)).toEqual([
      ["ann@example.com", "User", "New York"],
      ["bob@example.com", "User", "San Francisco"],
      ["cy@example.com", "Message Only", "New York"],
      ["di@example.com", "Announcement Only", "New York"],
    ]);
  });

  it("--value alone maps what the proposals left open; the choice is remembered for the next file", async () => {
    const into = await workspace("flags.xlsx");
    const written = await rcsheets("import", source, "--into", into, "--value", "User Type:Fax only=Virtual User", "--yes");
    expect(written.code).toBe(0);
    expect((await users(into)).map((u) => u[1])).toEqual(["User", "User", "Virtual User", "Announcement Only"]);
    expect(decodeTab(SITES_TAB, (await XlsxWorkbook.open(into)).read(SITES_TAB.name)).records.map((s) => s.name)).toEqual([
      "New York",
      "San Francisco",
      "Austin",
    ]);
    const again = JSON.parse((await rcsheets("map", source, "--into", into, "--json")).stdout);
    expect(again.values["User Type"]["Fax only"]).toBe("Virtual User");
  });

  it("a bad --value is refused in one line naming what is wrong, and nothing is written", async () => {
    const into = await workspace("bad.xlsx");
    const before = await readFile(into);
    const cases: [string, string][] = [
      ["User Type=User", '--value "User Type=User" names no column: write "Column:source value=target"'],
      ["User Type:Fax only", '--value "User Type:Fax only" has no "source value=target"'],
      ["Dept:Sales=Ops", '--value: "Dept" is not a column mapped value by value; those are User Type'],
      ["User Type:Fax only=Printer", '--value: "Printer" is not a User Type; choose one of User, Virtual User'],
    ];
    for (const [flag, message] of cases) {
      const result = await rcsheets("import", source, "--into", into, "--value", flag, "--yes");
      expect(result.code, flag).toBe(2);
      expect(result.stderr.trim().split("\n"), flag).toHaveLength(1);
      expect(result.stderr, flag).toContain(message);
    }
    expect(await readFile(into)).toEqual(before);
  });
});

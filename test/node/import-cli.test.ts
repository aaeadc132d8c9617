import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";

/** The built bin, as `rcsheets` runs once installed: `npm test` builds before it runs the tests. */
const bin = join(import.meta.dirname, "../../dist/cli/rcsheets.mjs");
const fixtures = join(import.meta.dirname, "../fixtures/import");

async function rcsheets(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { maxBuffer: 64 * 2 ** 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("rcsheets map, import, export", () => {
  let dir: string;
  let workspace: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rcsheets-import-"));
    workspace = join(dir, "workspace.xlsx");
    expect((await rcsheets("template", "--out", workspace)).code).toBe(0);
  });

  it("map --json prints the orientation and every Users column header", async () => {
    const result = await rcsheets("map", join(fixtures, "vertical-brd.csv"), "--json");
    expect(result.code).toBe(0);
    const expected = JSON.parse(await readFile(join(fixtures, "vertical-brd.expected.json"), "utf8"));
    const printed = JSON.parse(result.stdout);
    expect(printed.orientation).toBe("vertical");
    expect(Object.keys(printed.fields)).toHaveLength(20);
    expect(printed.fields).toMatchObject(expected.fields);
    const forced = JSON.parse(
      (await rcsheets("map", join(fixtures, "vertical-brd.csv"), "--orientation", "horizontal", "--json")).stdout,
    );
    expect(forced.orientation).toBe("horizontal");
  });

  it("import refuses new rows in one line until every required field is mapped or given with --set", async () => {
    const source = join(fixtures, "hr-export.csv");
    const before = await readFile(workspace);
    const refused = await rcsheets("import", source, "--into", workspace, "--yes");
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split("\n")).toEqual([
      'Import refused: User Type * and Ext * are required and neither mapped nor given: map a source field to each (--mapping) or give each one value for all rows (--set "User Type=…"). Nothing written.',
    ]);
    const partly = await rcsheets("import", source, "--into", workspace, "--set", "user type=User");
    expect(partly.code).toBe(1);
    expect(partly.stderr).toMatch(/^Import refused: Ext \* is required and neither mapped nor given/);
    const typo = await rcsheets("import", source, "--into", workspace, "--set", "Sitee=Main");
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^--set: "Sitee" is not a column of the Users tab/);
    expect(await readFile(workspace)).toEqual(before);
  });

  it("import previews and writes nothing without --yes, writes with it, and merges the second time", async () => {
    const source = join(fixtures, "hr-export.csv");
    const before = await readFile(workspace);
    const given = ["--set", "Site=Main", "--set", "User Type=User", "--set", "Ext=100"];
    const preview = await rcsheets("import", source, "--into", workspace, ...given);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/^3 added, 0 merged, 0 unchanged\./m);
    expect(preview.stdout).toMatch(/source row 3, [^(:]+ \(Ext\): /);
    expect(preview.stdout).not.toMatch(/Users row 3/);
    expect(preview.stdout).toMatch(/Nothing written/);
    expect(await readFile(workspace)).toEqual(before);
    expect((await rcsheets("import", source, "--into", workspace, ...given, "--yes")).code).toBe(0);
    const book = await XlsxWorkbook.open(workspace);
    expect(book.read("Users")[1]?.slice(0, 8)).toEqual([
      "User",
      "Grace",
      "Hopper",
      "grace.hopper@example.com",
      "100",
      "+17035550142",
      "",
      "Main",
    ]);
    const mapping = join(dir, "mapping.json");
    await writeFile(mapping, JSON.stringify({ orientation: "horizontal", fields: { Email: "Work Email", Dept: "Cost Center" } }));
    const again = await rcsheets("import", source, "--into", workspace, "--mapping", mapping, "--json");
    expect(JSON.parse(again.stdout).counts).toEqual({ added: 0, merged: 3, unchanged: 0 });
  });

  it("a mapping file's orientation does not turn another file: the orientation is the file's own", async () => {
    // `map --json` of a vertical sheet prints "vertical"; its fields reused for a horizontal export.
    const mapping = join(dir, "from-vertical.json");
    const fields = { "First Name": "Legal First Name", "Last Name": "Legal Last Name", Email: "Work Email" };
    await writeFile(mapping, JSON.stringify({ orientation: "vertical", fields }));
    const source = join(fixtures, "hr-export.csv");
    const read = await rcsheets("import", source, "--into", workspace, "--mapping", mapping, "--json");
    const preview = JSON.parse(read.stdout);
    expect(preview.problems.map((p: { message: string }) => p.message).join("\n")).not.toMatch(/not a field of the source/);
    expect(preview.counts.added + preview.counts.merged + preview.counts.unchanged).toBe(3);
    // The same mapping file for the vertical sheet it names: read vertical, as the file says.
    const vertical = join(dir, "vertical.json");
    await writeFile(vertical, JSON.stringify({ orientation: "vertical", fields: { Email: "E-mail address" } }));
    const turned = await rcsheets(
      "import",
      join(fixtures, "vertical-brd.csv"),
      "--into",
      workspace,
      "--mapping",
      vertical,
      "--json",
    );
    expect(JSON.parse(turned.stdout).counts.added + JSON.parse(turned.stdout).counts.merged).toBe(3);
  });

  it("export writes CSV and XLSX without secrets, and the export imports back unchanged", async () => {
    const book = join(dir, "secrets.xlsx");
    await rcsheets("template", "--out", book);
    await rcsheets("import", join(fixtures, "template-exact.csv"), "--into", book, "--yes");
    const csv = join(dir, "users.csv");
    expect((await rcsheets("export", book, "--out", csv)).code).toBe(0);
    const text = await readFile(csv, "utf8");
    expect(text).not.toMatch(/PIN|Password|Secret Answer|739281|Enigma/);
    expect(text).toContain("'+16505550101");
    const back = JSON.parse((await rcsheets("import", csv, "--into", book, "--json")).stdout);
    expect(back.counts).toEqual({ added: 0, merged: 0, unchanged: 5 });
    const xlsx = join(dir, "export.xlsx");
    expect((await rcsheets("export", book, "--out", xlsx)).code).toBe(0);
    const exported = await XlsxWorkbook.open(xlsx);
    expect(exported.sheets().map((s) => s.name)).toEqual(["Users", "Sites", "Roles", "Tags", "Locations", "Settings"]);
    const fromXlsx = JSON.parse((await rcsheets("import", xlsx, "--into", book, "--json")).stdout);
    expect(fromXlsx.counts).toEqual({ added: 0, merged: 0, unchanged: 5 });
  });

  it("bad sources get a clear message and nothing is written", async () => {
    const before = await readFile(workspace);
    const cases: [string, string | Buffer, RegExp][] = [
      ["empty.csv", "", /empty/],
      ["binary.csv", Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 7, 8]), /not text/],
      ["old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), /old Excel \(\.xls\)/],
      ["big.csv", "Email\n".padEnd(11 * 2 ** 20, "x"), /larger than 10 MB/],
    ];
    for (const [name, content, message] of cases) {
      await writeFile(join(dir, name), content);
      const result = await rcsheets("import", join(dir, name), "--into", workspace, "--yes");
      expect(result.code, name).toBe(1);
      expect(result.stderr, name).toMatch(message);
    }
    const refused: [string, string, RegExp][] = [
      [
        "ragged.csv",
        "Name,Email\nAda Lovelace,ada@example.com\nAlan,Turing,alan@example.com\n",
        /Row 3 has 3 values but the header/,
      ],
      ["dupes.csv", "Email,Name,Email\na@example.com,Ada Lovelace,b@example.com\n", /two fields named "Email"/],
      ["formula.csv", 'Email,Name\na@example.com,=HYPERLINK("http://x")\n', /would run it as a formula/],
    ];
    for (const [name, content, message] of refused) {
      await writeFile(join(dir, name), content);
      const result = await rcsheets("import", join(dir, name), "--into", workspace, "--yes");
      expect(result.stdout, name).toMatch(message);
    }
    expect((await rcsheets("import", join(dir, "ragged.csv"), "--into", workspace, "--yes")).code).toBe(1);
    expect((await rcsheets("import", join(dir, "formula.csv"), "--into", workspace, "--yes")).code).toBe(1);
    expect((await rcsheets("import", join(dir, "dupes.csv"), "--into", workspace, "--yes")).code).toBe(1);
    expect(await readFile(workspace)).toEqual(before);
  });

  it("10,000 rows just work", async () => {
    const lines = ["Full Name;Work Email;Extension;Direct Line;Location"];
    for (let i = 0; i < 10_000; i++)
      lines.push(`Person${i} Test;p${i}@example.com;${100000 + i};+1650555${String(i % 10000).padStart(4, "0")};HQ`);
    const source = join(dir, "big-import.csv");
    await writeFile(source, lines.join("\r\n"));
    const book = join(dir, "big.xlsx");
    await rcsheets("template", "--out", book);
    const result = await rcsheets("import", source, "--into", book, "--set", "User Type=User", "--yes", "--json");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).counts).toEqual({ added: 10_000, merged: 0, unchanged: 0 });
    expect((await XlsxWorkbook.open(book)).read("Users")).toHaveLength(10_001);
  }, 60_000);
});

import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { USERS_TAB } from "../../src/domain/tabs";
import { XlsxWorkbook } from "../../src/node/xlsx-workbook";
import { locateTabs } from "../../src/workbook/tab-location";

/** The built bin, as `rcsheets` runs once installed: `npm test` builds before it runs the tests. */
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

describe("rcsheets CLI", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "rcsheets-cli-"));
  });

  it("template --out x.xlsx writes a workspace with every tab set up, which validates clean", async () => {
    const out = join(dir, "template.xlsx");
    expect((await rcsheets("template", "--out", out)).code).toBe(0);
    const book = await XlsxWorkbook.open(out);
    expect(book.read(locateTabs(book).get("users") as string)[0]).toEqual(USERS_TAB.columns.map((c) => c.header));
    const result = await rcsheets("validate", out, "--json");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).counts.error).toBe(0);
  });

  it("template --out x.csv writes the Users header, required columns starred, and one example row", async () => {
    const out = join(dir, "template.csv");
    expect((await rcsheets("template", "--out", out)).code).toBe(0);
    const [header, example] = (await readFile(out, "utf8")).split("\r\n");
    expect(header).toBe(USERS_TAB.columns.map((c) => (c.required ? `${c.header} *` : c.header)).join(","));
    expect(example).toMatch(/^User,Alex,Example,alex\.example@example\.com,1001,/);
  });

  it("validate exits 1 on errors and prints where and what", async () => {
    const out = join(dir, "demo.xlsx");
    expect((await rcsheets("demo", "--out", out, "--users", "30")).code).toBe(0);
    const human = await rcsheets("validate", out);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/^error\s+Users row \d+, [^(]+ \(Email\): Email is not an email address/m);
    expect(human.stdout).toMatch(/\d+ errors, \d+ warnings, \d+ notes\.\n$/);
    const json = await rcsheets("validate", out, "--json");
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.counts.error).toBe(parsed.findings.filter((f: { severity: string }) => f.severity === "error").length);
  });

  it("says clearly what is wrong with the file (exit 1), or with the command (exit 2)", async () => {
    const missing = await rcsheets("validate", join(dir, "nope.xlsx"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nope.xlsx");
    const notXlsx = join(dir, "text.xlsx");
    await writeFile(notXlsx, "just text");
    const bad = await rcsheets("validate", notXlsx);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("text.xlsx");
    const wrongKind = await rcsheets("template", "--out", join(dir, "x.pdf"));
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toMatch(/\.xlsx or \.csv/);
  });
});

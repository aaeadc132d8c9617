import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

/** Every import statement of the TypeScript files under a folder: file, whether type-only, and the module named. */
function importsUnder(folder: string, files = /\.tsx?$/): { file: string; typeOnly: boolean; from: string }[] {
  const found = readdirSync(join(root, folder), { recursive: true, encoding: "utf8" }).filter((f) => files.test(f));
  return found.flatMap((file) =>
    [...readFileSync(join(root, folder, file), "utf8").matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gms)].map((m) => ({
      file: `${folder}/${file}`,
      typeOnly: Boolean(m[1]),
      from: m[2] as string,
    })),
  );
}

/** Imports go down the layers (docs/architecture.md): the seams the Apps Script composition root relies on. */
describe("the layers' imports", () => {
  it("the server functions know no home: nothing under src/server imports src/gas, src/node or src/playground", () => {
    const up = importsUnder("src/server").filter((i) => /\.\.\/(gas|node|playground|sandbox)\//.test(i.from));
    expect(up).toEqual([]);
  });

  it("the Apps Script runtime is a platform double apart from what it checks: src/apps-script-runtime imports nothing else of src/", () => {
    const runtime = "src/apps-script-runtime";
    const all = importsUnder(runtime, /\.(tsx?|mjs|js)$/);
    const local = all.filter((i) => i.from.startsWith("."));
    expect(local.length).toBeGreaterThan(20);
    const outside = local.filter((i) => relative(runtime, join(dirname(i.file), i.from)).startsWith(".."));
    expect(outside).toEqual([]);
  });

  it("the sidebar takes only types, and only from src/server; its one run-time word rule is src/domain/counted", () => {
    const fromSource = importsUnder("sidebar").filter((i) => i.from.includes("/src/"));
    expect(fromSource.length).toBeGreaterThan(5);
    const words = (i: { from: string }) => /^(\.\.\/)+src\/domain\/counted$/.test(i.from);
    expect(fromSource.filter((i) => !words(i) && (!i.typeOnly || !/^(\.\.\/)+src\/server\//.test(i.from)))).toEqual([]);
  });
});

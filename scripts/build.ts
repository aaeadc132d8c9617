/**
 * `npm run build`: writes dist/, which is clasp's rootDir.
 * - dist/Code.js: the server bundle for Apps Script (ES2019, one file). Apps Script calls only top-level function
 *   declarations, so after bundling, every key of src/gas/main.ts's `functions` and `triggers` gets one.
 * - dist/sidebar.html: the sidebar, one self-contained HTML file for HtmlService.
 * - dist/appsscript.json: the manifest.
 * - dist/playground.html: the local playground's page (`npm start`), and dist/google-script-run.js, the
 *   google.script.run the playground injects into the sidebar as Google does in Sheets.
 * - dist/cli/rcsheets.mjs: the CLI, for the package's bin.
 * .claspignore keeps the playground's files and the CLI out of what clasp pushes.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { type BuildOptions, build, type Plugin } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const GLOBAL = "RcSheets";

async function buildServer(): Promise<string[]> {
  const shared = {
    bundle: true,
    target: "es2019",
    platform: "neutral",
    // papaparse requires Node's stream only to parse a Node stream, which the add-in never hands it.
    external: ["stream"],
    write: false,
    legalComments: "none",
    logLevel: "warning",
  } satisfies BuildOptions;
  // First, every async function is lowered to a generator driven by esbuild's `__async` helper, which names the
  // global `Promise`; the queued promise itself is left out, to be the one module both passes share.
  const lowered = await build({
    ...shared,
    entryPoints: [join(root, "src/gas/main.ts")],
    format: "esm",
    mainFields: ["module", "main"],
    supported: { "async-await": false },
    plugins: [englishOnlyZod, queuedPromiseLeftOut, areaCodePlacesOnly],
  });
  // Then every free `Promise` of that output, the helper's included, becomes the queued promise (src/gas/
  // queued-promise.ts): no job of the add-in waits in V8's queue, and main.ts settles each call before it returns.
  const result = await build({
    ...shared,
    stdin: { contents: lowered.outputFiles?.[0]?.text ?? "", resolveDir: join(root, "src/gas"), sourcefile: "main.js" },
    inject: [join(root, "src/gas/bundle-promise.ts")],
    format: "iife",
    globalName: GLOBAL,
    // Apps Script parses the whole file on every execution; identifiers are kept so its stack traces still read.
    minify: true,
  });
  const bundle = result.outputFiles?.[0]?.text ?? "";
  const names = surfaceOf(bundle);
  const wrappers = names.map(
    ({ group, name }) => `function ${name}() { return ${GLOBAL}.${group}.${name}.apply(this, arguments); }`,
  );
  const code = `${bundle}\n// Top-level functions Apps Script calls, generated from src/gas/main.ts.\n${wrappers.join("\n")}\n`;
  writeFileSync(join(dist, "Code.js"), code);
  return names.map((n) => n.name);
}

/**
 * The `areacodes` table (src/domain/place-area-codes.ts) carries each code's coordinates, type and state name, 60 KB
 * of JSON; the add-in reads a code's city and state code only, so dist/Code.js carries those as one string (6 KB)
 * made into the same shape when the bundle loads.
 */
const areaCodePlacesOnly: Plugin = {
  name: "area-code-places-only",
  setup(build) {
    build.onLoad({ filter: /areacodes[\\/]lib[\\/]data\.json$/ }, (args) => {
      const table = JSON.parse(readFileSync(args.path, "utf8")) as Record<string, { city?: string; stateCode?: string }>;
      const rows = Object.entries(table)
        .filter(([, place]) => place.city && place.stateCode)
        .map(([code, place]) => `${code}:${place.city}:${place.stateCode}`);
      return {
        contents: `export default Object.fromEntries(${JSON.stringify(rows.join(";"))}.split(";").map((row) => {
  const [code, city, stateCode] = row.split(":");
  return [code, { city, stateCode }];
}));`,
        loader: "js",
      };
    });
  },
};

/**
 * `import { z } from "zod"` carries `z.locales`, 64 languages of error messages the add-in never shows (its
 * messages are its own, in English): the locales' index is replaced by English alone. It carries `z.fromJSONSchema`
 * too, which the add-in never calls (it builds no schema from JSON Schema): it throws instead. Schemas stay as they are.
 */
const englishOnlyZod: Plugin = {
  name: "english-only-zod",
  setup(build) {
    build.onResolve({ filter: /^\.\/from-json-schema\.js$/ }, (args) =>
      args.importer.includes(`${join("node_modules", "zod")}`) ? { path: args.path, namespace: "zod-unused" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-unused" }, () => ({
      contents: `export function fromJSONSchema() { throw new Error("z.fromJSONSchema is not in the add-in's build."); }`,
      loader: "js",
    }));
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${join("node_modules", "zod")}`)
        ? { path: join(args.resolveDir, "../locales"), namespace: "zod-english" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-english" }, (args) => ({
      contents: `export { default as en } from "./en.js";`,
      resolveDir: args.path,
      loader: "js",
    }));
  },
};

/** The queued promise stays an import through the first pass, so that the second bundles it once. */
const queuedPromiseLeftOut: Plugin = {
  name: "queued-promise-left-out",
  setup(build) {
    build.onResolve({ filter: /^\.\/queued-promise$/ }, (args) => ({ path: args.path, external: true }));
  },
};

/** The exported names, read by loading the bundle: it touches no Apps Script service at load time. */
function surfaceOf(bundle: string): { group: "functions" | "triggers"; name: string }[] {
  const context: Record<string, unknown> = {};
  vm.runInNewContext(`${bundle}\nthis.surface = ${GLOBAL};`, context);
  const surface = context.surface as Record<"functions" | "triggers", Record<string, unknown>>;
  const names = (["functions", "triggers"] as const).flatMap((group) =>
    Object.keys(surface[group]).map((name) => ({ group, name })),
  );
  const seen = new Set<string>();
  for (const { name } of names) {
    if (seen.has(name)) throw new Error(`Two server functions are named ${name}: Apps Script would see only one.`);
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`${name} cannot be a top-level function name.`);
    seen.add(name);
  }
  return names;
}

/**
 * A page as one self-contained HTML file: the entry bundled into its one script, and each style marker of the
 * template (a CSS comment holding the marker's name) replaced by a stylesheet.
 */
async function buildPage(page: {
  entry: string;
  template: string;
  styles: Record<string, string>;
  /** Scripts carried as text, each at a script marker, for the page to run when it needs them. */
  lazy?: Record<string, string>;
  out: string;
}): Promise<void> {
  let html = readFileSync(join(root, page.template), "utf8");
  for (const [marker, path] of Object.entries(page.styles))
    html = html.replace(`/*${marker}*/`, () => readFileSync(join(root, path), "utf8"));
  for (const [marker, entry] of Object.entries(page.lazy ?? {})) {
    const lazy = await bundleScript(entry);
    html = html.replace(`/*${marker}*/`, () => lazy);
  }
  const script = await bundleScript(page.entry);
  writeFileSync(
    join(dist, page.out),
    html.replace("/*SCRIPT*/", () => script),
  );
}

/** One entry as one minified browser script, safe inside a script element. */
async function bundleScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: "iife",
    target: "es2019",
    minify: true,
    jsx: "automatic",
    jsxImportSource: "preact",
    write: false,
    legalComments: "none",
    logLevel: "warning",
  });
  // "</script" inside the script would end it early in the HTML.
  return (result.outputFiles[0]?.text ?? "").replace(/<\/script/gi, "<\\/script");
}

/** The sidebar, for HtmlService. */
const buildSidebar = () =>
  buildPage({
    entry: "sidebar/main.tsx",
    template: "sidebar/index.html",
    styles: { STYLE: "sidebar/sidebar.css" },
    lazy: { XLSX_WRITER: "sidebar/xlsx-writer.ts", XLSX_READER: "sidebar/xlsx-reader.ts" },
    out: "sidebar.html",
  });

/** The playground page (`npm start`): the grid, with Tabulator and its stylesheet inlined. Not pushed by clasp. */
const buildPlayground = () =>
  buildPage({
    entry: "src/playground/page/main.ts",
    template: "src/playground/page/playground.html",
    styles: {
      GRID_STYLE: "node_modules/tabulator-tables/dist/css/tabulator_simple.min.css",
      STYLE: "src/playground/page/playground.css",
    },
    out: "playground.html",
  });

/** google.script.run for the playground's sidebar: one script, injected into the page showSidebar made. */
async function buildGoogleScriptRun(): Promise<void> {
  await build({
    entryPoints: [join(root, "src/playground/page/google-script-run.ts")],
    outfile: join(dist, "google-script-run.js"),
    bundle: true,
    format: "iife",
    target: "es2019",
    minify: true,
    logLevel: "warning",
  });
}

async function buildCli(): Promise<void> {
  mkdirSync(join(dist, "cli"), { recursive: true });
  await build({
    entryPoints: [join(root, "src/node/cli/main.ts")],
    outfile: join(dist, "cli/rcsheets.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    // 20.10: import attributes (the area-code table is JSON), kept in the output.
    target: "node20.10",
    packages: "external",
    banner: { js: "#!/usr/bin/env node" },
    logLevel: "warning",
  });
}

mkdirSync(dist, { recursive: true });
const names = await buildServer();
await buildSidebar();
await buildPlayground();
await buildGoogleScriptRun();
await buildCli();
copyFileSync(join(root, "appsscript.json"), join(dist, "appsscript.json"));
console.log(
  `dist/: Code.js (${names.length} top-level functions), sidebar.html, appsscript.json, playground.html, google-script-run.js, cli/rcsheets.mjs`,
);

/**
 * `npm run bench -- <name> [options]`: one benchmark, one JSON line of figures on stdout. Benchmarks measure;
 * they never fail a build for being slow.
 */
import { importBench } from "./import";
import { ratelimitBench } from "./ratelimit";
import { syncBench } from "./sync";
import { updateBench } from "./update";
import { validateBench } from "./validate";

const [name, ...args] = process.argv.slice(2);
const benches: Record<string, (args: string[]) => Promise<object> | object> = {
  validate: validateBench,
  ratelimit: ratelimitBench,
  import: importBench,
  sync: syncBench,
  update: updateBench,
};
const bench = name ? benches[name] : undefined;
if (!bench) {
  console.error(`Usage: npm run bench -- <${Object.keys(benches).join("|")}> [options]`);
  process.exit(2);
}
console.log(JSON.stringify(await bench(args)));

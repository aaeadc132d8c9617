/**
 * `npm run test:conformance`, second half: every exchange the tests recorded against the sandbox (request bodies the
 * clients sent, responses the sandbox gave) checked against the official OpenAPI spec. Fails loudly when the spec
 * is missing, when nothing was recorded, or when any body does not conform.
 */
import { existsSync, readFileSync } from "node:fs";
import { OpenApiSpec, repoRoot, specPath } from "../test/conformance/openapi-spec";

const log = process.argv[2] ?? "test-artifacts/exchanges.jsonl";
const spec = new OpenApiSpec(specPath(repoRoot));
if (!existsSync(log)) throw new Error(`No exchanges were recorded at ${log}: did the sandbox tests run with RC_CONFORMANCE_LOG?`);
const exchanges = readFileSync(log, "utf8")
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line));
if (exchanges.length === 0) throw new Error(`${log} holds no exchanges.`);

const failures = new Map<string, { count: number; problems: string[] }>();
const operations = new Set<string>();
for (const exchange of exchanges) {
  const verdict = spec.check(exchange);
  if (verdict.operation) operations.add(verdict.operation);
  if (verdict.problems.length === 0) continue;
  const key = `${exchange.method} ${verdict.operation ?? exchange.path} → ${exchange.status}`;
  const seen = failures.get(key) ?? { count: 0, problems: verdict.problems };
  seen.count++;
  failures.set(key, seen);
}
for (const [key, { count, problems }] of failures) console.log(`FAIL ${key} (×${count})\n  ${problems.join("\n  ")}`);
const failed = [...failures.values()].reduce((sum, f) => sum + f.count, 0);
console.log(
  `${exchanges.length - failed} passed, ${failed} failed (${exchanges.length} exchanges over ${operations.size} operations)`,
);
process.exit(failed > 0 ? 1 : 0);

import { parseArgs } from "node:util";
import { validateWorkspace } from "../src/domain/validation/index";
import { writeDemoWorkspace } from "../src/workbook/demo-workspace";
import { MemoryWorkbook } from "../src/workbook/memory-workbook";
import { readWorkspace } from "../src/workbook/workspace-reader";

/**
 * validate: read every tab of a generated workspace (mixed user types, a third with phone numbers, 5% of rows with a
 * mistake) from an in-memory workbook, decode it and run every rule, as the Validate button does minus the sheet's
 * own latency. The median of `--runs` runs after one warm-up.
 */
export function validateBench(args: string[]): object {
  const { values } = parseArgs({
    args,
    options: { rows: { type: "string", default: "10000" }, runs: { type: "string", default: "7" } },
  });
  const rows = Number(values.rows);
  const runs = Math.max(5, Number(values.runs));
  const workbook = new MemoryWorkbook();
  writeDemoWorkspace(workbook, { users: rows, errorRate: 0.05, seed: 42 });
  let findings = 0;
  const once = () => {
    const started = performance.now();
    const read = readWorkspace(workbook);
    findings = read.findings.length + validateWorkspace(read.workspace).length;
    return performance.now() - started;
  };
  once();
  const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return {
    name: "validate",
    rows,
    runs,
    findings,
    ms_median: round(times[Math.floor(runs / 2)] as number),
    ms_min: round(times[0] as number),
    ms_max: round(times[runs - 1] as number),
    rss_mb: round(process.memoryUsage().rss / 2 ** 20),
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

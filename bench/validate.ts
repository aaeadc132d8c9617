import { parseArgs } from "node:util";
import { forgetNumbersRead } from "../src/domain/phone";
import { validateWorkspace } from "../src/domain/validation/index";
import { writeDemoWorkspace } from "../src/workbook/demo-workspace";
import { MemoryWorkbook } from "../src/workbook/memory-workbook";
import { readWorkspace } from "../src/workbook/workspace-reader";
import { round, timeRuns } from "./timing";

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
  const timing = timeRuns(
    runs,
    () => {
      const read = readWorkspace(workbook);
      findings = read.findings.length + validateWorkspace(read.workspace).length;
    },
    forgetNumbersRead,
  );
  return { name: "validate", rows, runs, findings, ...timing, rss_mb: round(process.memoryUsage().rss / 2 ** 20) };
}

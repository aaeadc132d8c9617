import type { Command } from "commander";
import { type BulkClaims, startSandbox } from "../../sandbox/index";

interface SandboxFlags {
  port: string;
  state?: string;
  seed: string;
  users: string;
  lines: string;
  timeScale: string;
  faults?: string;
  bulkClaims: string;
  json?: boolean;
}

/**
 * `rcsheets sandbox`: the local RingCentral sandbox until SIGINT/SIGTERM. With `--json` the first stdout line is
 * `{"serverUrl","clientId","clientSecret","jwt"}`, for scripts; the state file is loaded at start and saved at stop.
 */
export function sandboxCommand(program: Command): void {
  program
    .command("sandbox")
    .description("run a local RingCentral sandbox on 127.0.0.1 (OAuth, extensions, sites, roles, rate limits, faults)")
    .option("--port <n>", "port to listen on; 0 picks a free one", "0")
    .option("--state <file>", "JSON state file: loaded at start when it exists, saved on stop")
    .option("--seed <n>", "seed of the generated account", "1")
    .option("--users <n>", "existing extensions besides the admin", "24")
    .option("--lines <n>", "unassigned lines", "300")
    .option("--time-scale <k>", "run every window, penalty, delay and token lifetime k times faster", "1")
    .option("--faults <spec>", "random faults, e.g. 5xx=0.05,latency=20ms,drop=0.02,expire=0.01")
    .option(
      "--bulk-claims <how>",
      "extension-bulk-update on unassigned lines: accepted, records (each refused), whole",
      "accepted",
    )
    .option("--json", "print the connection facts as one JSON line first")
    .action(async (flags: SandboxFlags) => {
      const sandbox = await startSandbox({
        port: integer(flags.port, "--port"),
        seed: integer(flags.seed, "--seed"),
        users: integer(flags.users, "--users"),
        lines: integer(flags.lines, "--lines"),
        timeScale: positive(flags.timeScale, "--time-scale"),
        ...(flags.state ? { stateFile: flags.state } : {}),
        ...(flags.faults ? { faults: flags.faults } : {}),
        bulkClaims: bulkClaims(flags.bulkClaims),
      });
      const facts = {
        serverUrl: sandbox.serverUrl,
        clientId: sandbox.clientId,
        clientSecret: sandbox.clientSecret,
        jwt: sandbox.jwt,
      };
      if (flags.json) console.log(JSON.stringify(facts));
      else printBanner(facts, sandbox.owner, flags);
      const stop = (): void => {
        sandbox.close().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(error instanceof Error ? error.message : String(error));
            process.exit(1);
          },
        );
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}

function printBanner(
  facts: { serverUrl: string; clientId: string; clientSecret: string; jwt: string },
  owner: { username: string; password: string },
  flags: SandboxFlags,
): void {
  console.log(`RingCentral sandbox listening on ${facts.serverUrl}`);
  console.log(`  client id      ${facts.clientId}`);
  console.log(`  client secret  ${facts.clientSecret}`);
  console.log(`  JWT            ${facts.jwt}`);
  console.log(`  sign-in page   ${owner.username} / ${owner.password}`);
  if (flags.timeScale !== "1") console.log(`  time scale     ${flags.timeScale}x`);
  if (flags.state) console.log(`  state file     ${flags.state} (saved on Ctrl-C)`);
  console.log("Ctrl-C to stop.");
}

function integer(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} must be a whole number, got ${value}`);
  return n;
}

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!(n > 0)) throw new Error(`${flag} must be a positive number, got ${value}`);
  return n;
}

function bulkClaims(value: string): BulkClaims {
  if (value === "accepted" || value === "records" || value === "whole") return value;
  throw new Error(`--bulk-claims is accepted, records or whole, not "${value}"`);
}

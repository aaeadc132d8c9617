import { randomInt } from "node:crypto";
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { RecordingTransport } from "../../first-contact/exchange-record";
import { NOT_USED_BY_THE_PRODUCT, runProbe } from "../../first-contact/ringcentral-probe";
import { type ProbeReport, writeProbeReport } from "../../first-contact/ringcentral-report";
import { RingCentralClient } from "../../ringcentral/client";
import { systemClock } from "../../ringcentral/clock";
import { MemoryTokenStore } from "../../ringcentral/token";
import { FetchTransport } from "../fetch-transport";
import { credentialsFor, serverAddress } from "./connection";

/**
 * `rcsheets probe --server URL [--out FILE] [--claim-line]`: first contact with a RingCentral developer account
 * (never a customer's): every operation the product sends, on things the probe makes and removes, recorded without secrets as
 * JSON Lines (docs/first-contact/README.md). Its sign-in is its own, kept in memory and revoked at the end.
 * Exit 1 when a step failed (the report says which), 0 otherwise.
 */
export function probeCommand(program: Command): void {
  program
    .command("probe")
    .description("run each RingCentral operation the product uses on things it makes and removes; record the exchanges")
    .option("--server <url>", "the RingCentral server (or RC_SERVER)")
    .option("--out <file>", "where the report goes (JSON Lines); stdout when not given")
    .option("--claim-line", "also claim an unassigned line and release it (a developer account only)")
    .action(async (options: { server?: string; out?: string; claimLine?: boolean }) => {
      const report = await probeServer(serverAddress(options.server), { claimLine: Boolean(options.claimLine) });
      const text = writeProbeReport(report);
      if (options.out) writeFileSync(options.out, text);
      else process.stdout.write(text);
      const failed = report.header.steps.filter((s) => s.outcome.startsWith("failed"));
      for (const s of failed) console.error(`${s.step}: ${s.outcome}`);
      if (options.out) console.error(`${report.exchanges.length} exchanges, ${failed.length} failed steps: ${options.out}`);
      if (failed.length > 0) process.exitCode = 1;
    });
}

/** The probe against `server` with the CLI's credentials (RC_* or a local sandbox's own). */
export async function probeServer(server: string, options: { claimLine: boolean }): Promise<ProbeReport> {
  const credentials = await credentialsFor(server);
  const recorder = new RecordingTransport(new FetchTransport());
  const client = new RingCentralClient({ server, ...credentials, transport: recorder, store: new MemoryTokenStore() });
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const steps = await runProbe(client, recorder, {
    ...options,
    stamp,
    random: { below: (n) => randomInt(n) },
    sleep: (ms) => systemClock.sleep(ms),
  });
  return {
    header: {
      kind: "rcsheets-ringcentral-first-contact",
      version: 1,
      server,
      madeAt: new Date().toISOString(),
      claimLine: options.claimLine,
      steps,
      notProbed: { operations: [...NOT_USED_BY_THE_PRODUCT], why: "the product never sends them" },
    },
    exchanges: recorder.exchanges,
  };
}

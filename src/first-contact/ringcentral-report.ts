import type { RecordedExchange } from "./exchange-record";
import type { StepOutcome } from "./ringcentral-probe";

/**
 * A RingCentral first-contact report as kept under docs/first-contact/: JSON Lines, the first line what was probed
 * and how each step went, then one recorded exchange a line, in the order they were sent.
 */
export interface ProbeHeader {
  kind: "rcsheets-ringcentral-first-contact";
  version: 1;
  server: string;
  madeAt: string;
  claimLine: boolean;
  steps: StepOutcome[];
  notProbed: { operations: string[]; why: string };
}

export interface ProbeReport {
  header: ProbeHeader;
  exchanges: RecordedExchange[];
}

export function writeProbeReport(report: ProbeReport): string {
  return `${[report.header, ...report.exchanges].map((line) => JSON.stringify(line)).join("\n")}\n`;
}

/** Reads a report; a line that is not one says which (`name`: the file, for the message). */
export function readProbeReport(text: string, name: string): ProbeReport {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const parsed = lines.map((line, i) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new Error(`${name} line ${i + 1} is not JSON.`);
    }
  });
  const [header, ...exchanges] = parsed;
  if ((header as ProbeHeader | undefined)?.kind !== "rcsheets-ringcentral-first-contact")
    throw new Error(`${name} line 1 is not a RingCentral first-contact header (kind "rcsheets-ringcentral-first-contact").`);
  exchanges.forEach((exchange, i) => {
    const e = exchange as Partial<RecordedExchange>;
    if (typeof e.step !== "string" || typeof e.request?.path !== "string" || typeof e.response?.status !== "number")
      throw new Error(`${name} line ${i + 2} is not a recorded exchange (step, request.path, response.status).`);
  });
  return { header: header as ProbeHeader, exchanges: exchanges as RecordedExchange[] };
}

import type { RecordedExchange } from "./exchange-record";
import { shapeOf } from "./json-shape";
import type { ProbeReport } from "./ringcentral-report";

/**
 * A recorded probe (a real account's) against the same probe run on the local sandbox now: each difference as a
 * sentence naming the step and exchange. The same steps must end alike (done, failed, skipped); each exchange of a
 * step must have the same method, status and error code, and every field the sandbox answers must be in the
 * recorded answer with the same JSON type (the product may read it). Fields only the platform answers are the
 * sandbox's to add when the product comes to need them: they are not differences.
 */
export function exchangeDifferences(recorded: ProbeReport, sandbox: ProbeReport): string[] {
  return [
    ...stepDifferences(recorded, sandbox),
    ...stepNames(recorded, sandbox).flatMap((step) => perStep(step, recorded, sandbox)),
  ];
}

const kindOf = (outcome: string | undefined) => outcome?.split(":")[0] ?? "not run";

function stepDifferences(recorded: ProbeReport, sandbox: ProbeReport): string[] {
  const now = new Map(sandbox.header.steps.map((s) => [s.step, s.outcome]));
  const then = new Map(recorded.header.steps.map((s) => [s.step, s.outcome]));
  return [...new Set([...then.keys(), ...now.keys()])]
    .filter((step) => kindOf(then.get(step)) !== kindOf(now.get(step)))
    .map((step) => `step ${step}: the report says "${then.get(step) ?? "not run"}", the sandbox "${now.get(step) ?? "not run"}"`);
}

function stepNames(recorded: ProbeReport, sandbox: ProbeReport): string[] {
  return [...new Set([...recorded.exchanges, ...sandbox.exchanges].map((e) => e.step))];
}

/** A step's exchanges, pair by pair (a step that looks until a task ends may make more looks on one side). */
function perStep(step: string, recorded: ProbeReport, sandbox: ProbeReport): string[] {
  const then = recorded.exchanges.filter((e) => e.step === step);
  const now = sandbox.exchanges.filter((e) => e.step === step);
  if (then.length === 0 || now.length === 0)
    return [`step ${step}: ${then.length} exchanges in the report, ${now.length} with the sandbox`];
  return then.slice(0, now.length).flatMap((exchange, i) => pairDifferences(exchange, now[i] as RecordedExchange, i));
}

function pairDifferences(then: RecordedExchange, now: RecordedExchange, index: number): string[] {
  const name = `step ${then.step}, exchange ${index + 1} (${then.request.method} ${then.request.path})`;
  if (then.request.method !== now.request.method)
    return [`${name}: the report sent ${then.request.method}, the probe now sends ${now.request.method}`];
  if (then.response.status !== now.response.status)
    return [`${name}: status ${then.response.status} in the report, ${now.response.status} from the sandbox`];
  const errorThen = errorCode(then.response.body);
  const errorNow = errorCode(now.response.body);
  if (errorThen !== errorNow) return [`${name}: error code ${errorThen} in the report, ${errorNow} from the sandbox`];
  const shapeThen = shapeOf(then.response.body);
  return [...shapeOf(now.response.body)]
    .filter(([path, type]) => shapeThen.get(path) !== type)
    .map(
      ([path, type]) =>
        `${name}: the sandbox answers ${path || "a body"} as ${type}, the report ${shapeThen.get(path) ?? "not at all"}`,
    );
}

function errorCode(body: unknown): string | undefined {
  return (body as { errorCode?: string } | undefined)?.errorCode;
}

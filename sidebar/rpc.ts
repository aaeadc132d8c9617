import { counted } from "../src/domain/counted";
import type { ServerFunctionName, ServerFunctions } from "../src/server/functions";
import type { InputOf, OutputOf } from "../src/server/server-function";

/**
 * The sidebar's one way to the server, typed from the server's table: a name that is not a server function, or an
 * input of the wrong shape, does not compile. It goes through google.script.run: Google's in Sheets, the local
 * playground's (which runs the same dist/Code.js in the local Apps Script runtime) on this machine.
 */
export function rpc<K extends ServerFunctionName>(
  name: K,
  input?: InputOf<ServerFunctions[K]>,
): Promise<Awaited<OutputOf<ServerFunctions[K]>>> {
  const script = (globalThis as { google?: { script?: { run?: GoogleScriptRun } } }).google?.script?.run;
  if (!script) return Promise.reject(new Error("google.script.run is missing: open the sidebar from the add-on menu."));
  return withinTime(callWith(script))(name, input) as Promise<Awaited<OutputOf<ServerFunctions[K]>>>;
}

interface GoogleScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): GoogleScriptRun;
  withFailureHandler(handler: (error: Error) => void): GoogleScriptRun;
  [name: string]: unknown;
}

type Transport = (name: string, input: unknown) => Promise<unknown>;

/**
 * No Apps Script execution outlives this. A sync chunk's budget does not bound its execution: the budget is for
 * sending, and reading a large sheet comes on top, so the sidebar waits for the limit whatever the budget.
 */
const EXECUTION_LIMIT_MS = 6 * 60_000;
/** For the answer's way back and an execution that started late. */
const MARGIN_MS = 60_000;
/** Functions that carry on where they stopped when called again. */
const RESUMABLE = new Set(["runSync", "retryFailed"]);

/**
 * Every server function finishes its work, RingCentral calls included, before its execution returns
 * (src/gas/main.ts), so its answer is the outcome itself. An execution that was killed may never answer: the
 * sidebar stops waiting after an execution's time and a margin.
 */
function withinTime(call: Transport): Transport {
  return (name, input) => {
    const waitMs = EXECUTION_LIMIT_MS + MARGIN_MS;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(silence(name, waitMs))), waitMs);
      call(name, input).then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  };
}

function silence(name: string, waitedMs: number): string {
  const minutes = Math.round(waitedMs / 60_000);
  const waited = `The server did not answer within ${counted(minutes, "minute")}`;
  return RESUMABLE.has(name)
    ? `${waited}; the sync may still be running: press Sync again to resume where it stopped.`
    : `${waited}: try again.`;
}

function callWith(run: GoogleScriptRun): Transport {
  return (name, input) =>
    new Promise((resolve, reject) => {
      const fail = (error: Error) => reject(new Error(withoutName(error.message)));
      const runner = run.withSuccessHandler(resolve).withFailureHandler(fail) as unknown as Record<
        string,
        (...args: unknown[]) => void
      >;
      const call = runner[name];
      if (typeof call !== "function") reject(new Error(`The add-in has no server function ${name}.`));
      // No argument rather than `undefined`: google.script.run refuses undefined.
      else if (input === undefined) call();
      else call(input);
    });
}

/** "Exception: Lock timeout…" as the person reads it: the error's class name says nothing to them. */
function withoutName(message: string): string {
  return message.replace(/^(Exception|[A-Z][A-Za-z]*Error): /, "");
}

import type { ServerFunctionName, ServerFunctions } from "../src/server/functions";
import type { InputOf, OutputOf } from "../src/server/server-function";

/**
 * The sidebar's one way to the server, typed from the server's table: a name that is not a server function, or an
 * input of the wrong shape, does not compile. In Sheets it goes through google.script.run; in the local
 * playground, over HTTP to the same functions.
 */
export function rpc<K extends ServerFunctionName>(
  name: K,
  input?: InputOf<ServerFunctions[K]>,
): Promise<OutputOf<ServerFunctions[K]>> {
  const script = (globalThis as { google?: { script?: { run?: GoogleScriptRun } } }).google?.script?.run;
  return (script ? viaAppsScript(script) : viaHttp)(name, input) as Promise<OutputOf<ServerFunctions[K]>>;
}

interface GoogleScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): GoogleScriptRun;
  withFailureHandler(handler: (error: Error) => void): GoogleScriptRun;
  [name: string]: unknown;
}

type Transport = (name: string, input: unknown) => Promise<unknown>;

function viaAppsScript(run: GoogleScriptRun): Transport {
  return (name, input) =>
    new Promise((resolve, reject) => {
      const runner = run.withSuccessHandler(resolve).withFailureHandler(reject) as unknown as Record<
        string,
        (arg: unknown) => void
      >;
      const call = runner[name];
      if (typeof call !== "function") reject(new Error(`The add-in has no server function ${name}.`));
      else call(input);
    });
}

const viaHttp: Transport = async (name, input) => {
  const response = await fetch(`/rpc/${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input ?? null),
  });
  const body = (await response.json()) as { result?: unknown; error?: string };
  if (!response.ok) throw new Error(body.error ?? `${name} failed (${response.status}).`);
  return body.result;
};

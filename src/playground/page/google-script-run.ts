/**
 * `google.script.run` for the sidebar in the playground, injected into the page the add-in's `showSidebar` made, as
 * Google injects it in Sheets. A call becomes one request to the playground, which runs it as an execution of the
 * local Apps Script runtime over dist/Code.js. Arguments travel with their types marked (a Date, a function,
 * `undefined`), so that the runtime, not this page, decides what Apps Script would refuse.
 */

type Handler = (value: unknown, userObject: unknown) => void;

interface Handlers {
  success: Handler | null;
  failure: Handler | null;
  userObject: unknown;
}

/** The per-start secret, written into this script by the playground when it serves the sidebar. */
const SECRET = "__PLAYGROUND_SECRET__";

/** A value as JSON, with what JSON would silently lose marked instead (the runtime refuses those). */
function encode(value: unknown): unknown {
  if (value === undefined) return { $type: "undefined" };
  if (typeof value === "function") return { $type: "function" };
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return { $type: "Date", value: value.getTime() };
  if (Array.isArray(value)) return value.map(encode);
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return { $type: "object", name: prototype?.constructor?.name ?? "" };
  const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, encode(item)]);
  // A key named "$type" would be read as a mark: wrap such objects.
  return "$type" in (value as object) ? { $type: "plain", value: Object.fromEntries(entries) } : Object.fromEntries(entries);
}

/**
 * "The google.script.run API allows 10 concurrent calls to server functions. If you make an 11th call while 10 are
 * still running, the server function will be delayed until one of the 10 spots is freed."
 * (developers.google.com/apps-script/guides/html/communication)
 */
const CONCURRENT_CALLS = 10;
let running = 0;
const delayed: (() => void)[] = [];

/** A call starts when one of the 10 spots is free, in the order the page made them. */
async function call(name: string, args: unknown[], handlers: Handlers): Promise<void> {
  // The arguments are copied when the call is made, as Google's are, even when it waits for a spot.
  const encoded = args.map(encode);
  if (running >= CONCURRENT_CALLS) await new Promise<void>((start) => delayed.push(start));
  else running++;
  try {
    await execute(name, encoded, handlers);
  } finally {
    const next = delayed.shift();
    // The freed spot passes straight to the next delayed call, so a new call cannot jump the queue.
    if (next) next();
    else running--;
  }
}

async function execute(name: string, args: unknown[], handlers: Handlers): Promise<void> {
  let answer: { value?: unknown; error?: string };
  try {
    const response = await fetch(`/exec/${encodeURIComponent(name)}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-playground-secret": SECRET },
      body: JSON.stringify({ args }),
    });
    answer = (await response.json()) as { value?: unknown; error?: string };
  } catch {
    answer = { error: "NetworkError: Connection failure due to HTTP 0" };
  }
  if (answer.error !== undefined) handlers.failure?.(new Error(answer.error), handlers.userObject);
  else handlers.success?.(answer.value ?? null, handlers.userObject);
}

/** A runner as google.script.run is one: each with… returns a new runner; any other name calls that function. */
function runner(handlers: Handlers): unknown {
  return new Proxy(
    {},
    {
      get(_target, key) {
        if (key === "withSuccessHandler") return (success: Handler) => runner({ ...handlers, success });
        if (key === "withFailureHandler") return (failure: Handler) => runner({ ...handlers, failure });
        if (key === "withUserObject") return (userObject: unknown) => runner({ ...handlers, userObject });
        if (typeof key !== "string" || key === "then") return undefined;
        return (...args: unknown[]) => {
          void call(key, args, handlers);
        };
      },
    },
  );
}

const target = window as unknown as { google?: { script?: Record<string, unknown> } };
target.google = {
  script: {
    run: runner({ success: null, failure: null, userObject: undefined }),
    host: { close: () => window.parent.postMessage({ playground: "closeSidebar" }, window.location.origin) },
  },
};

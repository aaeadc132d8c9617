/**
 * The Apps Script composition root, and the build's entry: what Apps Script sees. The build makes every key of `functions` and `triggers` a top-level function of the
 * bundle (Apps Script calls only those), so this file alone decides the add-in's surface.
 */
import { type ServerFunctions, serverFunctions } from "../server/functions";
import { type AnyServerFunction, type InputOf, invoke, type OutputOf } from "../server/server-function";
import { appsScriptHome } from "./home";
import { settledNow } from "./queued-promise";
import * as gasTriggers from "./triggers";

type Bound = {
  [K in keyof ServerFunctions]: (input?: InputOf<ServerFunctions[K]>) => Awaited<OutputOf<ServerFunctions[K]>>;
};

/**
 * Each function on the active spreadsheet, its work (RingCentral calls included) finished before it returns: Google
 * does not say that promise jobs left at the return ever run, and google.script.run carries no Promise.
 */
function bindToAppsScript(): Bound {
  const bound: Record<string, (input?: unknown) => unknown> = {};
  for (const [name, fn] of Object.entries(serverFunctions) as [string, AnyServerFunction][])
    bound[name] = (input) => settledNow(() => invoke(name, fn, appsScriptHome(), input));
  return bound as Bound;
}

/** Menus and triggers, each finished before it returns as the sidebar's functions are. */
function finishedBeforeReturn<T extends Record<string, (...args: never[]) => unknown>>(table: T): T {
  const finished: Record<string, (...args: never[]) => unknown> = {};
  for (const [name, fn] of Object.entries(table)) finished[name] = (...args) => settledNow(() => fn(...args));
  return finished as T;
}

/** The sidebar's functions, run against the active spreadsheet. */
export const functions = bindToAppsScript();

/** Menus and triggers. */
export const triggers = finishedBeforeReturn(gasTriggers);

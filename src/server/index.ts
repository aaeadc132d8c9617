/**
 * What Apps Script sees. The build makes every key of `functions` and `triggers` a top-level function of the
 * bundle (Apps Script calls only those), so this file alone decides the add-in's surface.
 */
import { appsScriptHome } from "../gas/home";
import * as gasTriggers from "../gas/triggers";
import { type ServerFunctions, serverFunctions } from "./functions";
import { type AnyServerFunction, type InputOf, invoke, type OutputOf } from "./server-function";

type Bound = { [K in keyof ServerFunctions]: (input?: InputOf<ServerFunctions[K]>) => OutputOf<ServerFunctions[K]> };

function bindToAppsScript(): Bound {
  const bound: Record<string, (input?: unknown) => unknown> = {};
  for (const [name, fn] of Object.entries(serverFunctions) as [string, AnyServerFunction][])
    bound[name] = (input) => invoke(name, fn, appsScriptHome(), input);
  return bound as Bound;
}

/** The sidebar's functions, run against the active spreadsheet. */
export const functions = bindToAppsScript();

/** Menus and triggers. */
export const triggers = { ...gasTriggers };

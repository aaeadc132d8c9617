/**
 * The Apps Script composition root, and the build's entry: what Apps Script sees. The build makes every key of `functions` and `triggers` a top-level function of the
 * bundle (Apps Script calls only those), so this file alone decides the add-in's surface.
 */
import { type ServerFunctions, serverFunctions } from "../server/functions";
import { type AnyServerFunction, type InputOf, invoke } from "../server/server-function";
import { appsScriptHome } from "./home";
import { settleLater, takeResult } from "./pending-results";
import * as gasTriggers from "./triggers";

type Bound = { [K in keyof ServerFunctions]: (input?: InputOf<ServerFunctions[K]>) => unknown };

/** Each function on the active spreadsheet; an asynchronous one answers a ticket for takeResult (pending-results). */
function bindToAppsScript(): Bound {
  const bound: Record<string, (input?: unknown) => unknown> = {};
  for (const [name, fn] of Object.entries(serverFunctions) as [string, AnyServerFunction][])
    bound[name] = (input) => {
      const result: unknown = invoke(name, fn, appsScriptHome(), input);
      return result instanceof Promise ? settleLater(result) : result;
    };
  return bound as Bound;
}

/** The sidebar's functions, run against the active spreadsheet. */
export const functions = bindToAppsScript();

/** Menus, triggers, and the collection of asynchronous results. */
export const triggers = { ...gasTriggers, takeResult };

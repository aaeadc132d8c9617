import { selectCell } from "./select-cell";
import { setUpWorkspace } from "./set-up-workspace";
import { validate } from "./validate";

/**
 * Every function the sidebar may call, by name. The Apps Script bundle makes each a top-level function, the
 * playground's bridge calls only these, and the sidebar's rpc module is typed from this table.
 */
export const serverFunctions = {
  validate,
  setUpWorkspace,
  selectCell,
};

export type ServerFunctions = typeof serverFunctions;
export type ServerFunctionName = keyof ServerFunctions;

/**
 * Apps Script's limits on executions (developers.google.com/apps-script/guides/services/quotas#current_limitations)
 * and its texts when one is reached.
 */

/** Script runtime: 6 min / execution. */
export const SCRIPT_RUNTIME_MS = 6 * 60_000;
/** Simple triggers cannot run for longer than 30 seconds (developers.google.com/apps-script/guides/triggers). */
export const SIMPLE_TRIGGER_RUNTIME_MS = 30_000;
/** Simultaneous executions per user: 30. */
export const SIMULTANEOUS_EXECUTIONS_PER_USER = 30;

export const EXCEEDED_MAXIMUM_EXECUTION_TIME = "Exceeded maximum execution time";
export const TOO_MANY_SIMULTANEOUS = "There are too many scripts running simultaneously for this Google user account.";

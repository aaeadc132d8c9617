import { ApiError } from "./api-error";
import { NetworkError } from "./http";
import { OutOfTimeError } from "./out-of-time";

/**
 * A call whose effect nobody knows: its answer was lost, cut short by the execution's end, or a server error. What it
 * asked may have happened; only reading the account again tells.
 */
export function inDoubt(error: unknown): boolean {
  return (
    error instanceof NetworkError ||
    (error instanceof OutOfTimeError && error.inDoubt) ||
    (error instanceof ApiError && error.status >= 500)
  );
}

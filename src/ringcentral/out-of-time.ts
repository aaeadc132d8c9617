/**
 * A wait (backoff, the rate window, a Retry-After penalty) or a retry that could not end before the time given to
 * `finishBy`: the call was not (or not again) sent. After an attempt without an answer it may still have happened.
 */
export class OutOfTimeError extends Error {
  /** An earlier attempt of the call went out and got no answer, or a server error: it may have taken effect. */
  inDoubt = false;

  constructor(waitMs: number) {
    super(`No time left in this execution to wait ${Math.ceil(waitMs / 1000)} s for RingCentral: the next chunk goes on.`);
    this.name = "OutOfTimeError";
  }
}

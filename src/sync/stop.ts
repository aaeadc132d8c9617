import { ApiError } from "../ringcentral/api-error";
import { NotSignedInError } from "../ringcentral/client";

/**
 * Why a chunk stopped before its end. Only a wrong credential or a missing permission stops a whole run: a person
 * must act. Anything else (a server error, the rate limit, a lost connection that outlasted the retries) ends the
 * chunk with what was done written back, and the next run goes on.
 */
export interface SyncStop {
  kind: "credential" | "permission" | "unavailable";
  message: string;
}

export function stopOf(error: unknown, during: string): SyncStop {
  if (error instanceof NotSignedInError) return { kind: "credential", message: error.message };
  if (error instanceof ApiError && (error.status === 401 || error.errorCode.startsWith("OAU-")))
    return {
      kind: "credential",
      message: `RingCentral refused the credential while ${during} (${error.errorCode}): check the app's client id and secret and the JWT, or connect again.`,
    };
  if (error instanceof ApiError && error.status === 403)
    return {
      kind: "permission",
      message: `RingCentral refused a permission while ${during} (${error.errorCode}: ${error.message}): give the app that permission, or connect as an administrator who has it.`,
    };
  const why =
    error instanceof ApiError ? `${error.message} [${error.errorCode}]` : error instanceof Error ? error.message : String(error);
  return {
    kind: "unavailable",
    message: `RingCentral did not answer while ${during} (${why}). What was done is written back; sync again to go on.`,
  };
}

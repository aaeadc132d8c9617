/** What a handler answers. The server turns it into an HTTP response; handlers never touch the socket. */
export interface Reply {
  status: number;
  body?: unknown;
  /** Raw text bodies (the sign-in page) instead of JSON. */
  html?: string;
  headers?: Record<string, string>;
}

export interface ErrorEntry {
  errorCode: string;
  message: string;
  parameterName?: string;
  parameterValue?: string;
}

export function json(body: unknown, status = 200): Reply {
  return { status, body };
}

export function noContent(): Reply {
  return { status: 204 };
}

/**
 * The platform's error body: top-level `errorCode` and `message` (as real responses carry, e.g. EXT-413) plus the
 * `errors[]` the spec describes. Clients are meant to act on `errorCode` and `parameterName`, never the message.
 */
export function platformError(status: number, errors: readonly ErrorEntry[]): Reply {
  const first = errors[0] ?? { errorCode: "CMN-500", message: "Internal error" };
  return { status, body: { errorCode: first.errorCode, message: first.message, errors } };
}

export function refuse(
  status: number,
  errorCode: string,
  message: string,
  parameterName?: string,
  parameterValue?: string,
): Reply {
  const entry: ErrorEntry = { errorCode, message };
  if (parameterName !== undefined) entry.parameterName = parameterName;
  if (parameterValue !== undefined) entry.parameterValue = parameterValue;
  return platformError(status, [entry]);
}

/** A parameter the platform does not accept (CMN-101, 400). */
export function invalidParameter(parameterName: string, message?: string, parameterValue?: string): Reply {
  return refuse(400, "CMN-101", message ?? `Parameter [${parameterName}] value is invalid`, parameterName, parameterValue);
}

/** A resource that does not exist (CMN-102, 404). */
export function notFound(parameterName: string, parameterValue?: string): Reply {
  return refuse(404, "CMN-102", `Resource for parameter [${parameterName}] is not found`, parameterName, parameterValue);
}

/** OAuth errors carry the RFC 6749 `error` next to the platform's `errors[]`. */
export function oauthError(status: number, error: string, errorCode: string, description: string): Reply {
  return {
    status,
    body: { error, error_description: description, errors: [{ errorCode, message: description }] },
  };
}

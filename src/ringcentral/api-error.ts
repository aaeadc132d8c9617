import type { HttpResponse } from "./http";

/**
 * A refusal from the platform, with what a caller can act on: the HTTP status, the platform's error code and the
 * parameter it names (handle duplicates by parameterName, never by message text).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly parameterName: string | undefined;
  /** Seconds to wait before trying again, for a 429. */
  readonly retryAfter: number | undefined;

  constructor(status: number, details: { errorCode: string; message: string; parameterName?: string; retryAfter?: number }) {
    super(details.message);
    this.name = "ApiError";
    this.status = status;
    this.errorCode = details.errorCode;
    this.parameterName = details.parameterName;
    this.retryAfter = details.retryAfter;
  }

  static from(response: HttpResponse): ApiError {
    const body = parseBody(response.body);
    const first = body.errors?.[0];
    const retryAfter = response.headers["retry-after"];
    return new ApiError(response.status, {
      errorCode: body.errorCode ?? first?.errorCode ?? body.error ?? `HTTP-${response.status}`,
      message: body.message ?? first?.message ?? body.error_description ?? `The platform answered ${response.status}.`,
      parameterName: first?.parameterName,
      retryAfter: retryAfter === undefined ? undefined : Number(retryAfter),
    });
  }
}

interface ErrorBody {
  errorCode?: string;
  message?: string;
  error?: string;
  error_description?: string;
  errors?: { errorCode?: string; message?: string; parameterName?: string }[];
}

function parseBody(text: string): ErrorBody {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" ? (parsed as ErrorBody) : {};
  } catch {
    return {};
  }
}

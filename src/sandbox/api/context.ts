import type { IncomingHttpHeaders } from "node:http";
import type { Reply } from "../http/reply";
import type { RequestBody } from "../http/request-body";
import type { Session } from "../oauth/sessions";
import type { Platform } from "../platform";

/** One API request as a handler sees it. */
export interface ApiRequest {
  platform: Platform;
  params: Record<string, string>;
  query: URLSearchParams;
  body: RequestBody;
  headers: IncomingHttpHeaders;
  /** `http://127.0.0.1:port`, for the absolute `uri`s the platform returns. */
  baseUrl: string;
}

/** A request that passed the bearer check. */
export interface AuthorizedRequest extends ApiRequest {
  session: Session;
}

export type Handler<R extends ApiRequest> = (request: R) => Reply | Promise<Reply>;

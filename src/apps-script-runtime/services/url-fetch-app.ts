import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { AppsScriptException } from "../exception";
import type { Execution, HostService } from "../host-service";
import { Blob } from "./blob";
import { type Bytes, bufferText, toBuffer, toBytes } from "./bytes";
import { requestRefusal, responseRefusal, type UrlFetchQuota } from "./url-fetch-limits";

/**
 * UrlFetchApp (developers.google.com/apps-script/reference/url-fetch/url-fetch-app). The script sees the URLs it
 * asked for; the runtime sends each request to the local origin its route names, as a hosts file would (the Host
 * header keeps the script's host). A destination without a route is unreachable: the real network is never used.
 */
export type Routes = Readonly<Record<string, string>>;

export interface FetchParams {
  method?: string;
  headers?: Record<string, string>;
  contentType?: string;
  payload?: string | Bytes | Record<string, unknown> | Blob;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
  validateHttpsCertificates?: boolean;
  escaping?: boolean;
}

const TRUNCATED_RESPONSE_LENGTH = 100;
const FETCH_TIMEOUT_MS = 60_000;
const MAX_REDIRECTS = 10;
const USER_AGENT = "Mozilla/5.0 (compatible; Google-Apps-Script; beanserver; +https://script.google.com; id: local)";

export const notWhitelisted = (url: string) =>
  `URL (${url}) does not match any of the prefixes whitelisted for use in the add-on.`;
export const requestFailed = (url: string, code: number, body: string) =>
  `Request failed for ${new URL(url).origin} returned code ${code}. Truncated server response: ${
    body.length > TRUNCATED_RESPONSE_LENGTH ? `${body.slice(0, TRUNCATED_RESPONSE_LENGTH)}...` : body
  } (use muteHttpExceptions option to examine full response)`;

export class HTTPResponse {
  readonly #code: number;
  readonly #rawHeaders: string[];
  readonly #body: Buffer;

  constructor(code: number, rawHeaders: string[], body: Buffer) {
    this.#code = code;
    this.#rawHeaders = rawHeaders;
    this.#body = body;
  }

  get [Symbol.toStringTag]() {
    return "HTTPResponse";
  }

  getResponseCode(): number {
    return this.#code;
  }

  getContentText(charset?: string): string {
    return bufferText(this.#body, charset);
  }

  getContent(): Bytes {
    return toBytes(this.#body);
  }

  getHeaders(): Record<string, string> {
    const headers: Record<string, string> = {};
    for (let i = 0; i + 1 < this.#rawHeaders.length; i += 2)
      headers[this.#rawHeaders[i] as string] = this.#rawHeaders[i + 1] as string;
    return headers;
  }

  getAllHeaders(): Record<string, string | string[]> {
    const headers: Record<string, string | string[]> = {};
    for (let i = 0; i + 1 < this.#rawHeaders.length; i += 2) {
      const name = this.#rawHeaders[i] as string;
      const value = this.#rawHeaders[i + 1] as string;
      const known = headers[name];
      headers[name] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value];
    }
    return headers;
  }

  getBlob(): Blob {
    const type = this.getAllHeaders()["Content-Type"] ?? this.getAllHeaders()["content-type"];
    return new Blob(Buffer.from(this.#body), Array.isArray(type) ? type[0] : type);
  }

  getAs(contentType: string): Blob {
    return this.getBlob().getAs(contentType);
  }
}

interface Prepared {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
  params: FetchParams;
}

function prepare(url: string, params: FetchParams = {}): Prepared {
  const headers: Record<string, string> = { "User-Agent": USER_AGENT, ...(params.headers ?? {}) };
  let body: Buffer | undefined;
  const { payload } = params;
  if (payload !== undefined && payload !== null) {
    let contentType = params.contentType ?? "application/x-www-form-urlencoded";
    if (payload instanceof Blob) {
      body = Blob.data(payload);
      contentType = params.contentType ?? payload.getContentType() ?? contentType;
    } else if (typeof payload === "string" || Array.isArray(payload)) body = toBuffer(payload);
    else
      body = Buffer.from(
        Object.entries(payload)
          .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
          .join("&"),
      );
    headers["Content-Type"] = contentType;
  }
  return { url: String(url), method: String(params.method ?? "get").toUpperCase(), headers, body, params };
}

class UrlFetchAppRoot {
  readonly #routes: Routes;
  readonly #whitelist: readonly string[] | undefined;
  readonly #quota: UrlFetchQuota;
  readonly #user: string;

  constructor(routes: Routes, whitelist: readonly string[] | undefined, quota: UrlFetchQuota, user: string) {
    this.#routes = routes;
    this.#whitelist = whitelist;
    this.#quota = quota;
    this.#user = user;
  }

  get [Symbol.toStringTag]() {
    return "UrlFetchApp";
  }

  fetch(url: string, params?: FetchParams): Promise<HTTPResponse> {
    return this.#fetch(prepare(url, params));
  }

  fetchAll(requests: (FetchParams & { url: string })[]): Promise<HTTPResponse[]> {
    const prepared = requests.map((request) => prepare(request.url, request));
    // Each request is a call against the limits and the day's quota; one refused sends none.
    for (const request of prepared) this.#admit(request);
    return Promise.all(prepared.map((request) => this.#fetch(request, true)));
  }

  getRequest(url: string, params: FetchParams = {}): Record<string, unknown> {
    const prepared = prepare(url, params);
    return {
      url: prepared.url,
      method: prepared.method.toLowerCase(),
      headers: prepared.headers,
      payload: prepared.body?.toString("utf8") ?? "",
      contentType: prepared.headers["Content-Type"] ?? null,
      followRedirects: params.followRedirects !== false,
      muteHttpExceptions: params.muteHttpExceptions === true,
      validateHttpsCertificates: params.validateHttpsCertificates !== false,
      useIntranet: false,
    };
  }

  /** The allowlist, the limits on a call, then the person's quota for the day (quotas.md: exceeding one throws). */
  #admit(request: Prepared): void {
    if (this.#whitelist && !this.#whitelist.some((prefix) => withPath(request.url).startsWith(prefix)))
      throw new AppsScriptException(notWhitelisted(request.url));
    const refusal = requestRefusal(request) ?? this.#quota.take(this.#user);
    if (refusal) throw new AppsScriptException(refusal);
  }

  async #fetch(request: Prepared, admitted = false): Promise<HTTPResponse> {
    if (!admitted) this.#admit(request);
    let url = request.url;
    let method = request.method;
    let body = request.body;
    for (let redirects = 0; ; redirects++) {
      const answer = await send(this.#local(url), { ...request, method, body });
      const tooLarge = responseRefusal(answer.body.length);
      if (tooLarge) throw new AppsScriptException(tooLarge);
      const location = [answer.headers.location].flat()[0];
      if (request.params.followRedirects === false || !location || redirects >= MAX_REDIRECTS || !isRedirect(answer.code)) {
        const response = new HTTPResponse(answer.code, answer.rawHeaders, answer.body);
        if (answer.code >= 400 && request.params.muteHttpExceptions !== true)
          throw new AppsScriptException(requestFailed(url, answer.code, answer.body.toString("utf8")));
        return response;
      }
      url = new URL(location, url).toString();
      if (answer.code === 303 || ((answer.code === 301 || answer.code === 302) && method === "POST")) {
        method = "GET";
        body = undefined;
      }
    }
  }

  /** The local URL a script-visible URL is sent to. */
  #local(url: string): { target: URL; visible: URL } {
    let visible: URL;
    try {
      visible = new URL(url);
    } catch {
      throw new AppsScriptException(`Invalid argument: ${url}`);
    }
    const route = this.#routes[visible.origin];
    if (!route) throw new AppsScriptException(`DNS error: ${url}`);
    const target = new URL(visible.pathname + visible.search, route);
    return { target, visible };
  }
}

const isRedirect = (code: number) => [301, 302, 303, 307, 308].includes(code);
const withPath = (url: string) => (/^[a-z]+:\/\/[^/]+$/i.test(url) ? `${url}/` : url);

function send(
  where: { target: URL; visible: URL },
  request: { method: string; headers: Record<string, string>; body: Buffer | undefined },
): Promise<{ code: number; rawHeaders: string[]; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { target, visible } = where;
  const make = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = make(
      target,
      {
        method: request.method,
        headers: {
          ...request.headers,
          Host: visible.host,
          ...(request.body ? { "Content-Length": String(request.body.length) } : {}),
        },
        timeout: FETCH_TIMEOUT_MS,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () =>
          resolve({
            code: incoming.statusCode ?? 0,
            rawHeaders: incoming.rawHeaders,
            headers: incoming.headers,
            body: Buffer.concat(chunks),
          }),
        );
        incoming.on("error", () => reject(new AppsScriptException(`Address unavailable: ${visible.toString()}`)));
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new AppsScriptException(`Timeout: ${visible.toString()}`)));
    outgoing.on("error", (error) =>
      reject(error instanceof AppsScriptException ? error : new AppsScriptException(`Address unavailable: ${visible}`)),
    );
    outgoing.end(request.body);
  });
}

export function urlFetchApp(routes: Routes, whitelist: readonly string[] | undefined, quota: UrlFetchQuota): HostService {
  return {
    name: "UrlFetchApp",
    create: (execution: Execution) => new UrlFetchAppRoot(routes, whitelist, quota, execution.user),
  };
}

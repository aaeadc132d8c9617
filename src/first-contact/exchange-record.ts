import type { HttpRequest, HttpResponse, HttpTransport } from "../ringcentral/http";

/**
 * One exchange of a probe as the repository keeps it (docs/first-contact/*.jsonl): the step that made it, the
 * request without its origin or headers, and the answer, with every secret taken out. Long lists keep their first
 * few records (and say how many there were): enough to see their shape, not a copy of the account.
 */
export interface RecordedExchange {
  step: string;
  request: { method: string; path: string; query?: string; body?: unknown };
  response: { status: number; body?: unknown; recordsTotal?: number };
}

export const REMOVED = "[removed]";
const RECORDS_KEPT = 3;

/** Fields whose values are secrets wherever they appear: tokens, credentials, PINs, passwords, secret answers. */
const SECRET_FIELDS = new Set(
  [
    "access_token",
    "refresh_token",
    "id_token",
    "token",
    "assertion",
    "code_verifier",
    "client_secret",
    "password",
    "ivrPin",
    "answer",
  ].map((name) => name.toLowerCase()),
);

/** In a form or a query, `code` is OAuth's authorization code (in JSON it is a site's code, which stays). */
const FORM_SECRET_FIELDS = new Set([...SECRET_FIELDS, "code"]);

/** A copy with the value of every secret field replaced, at any depth. */
export function withoutSecrets(value: unknown, secret = SECRET_FIELDS): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutSecrets(item, secret));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, secret.has(key.toLowerCase()) ? REMOVED : withoutSecrets(inner, secret)]),
  );
}

/** A body as data: JSON parsed, a form as its fields; secrets removed either way. */
function bodyOf(text: string | undefined, type: string | undefined): unknown {
  if (!text) return undefined;
  if (type?.includes("application/x-www-form-urlencoded"))
    return withoutSecrets(Object.fromEntries(new URLSearchParams(text)), FORM_SECRET_FIELDS);
  try {
    return withoutSecrets(JSON.parse(text));
  } catch {
    return "(not JSON)";
  }
}

function trimmed(body: unknown): { body?: unknown; recordsTotal?: number } {
  const records = (body as { records?: unknown })?.records;
  if (!Array.isArray(records) || records.length <= RECORDS_KEPT) return body === undefined ? {} : { body };
  return { body: { ...(body as object), records: records.slice(0, RECORDS_KEPT) }, recordsTotal: records.length };
}

/** The query's parameter names and values, with any secret one removed (a token never rides in one, but a code may). */
function queryOf(url: URL): string | undefined {
  if (!url.search) return undefined;
  const params = [...url.searchParams].map(([k, v]) => `${k}=${FORM_SECRET_FIELDS.has(k.toLowerCase()) ? REMOVED : v}`);
  return params.join("&");
}

export function recordExchange(step: string, request: HttpRequest, response: HttpResponse): RecordedExchange {
  const url = new URL(request.url);
  const requestBody = bodyOf(request.body, request.headers["content-type"]);
  const query = queryOf(url);
  return {
    step,
    request: {
      method: request.method,
      path: url.pathname,
      ...(query ? { query } : {}),
      ...(requestBody === undefined ? {} : { body: requestBody }),
    },
    response: { status: response.status, ...trimmed(bodyOf(response.body, response.headers["content-type"])) },
  };
}

/** The transport the probe sends through: every answered exchange recorded under the step under way. */
export class RecordingTransport implements HttpTransport {
  readonly exchanges: RecordedExchange[] = [];
  step = "start";

  constructor(private readonly inner: HttpTransport) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    const response = await this.inner.send(request);
    this.exchanges.push(recordExchange(this.step, request, response));
    return response;
  }
}

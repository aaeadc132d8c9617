import { type HttpRequest, type HttpResponse, type HttpTransport, NetworkError } from "../ringcentral/http";

/** The HttpTransport over Node's fetch. A request that gets no answer in `timeoutMs` is a NetworkError. */
export class FetchTransport implements HttpTransport {
  constructor(private readonly timeoutMs = 60_000) {}

  async send(request: HttpRequest): Promise<HttpResponse> {
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: "manual",
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new NetworkError(`No answer from ${originOf(request.url)}: ${reason(error)}`);
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    try {
      return { status: response.status, headers, body: await response.text() };
    } catch (error) {
      throw new NetworkError(`The answer from ${originOf(request.url)} broke off: ${reason(error)}`);
    }
  }
}

/** Only the origin in messages: a URL's query could hold a token. */
function originOf(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^/]+).*$/i, "$1");
}

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return cause ?? (error instanceof Error ? error.message : String(error));
}

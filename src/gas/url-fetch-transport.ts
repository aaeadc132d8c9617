import type { Clock } from "../ringcentral/clock";
import { type HttpRequest, type HttpResponse, type HttpTransport, NetworkError } from "../ringcentral/http";

/**
 * The HttpTransport over UrlFetchApp. UrlFetchApp is synchronous, so the promise is settled when send returns;
 * muteHttpExceptions hands every status back instead of throwing.
 */
export class UrlFetchTransport implements HttpTransport {
  async send(request: HttpRequest): Promise<HttpResponse> {
    const { "content-type": contentType, ...headers } = request.headers;
    const params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {
      method: request.method.toLowerCase() as GoogleAppsScript.URL_Fetch.HttpMethod,
      headers,
      muteHttpExceptions: true,
      followRedirects: false,
      ...(contentType ? { contentType } : {}),
      ...(request.body === undefined ? {} : { payload: request.body }),
    };
    let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
    try {
      response = UrlFetchApp.fetch(request.url, params);
    } catch (error) {
      throw new NetworkError(
        `No answer from ${request.url.replace(/^([a-z]+:\/\/[^/]+).*$/i, "$1")}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const lowered: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.getAllHeaders() as Record<string, string | string[]>))
      lowered[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    return { status: response.getResponseCode(), headers: lowered, body: response.getContentText() };
  }
}

/** Apps Script has no timers: waiting is Utilities.sleep, which blocks the execution (and counts against its 6 minutes). */
export const appsScriptClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms) => {
    if (ms > 0) Utilities.sleep(Math.ceil(ms));
  },
};

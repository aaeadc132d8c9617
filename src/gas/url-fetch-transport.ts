import type { Clock } from "../ringcentral/clock";
import { type HttpRequest, type HttpResponse, type HttpTransport, NetworkError } from "../ringcentral/http";

/**
 * UrlFetchApp's refusals before sending (developers.google.com/apps-script/guides/services/quotas#exception_messages):
 * the day's quota, the URL, headers or payload over their limits. A response over its limit came after the request.
 */
const APPS_SCRIPT_REFUSAL = /^(Exception: )?(Service invoked too many times|Limit Exceeded: URLFetch (?!Response))/i;
const QUOTA_HINT =
  " (Apps Script lets a person make 20,000 URL fetches a day with a Google account, 100,000 with Google Workspace; the count starts again 24 hours after the first.)";

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
      const origin = request.url.replace(/^([a-z]+:\/\/[^/]+).*$/i, "$1");
      const message = error instanceof Error ? error.message : String(error);
      // Apps Script refused to send it (a quota or a limit): never sent, so not in doubt, and no retry would pass.
      if (APPS_SCRIPT_REFUSAL.test(message))
        throw new Error(
          `Apps Script did not send the request to ${origin}: ${message}${/too many/i.test(message) ? QUOTA_HINT : ""}`,
        );
      throw new NetworkError(`No answer from ${origin}: ${message}`);
    }
    const lowered: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.getAllHeaders() as Record<string, string | string[]>))
      lowered[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    return { status: response.getResponseCode(), headers: lowered, body: response.getContentText() };
  }
}

/** Utilities.sleep's "maximum allowed value is 300000": a longer wait is slept in parts. */
const LONGEST_SLEEP_MS = 300_000;

/** Apps Script has no timers: waiting is Utilities.sleep, which blocks the execution (and counts against its 6 minutes). */
export const appsScriptClock: Clock = {
  now: () => Date.now(),
  sleep: async (ms) => {
    for (let left = Math.ceil(ms); left > 0; left -= LONGEST_SLEEP_MS) Utilities.sleep(Math.min(left, LONGEST_SLEEP_MS));
  },
};

/**
 * UrlFetchApp's limits and quota (developers.google.com/apps-script/guides/services/quotas): per call, "URL Fetch
 * response size 50 MB / call", "URL Fetch headers 100 / call", "URL Fetch header size 8 KB / call", "URL Fetch POST
 * size 50 MB / call", "URL Fetch URL length 2 KB / call"; per person and day, "URL Fetch calls 20,000 / day" for
 * consumer accounts and "100,000 / day" for Google Workspace accounts, "reset 24 hours after the first request".
 * The texts: the page gives the pattern ("Limit exceeded: …", "Service invoked too many times: …"); the URL length,
 * POST size and daily ones are as people report them, the others ours in that pattern.
 */
export const URL_FETCH_CALLS_PER_DAY_CONSUMER = 20_000;
export const URL_FETCH_CALLS_PER_DAY_WORKSPACE = 100_000;
const MB = 1024 * 1024;
export const URL_FETCH_MAX_RESPONSE_BYTES = 50 * MB;
export const URL_FETCH_MAX_PAYLOAD_BYTES = 50 * MB;
export const URL_FETCH_MAX_HEADERS = 100;
export const URL_FETCH_MAX_HEADER_BYTES = 8 * 1024;
/** 2 KB on the quotas page; the reference (UrlFetchApp.fetch) says "up to 2,082 characters": the stricter holds. */
export const URL_FETCH_MAX_URL_LENGTH = 2048;
const DAY_MS = 24 * 60 * 60 * 1000;

export const URL_TOO_LONG = "Limit Exceeded: URLFetch URL Length.";
export const PAYLOAD_TOO_LARGE = "Limit Exceeded: URLFetch POST Size.";
export const RESPONSE_TOO_LARGE = "Limit Exceeded: URLFetch Response Size.";
export const TOO_MANY_HEADERS = "Limit Exceeded: URLFetch Headers.";
export const HEADERS_TOO_LARGE = "Limit Exceeded: URLFetch Header Size.";
export const DAILY_QUOTA_USED = "Service invoked too many times for one day: urlfetch.";

/** The header Apps Script adds itself: not the script's. */
const OWN_HEADER = "user-agent";

/** Why Google would refuse to send this request, or null. */
export function requestRefusal(request: {
  url: string;
  headers: Readonly<Record<string, string>>;
  body: Buffer | undefined;
}): string | null {
  if (request.url.length > URL_FETCH_MAX_URL_LENGTH) return URL_TOO_LONG;
  const headers = Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== OWN_HEADER);
  if (headers.length > URL_FETCH_MAX_HEADERS) return TOO_MANY_HEADERS;
  const headerBytes = headers.reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value), 0);
  if (headerBytes > URL_FETCH_MAX_HEADER_BYTES) return HEADERS_TOO_LARGE;
  if ((request.body?.length ?? 0) > URL_FETCH_MAX_PAYLOAD_BYTES) return PAYLOAD_TOO_LARGE;
  return null;
}

export function responseRefusal(bytes: number): string | null {
  return bytes > URL_FETCH_MAX_RESPONSE_BYTES ? RESPONSE_TOO_LARGE : null;
}

/** Each person's calls since their window opened; a window closes 24 hours after its first call. */
export class UrlFetchQuota {
  readonly #used = new Map<string, { since: number; calls: number }>();

  constructor(
    readonly callsPerDay: number,
    private readonly now: () => number,
  ) {}

  /** Counts one call for `user`, or answers the refusal when their day's calls are spent. */
  take(user: string): string | null {
    const now = this.now();
    let window = this.#used.get(user);
    if (!window || now - window.since >= DAY_MS) {
      window = { since: now, calls: 0 };
      this.#used.set(user, window);
    }
    if (window.calls >= this.callsPerDay) return DAILY_QUOTA_USED;
    window.calls++;
    return null;
  }

  /** Calls `user` made in their current window. */
  used(user: string): number {
    const window = this.#used.get(user);
    return window && this.now() - window.since < DAY_MS ? window.calls : 0;
  }
}

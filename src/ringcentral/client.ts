import { ApiError } from "./api-error";
import { type Clock, systemClock } from "./clock";
import { Governor, type GovernorMemory } from "./governor";
import { OutOfTimeError } from "./out-of-time";

export { OutOfTimeError };

import { type HttpRequest, type HttpResponse, type HttpTransport, NetworkError } from "./http";
import { fillPath, OPERATIONS, type OperationName } from "./operations";
import {
  MemoryTokenStore,
  needsRefresh,
  type Token,
  type TokenInfoBody,
  type TokenLock,
  type TokenStore,
  tokenFromInfo,
  UnreadableTokenError,
} from "./token";
import type { UsageGroup } from "./usage-group";

export interface ClientOptions {
  /** The platform: https://platform.ringcentral.com, the .biz partner platform, or a local sandbox. */
  server: string;
  clientId: string;
  /** For confidential apps; public (PKCE) apps have none. */
  clientSecret?: string;
  transport: HttpTransport;
  clock?: Clock;
  store?: TokenStore;
  /** Where the governor's pace outlives the client (Apps Script: one execution per call). */
  governorMemory?: GovernorMemory;
  /** Where others share the store (another execution of the same person): renewing holds this lock. */
  tokenLock?: TokenLock;
  /** A JWT credential: signs in without a person, and again whenever the session cannot be refreshed. */
  jwt?: string;
  retry?: RetryPolicy;
}

/** Backoff for 5xx and lost responses on calls that are safe to repeat: base, doubling, capped, so many times. */
export interface RetryPolicy {
  attempts: number;
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseMs: 2000, maxMs: 60_000 };

export type Query = Record<string, string | number | boolean | readonly (string | number)[] | undefined>;

export interface CallOptions {
  path?: Record<string, string | number>;
  query?: Query;
  body?: unknown;
}

/** Someone must sign in (again): there is no usable token and no JWT credential to get one. The message says why. */
export class NotSignedInError extends Error {
  constructor(message = "Not signed in to RingCentral: connect an account first.") {
    super(message);
    this.name = "NotSignedInError";
  }
}

const SIGNED_OUT = "Signed out of RingCentral: sign in again.";

/** Why a refresh left the person signed out: its answer lost (the token spent with it), or the platform refused it. */
function signedOutBy(error: unknown): string {
  return error instanceof NetworkError
    ? "RingCentral's answer to renewing your sign-in was lost, and a sign-in renews only once: sign in again."
    : `RingCentral ended your sign-in (${error instanceof Error ? error.message : String(error)}): sign in again.`;
}

/** Whether a failed refresh may have spent its token: no answer (it may have been done), or a refusal (not a 429). */
function spentBy(error: unknown): boolean {
  return error instanceof NetworkError || (error instanceof ApiError && error.status < 500 && error.status !== 429);
}

/**
 * The RingCentral REST client: tokens kept fresh, every call paced by the governor of its usage group, 429s waited
 * out, 5xx and lost responses retried with backoff where repeating is safe (never a create), pages followed.
 * It logs nothing: tokens, PINs and passwords pass through it.
 */
export class RingCentralClient {
  readonly governor: Governor;
  private readonly server: string;
  private readonly clock: Clock;
  private readonly store: TokenStore;
  private readonly retry: RetryPolicy;
  private refreshing: Promise<Token> | null = null;
  private latest = Number.POSITIVE_INFINITY;
  private answerMs = 0;

  constructor(private readonly options: ClientOptions) {
    this.server = options.server.replace(/\/+$/, "");
    this.clock = options.clock ?? systemClock;
    this.store = options.store ?? new MemoryTokenStore();
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.governor = new Governor(this.clock, options.governorMemory);
  }

  /** Signs in with a JWT credential (the one given, or the client's own). */
  async loginWithJwt(jwt = this.options.jwt): Promise<Token> {
    if (!jwt) throw new NotSignedInError();
    return this.requestToken({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion: jwt });
  }

  /** Finishes the authorization code flow (with PKCE when a verifier is given). */
  async exchangeCode(exchange: { code: string; redirectUri: string; codeVerifier?: string }): Promise<Token> {
    return this.requestToken({
      grant_type: "authorization_code",
      code: exchange.code,
      redirect_uri: exchange.redirectUri,
      ...(exchange.codeVerifier ? { code_verifier: exchange.codeVerifier } : {}),
    });
  }

  /** Ends the session. The platform's answer is ignored, as its docs advise: the local token goes either way. */
  async revoke(): Promise<void> {
    const loaded = this.loaded();
    const token = loaded instanceof UnreadableTokenError ? null : loaded;
    this.store.clear();
    if (!token) return;
    await this.send(
      "auth",
      this.tokenRequest("/restapi/oauth/revoke", { token: token.refreshToken ?? token.accessToken }),
      false,
    ).catch(() => undefined);
  }

  /**
   * From now on, no wait starts and no call is sent (or sent again) that could not be answered by `latest`, given
   * `answerMs` for an answer: OutOfTimeError instead. Apps Script ends an execution wherever it is at 6 minutes.
   */
  finishBy(latest: number, answerMs: number): void {
    this.latest = latest;
    this.answerMs = answerMs;
  }

  isSignedIn(): boolean {
    return this.signInState().signedIn;
  }

  /** Whether calls can go without the person signing in again, and if not, why (a JWT client logs in by itself). */
  signInState(): { signedIn: true } | { signedIn: false; reason: string } {
    if (this.options.jwt) return { signedIn: true };
    const token = this.loaded();
    if (token instanceof UnreadableTokenError) return { signedIn: false, reason: token.message };
    if (token && (token.expiresAt > this.clock.now() || this.refreshable(token))) return { signedIn: true };
    return { signedIn: false, reason: SIGNED_OUT };
  }

  /** One call. Throws ApiError for a refusal, NetworkError when no answer came back. */
  async call<T>(name: OperationName, options: CallOptions = {}): Promise<T> {
    const operation = OPERATIONS[name];
    const url = `${this.server}${fillPath(operation.path, options.path)}${queryString(options.query)}`;
    return this.authorized<T>(operation.group, { method: operation.method, url, body: options.body }, operation.idempotent);
  }

  /** Every record of a paged list, following `navigation.nextPage`. */
  async listAll<T>(name: OperationName, options: CallOptions = {}): Promise<T[]> {
    const operation = OPERATIONS[name];
    const records: T[] = [];
    let page = await this.call<Paged<T>>(name, options);
    records.push(...(page.records ?? []));
    while (page.navigation?.nextPage?.uri) {
      // Only the path and query of the link: the token never goes to another host than the configured server.
      const url = `${this.server}${page.navigation.nextPage.uri.replace(/^[a-z]+:\/\/[^/]+/i, "")}`;
      page = await this.authorized<Paged<T>>(operation.group, { method: "GET", url }, true);
      records.push(...(page.records ?? []));
    }
    return records;
  }

  private async authorized<T>(
    group: UsageGroup,
    call: { method: HttpRequest["method"]; url: string; body?: unknown },
    idempotent: boolean,
  ) {
    for (let attempt = 0; ; attempt++) {
      const token = await this.accessToken(attempt > 0);
      const request: HttpRequest = {
        method: call.method,
        url: call.url,
        headers: { authorization: `Bearer ${token.accessToken}`, accept: "application/json" },
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      };
      if (call.body !== undefined) request.headers["content-type"] = "application/json";
      const response = await this.send(group, request, idempotent);
      // An expired or revoked token was refused before anything happened: one fresh token, one more try.
      if (response.status === 401 && attempt === 0) continue;
      if (response.status >= 400) throw ApiError.from(response);
      return (response.body ? JSON.parse(response.body) : undefined) as T;
    }
  }

  /** A token good for a while yet: the stored one, refreshed ahead of expiry, or a new JWT login. */
  private async accessToken(forceNew: boolean): Promise<Token> {
    const token = this.stored();
    const now = this.clock.now();
    if (token && !forceNew && !needsRefresh(token, now)) return token;
    this.refreshing ??= this.renewShared(token).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /**
   * Renews under the token lock, reading the store again inside it: whoever held the lock before may have renewed
   * already, and then their token is taken instead of spending the refresh token a second time.
   */
  private async renewShared(stale: Token | null): Promise<Token> {
    const lock = this.options.tokenLock;
    if (!lock) return this.renew(stale);
    return lock.hold(async () => {
      const current = this.stored();
      const renewedMeanwhile = current && current.accessToken !== stale?.accessToken;
      if (renewedMeanwhile && !needsRefresh(current, this.clock.now())) return current;
      return this.renew(current);
    });
  }

  /**
   * A refresh token is good once, so a refresh is sent once, never repeated: a lost answer may have spent it (the new
   * pair lost with the answer), and a refusal means it is spent or ended. Either way the store drops the token; a JWT
   * client then logs in again by itself, anyone else signs in again. A server error keeps it: nothing was done.
   */
  private async renew(token: Token | null): Promise<Token> {
    if (token?.refreshToken && this.refreshable(token)) {
      try {
        return await this.requestToken({ grant_type: "refresh_token", refresh_token: token.refreshToken }, false);
      } catch (error) {
        const spent = spentBy(error);
        if (spent) this.store.clear();
        if (!this.options.jwt) throw spent ? new NotSignedInError(signedOutBy(error)) : error;
      }
    }
    if (this.options.jwt) return this.loginWithJwt();
    throw token ? new NotSignedInError(SIGNED_OUT) : new NotSignedInError();
  }

  private refreshable(token: Token): boolean {
    return Boolean(token.refreshToken) && (token.refreshExpiresAt ?? Number.POSITIVE_INFINITY) > this.clock.now();
  }

  /** The stored token for a call: an unreadable one is a sign-in to make again (a JWT client makes it by itself). */
  private stored(): Token | null {
    const token = this.loaded();
    if (!(token instanceof UnreadableTokenError)) return token;
    if (this.options.jwt) return null;
    throw new NotSignedInError(token.message);
  }

  /** The stored token, none, or a record that cannot be read, as a value: each caller says what that means. */
  private loaded(): Token | null | UnreadableTokenError {
    try {
      return this.store.load();
    } catch (error) {
      if (error instanceof UnreadableTokenError) return error;
      throw error;
    }
  }

  /** `repeatable`: whether a lost answer or a server error may be sent again (a login may; a refresh never). */
  private async requestToken(form: Record<string, string>, repeatable = true): Promise<Token> {
    const response = await this.send("auth", this.tokenRequest("/restapi/oauth/token", form), repeatable);
    if (response.status >= 400) throw ApiError.from(response);
    const token = tokenFromInfo(JSON.parse(response.body) as TokenInfoBody, this.clock.now());
    this.store.save(token);
    return token;
  }

  /** A form POST to the OAuth endpoints: Basic auth for confidential apps, client_id in the body for public ones. */
  private tokenRequest(path: string, form: Record<string, string>): HttpRequest {
    const { clientId, clientSecret } = this.options;
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
    if (clientSecret) headers.authorization = `Basic ${base64(`${clientId}:${clientSecret}`)}`;
    const body = formEncode(clientSecret ? form : { ...form, client_id: clientId });
    return { method: "POST", url: `${this.server}${path}`, headers, body };
  }

  /** Paced by the group's governor; 429s waited out and resent; 5xx and lost answers retried when safe. */
  private async send(group: UsageGroup, request: HttpRequest, idempotent: boolean): Promise<HttpResponse> {
    let unanswered = false;
    for (let attempt = 0; ; attempt++) {
      const ticket = await this.governor.acquire(group, this.latest - this.answerMs).catch((error: unknown) => {
        if (error instanceof OutOfTimeError) error.inDoubt = unanswered;
        throw error;
      });
      let response: HttpResponse;
      try {
        response = await this.options.transport.send(request);
      } catch (error) {
        this.governor.settle(ticket);
        if (!(error instanceof NetworkError) || !idempotent || attempt >= this.retry.attempts) throw error;
        unanswered = true;
        await this.wait(this.backoff(attempt));
        continue;
      }
      this.governor.observe(ticket, response.status, response.headers);
      // A 429 was not processed, so even a create may go again once the penalty is over.
      if (response.status === 429 && attempt < this.retry.attempts) continue;
      if (response.status >= 500 && idempotent && attempt < this.retry.attempts) {
        unanswered = true;
        await this.wait(this.backoff(attempt));
        continue;
      }
      return response;
    }
  }

  /** A backoff after an attempt that may have taken effect, if the retry after it could still be answered in time. */
  private async wait(ms: number): Promise<void> {
    if (this.clock.now() + ms + this.answerMs > this.latest) {
      const error = new OutOfTimeError(ms);
      error.inDoubt = true;
      throw error;
    }
    await this.clock.sleep(ms);
  }

  private backoff(attempt: number): number {
    return Math.min(this.retry.maxMs, this.retry.baseMs * 2 ** attempt);
  }
}

interface Paged<T> {
  records?: T[];
  navigation?: { nextPage?: { uri?: string } };
}

// Apps Script has no URL, URLSearchParams, TextEncoder or btoa: the client builds its strings by hand.

/** Arrays repeat the parameter (`type=User&type=Limited`), as the platform reads them. */
function queryString(query: Query | undefined): string {
  if (!query) return "";
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) pairs.push([key, String(item)]);
  }
  return pairs.length ? `?${encodePairs(pairs)}` : "";
}

function formEncode(form: Record<string, string>): string {
  return encodePairs(Object.entries(form));
}

function encodePairs(pairs: [string, string][]): string {
  return pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join("&");
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 of UTF-8 text, for the Basic authorization of the app's id and secret. */
export function base64(text: string): string {
  const bytes = utf8(text);
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += BASE64[(n >> 18) & 63] ?? "";
    out += BASE64[(n >> 12) & 63] ?? "";
    out += i + 1 < bytes.length ? (BASE64[(n >> 6) & 63] ?? "") : "=";
    out += i + 2 < bytes.length ? (BASE64[n & 63] ?? "") : "=";
  }
  return out;
}

function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else bytes.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return bytes;
}

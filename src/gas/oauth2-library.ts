/**
 * The part of Google's OAuth2 library for Apps Script (googleworkspace/apps-script-oauth2) that the add-in uses. The
 * manifest adds the library with the user symbol `OAuth2`, so in Apps Script it is a global of that name.
 */

export interface OAuth2Storage {
  /** The key null is the library's own: the token. */
  getValue(key: string | null, skipMemory?: boolean): unknown;
  setValue(key: string | null, value: unknown): void;
}

export interface OAuth2Service {
  setAuthorizationBaseUrl(url: string): OAuth2Service;
  setTokenUrl(url: string): OAuth2Service;
  setClientId(id: string): OAuth2Service;
  setClientSecret(secret: string): OAuth2Service;
  setTokenHeaders(headers: Record<string, string>): OAuth2Service;
  setCallbackFunction(name: string): OAuth2Service;
  setPropertyStore(store: GoogleAppsScript.Properties.Properties): OAuth2Service;
  setCache(cache: GoogleAppsScript.Cache.Cache): OAuth2Service;
  setLock(lock: GoogleAppsScript.Lock.Lock): OAuth2Service;
  setParam(name: string, value: string): OAuth2Service;
  /** PKCE: a random verifier, carried in the state token to the callback; the challenge is S256. */
  generateCodeVerifier(): OAuth2Service;
  getAuthorizationUrl(extra?: Record<string, string>): string;
  getRedirectUri(): string;
  handleCallback(request: AuthCallbackRequest): boolean;
  hasAccess(): boolean;
  getToken(skipMemory?: boolean): LibraryToken | null;
  getStorage(): OAuth2Storage;
  reset(): void;
}

/** The library's token: the token endpoint's answer plus the times it adds (seconds since the epoch). */
export interface LibraryToken {
  access_token: string;
  expires_in?: number | string;
  refresh_token?: string;
  refresh_token_expires_in?: number | string;
  owner_id?: string | number;
  granted_time?: number;
  expiresAt?: number;
  refreshTokenExpiresAt?: number;
}

/** What Apps Script hands the callback named in the state token. */
export interface AuthCallbackRequest {
  parameter: Record<string, string>;
}

export interface OAuth2Library {
  createService(name: string): OAuth2Service;
}

declare const OAuth2: OAuth2Library;

/** The library, or an error that says how to add it (a script pushed without the manifest's dependency). */
export function oauth2Library(): OAuth2Library {
  if (typeof OAuth2 === "undefined")
    throw new Error("The OAuth2 library is missing: push appsscript.json with its dependencies (see docs/deploy.md).");
  return OAuth2;
}

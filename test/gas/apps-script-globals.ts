import type { AuthCallbackRequest, LibraryToken, OAuth2Library, OAuth2Service } from "../../src/gas/oauth2-library";

/**
 * Stateful fakes of the Apps Script services the add-in's home uses besides SpreadsheetApp: the person's user
 * properties and cache, a lock, HtmlService's output, and Google's OAuth2 library (its service keeps the token
 * under `oauth2.<name>` in the property store it is given, as the library does).
 */
export interface AppsScriptGlobals {
  properties: Map<string, string>;
  /** What the fake token endpoint answers the code exchange with; a callback with `error` is declined. */
  grant: LibraryToken;
  authorizationUrls: string[];
  install(): () => void;
}

export function appsScriptGlobals(): AppsScriptGlobals {
  const properties = new Map<string, string>();
  const cache = new Map<string, string>();
  const state: AppsScriptGlobals = {
    properties,
    grant: {
      access_token: "access-1",
      refresh_token: "refresh-1",
      expires_in: 3600,
      refresh_token_expires_in: 604800,
      owner_id: "42",
    },
    authorizationUrls: [],
    install() {
      const globals = globalThis as Record<string, unknown>;
      const saved = Object.fromEntries(NAMES.map((n) => [n, globals[n]]));
      Object.assign(globals, {
        PropertiesService: { getUserProperties: () => userProperties },
        CacheService: { getUserCache: () => userCache },
        LockService: { getUserLock: () => ({ waitLock: () => undefined, releaseLock: () => undefined, hasLock: () => false }) },
        HtmlService: { createHtmlOutput: (html: string) => ({ html, setTitle: (t: string) => ({ html, title: t }) }) },
        OAuth2: library,
      });
      return () => {
        for (const name of NAMES) {
          if (saved[name] === undefined) delete globals[name];
          else globals[name] = saved[name];
        }
      };
    },
  };
  const userProperties = {
    getProperty: (key: string) => properties.get(key) ?? null,
    setProperty: (key: string, value: string) => {
      properties.set(key, value);
      return userProperties;
    },
    deleteProperty: (key: string) => {
      properties.delete(key);
      return userProperties;
    },
  };
  const userCache = {
    get: (key: string) => cache.get(key) ?? null,
    put: (key: string, value: string) => void cache.set(key, value),
    remove: (key: string) => void cache.delete(key),
  };
  const library: OAuth2Library = { createService: (name) => fakeService(name, state) };
  return state;
}

const NAMES = ["PropertiesService", "CacheService", "LockService", "HtmlService", "OAuth2"];

function fakeService(name: string, state: AppsScriptGlobals): OAuth2Service {
  const config: Record<string, unknown> = {};
  let store: GoogleAppsScript.Properties.Properties | null = null;
  const key = `oauth2.${name}`;
  const read = () => {
    const text = store?.getProperty(key);
    return text ? (JSON.parse(text) as LibraryToken) : null;
  };
  const write = (token: unknown) => store?.setProperty(key, JSON.stringify(token));
  const setter = (field: string) => (value: unknown) => {
    config[field] = value;
    return service;
  };
  const service: OAuth2Service = {
    setAuthorizationBaseUrl: setter("authorizationBaseUrl"),
    setTokenUrl: setter("tokenUrl"),
    setClientId: setter("clientId"),
    setClientSecret: setter("clientSecret"),
    setTokenHeaders: setter("tokenHeaders"),
    setCallbackFunction: setter("callback"),
    setPropertyStore: (s) => {
      store = s;
      return service;
    },
    setCache: setter("cache"),
    setLock: setter("lock"),
    setParam: setter("param"),
    generateCodeVerifier: () => setter("codeChallengeMethod")("S256"),
    getAuthorizationUrl: () => {
      const url = `${config.authorizationBaseUrl}?client_id=${config.clientId}&response_type=code&state=fake-state${
        config.codeChallengeMethod ? "&code_challenge_method=S256&code_challenge=fake" : ""
      }`;
      state.authorizationUrls.push(url);
      return url;
    },
    getRedirectUri: () => "https://script.google.com/macros/d/SCRIPT_ID/usercallback",
    handleCallback: (request: AuthCallbackRequest) => {
      if (request.parameter.error) return false;
      write({ ...state.grant, granted_time: Math.floor(Date.now() / 1000) });
      return true;
    },
    hasAccess: () => read() !== null,
    getToken: () => read(),
    getStorage: () => ({
      getValue: (k) => (k === null ? read() : null),
      setValue: (k, value) => {
        if (k === null) write(value);
      },
    }),
    reset: () => store?.deleteProperty(key),
  };
  return service;
}

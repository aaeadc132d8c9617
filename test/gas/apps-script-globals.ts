import { createHash } from "node:crypto";
import { afterEach, beforeEach } from "vitest";
import { createSpreadsheetApp } from "../../src/apps-script-runtime/spreadsheet/service";
import type { AuthCallbackRequest, LibraryToken, OAuth2Library, OAuth2Service } from "../../src/gas/oauth2-library";

/**
 * Stateful fakes of the Apps Script services the add-in's home uses besides SpreadsheetApp: the person's and the
 * document's properties and caches (CacheService's limits: 100 KB per value, in UTF-8 bytes), locks that really
 * exclude (each `getDocumentLock()`/`getUserLock()` is one holder, as in one execution), the person running the
 * script (Session), Utilities, HtmlService's output, and Google's OAuth2 library (its service keeps the token under
 * `oauth2.<name>` in the property store it is given, as the library does).
 */
export interface AppsScriptGlobals {
  properties: Map<string, string>;
  documentProperties: Map<string, string>;
  /** The person's cache (CacheService.getUserCache()). */
  cache: FakeCache;
  documentCache: FakeCache;
  /** Who runs the script, as Session.getEffectiveUser() answers. */
  email: string;
  /** What the fake token endpoint answers the code exchange with; a callback with `error` is declined. */
  grant: LibraryToken;
  authorizationUrls: string[];
  /** The arguments the last authorization URL's state token carries (Apps Script hands them to the callback). */
  stateArguments: Record<string, string>;
  /** The services as globals, by name (also for a vm context). */
  services(): Record<string, unknown>;
  install(): () => void;
}

export function appsScriptGlobals(): AppsScriptGlobals {
  const properties = new Map<string, string>();
  const documentProperties = new Map<string, string>();
  const locks = { user: new LockState(), document: new LockState() };
  let uuids = 0;
  const state: AppsScriptGlobals = {
    properties,
    documentProperties,
    cache: new FakeCache(),
    documentCache: new FakeCache(),
    email: "me@example.com",
    grant: {
      access_token: "access-1",
      refresh_token: "refresh-1",
      expires_in: 3600,
      refresh_token_expires_in: 604800,
      owner_id: "42",
    },
    authorizationUrls: [],
    stateArguments: {},
    services: () => ({
      PropertiesService: { getUserProperties: () => userProperties, getDocumentProperties: () => docProperties },
      CacheService: { getUserCache: () => state.cache, getDocumentCache: () => state.documentCache },
      LockService: { getUserLock: () => new FakeLock(locks.user), getDocumentLock: () => new FakeLock(locks.document) },
      Session: { getEffectiveUser: () => person(), getActiveUser: () => person() },
      Utilities: {
        getUuid: () => `uuid-${++uuids}`,
        sleep: () => undefined,
        DigestAlgorithm: { SHA_256: "SHA_256" },
        Charset: { UTF_8: "UTF_8" },
        // Apps Script's digest: signed bytes.
        computeDigest: (_algorithm: string, text: string) =>
          [...createHash("sha256").update(text).digest()].map((b) => (b > 127 ? b - 256 : b)),
      },
      HtmlService: { createHtmlOutput: (html: string) => ({ html, setTitle: (t: string) => ({ html, title: t }) }) },
      OAuth2: library,
    }),
    install() {
      const globals = globalThis as Record<string, unknown>;
      const saved = Object.fromEntries(NAMES.map((n) => [n, globals[n]]));
      Object.assign(globals, state.services());
      return () => {
        for (const name of NAMES) {
          if (saved[name] === undefined) delete globals[name];
          else globals[name] = saved[name];
        }
      };
    },
  };
  const person = () => ({ getEmail: () => state.email, toString: () => state.email });
  const userProperties = propertyStore(properties);
  const docProperties = propertyStore(documentProperties);
  const library: OAuth2Library = { createService: (name) => fakeService(name, state) };
  return state;
}

function propertyStore(values: Map<string, string>) {
  const store = {
    getProperty: (key: string) => values.get(key) ?? null,
    getKeys: () => [...values.keys()],
    setProperty: (key: string, value: string) => {
      values.set(key, value);
      return store;
    },
    deleteProperty: (key: string) => {
      values.delete(key);
      return store;
    },
  };
  return store;
}

/** CacheService's cache: values up to 100 KB as UTF-8 bytes, keys up to 250 characters, as Apps Script refuses them. */
export class FakeCache {
  readonly values = new Map<string, string>();
  /** Set to make every put fail, as a cache that is out of service does. */
  failing = false;

  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  getAll(keys: string[]): Record<string, string> {
    return Object.fromEntries(keys.flatMap((k) => (this.values.has(k) ? [[k, this.values.get(k) as string]] : [])));
  }
  put(key: string, value: string, _seconds?: number): void {
    this.check(key, value);
    this.values.set(key, value);
  }
  putAll(values: Record<string, string>, _seconds?: number): void {
    for (const [key, value] of Object.entries(values)) this.check(key, value);
    for (const [key, value] of Object.entries(values)) this.values.set(key, value);
  }
  remove(key: string): void {
    this.values.delete(key);
  }
  removeAll(keys: string[]): void {
    for (const key of keys) this.values.delete(key);
  }
  private check(key: string, value: string): void {
    if (this.failing) throw new Error("Service error: Cache");
    if (key.length > 250) throw new Error("Argument too large: key");
    if (Buffer.byteLength(value, "utf8") > 100 * 1024) throw new Error("Argument too large: value");
  }
}

/** One lock (the document's or a person's): held by at most one Lock object at a time. */
class LockState {
  holder: FakeLock | null = null;
}

/** A Lock as one execution holds it: tryLock fails while another holds it; nothing here waits for real. */
export class FakeLock {
  constructor(private readonly state: LockState) {}
  tryLock(_timeoutMs: number): boolean {
    if (this.state.holder && this.state.holder !== this) return false;
    this.state.holder = this;
    return true;
  }
  waitLock(timeoutMs: number): void {
    if (!this.tryLock(timeoutMs)) throw new Error("Lock timeout: another process was holding the lock for too long.");
  }
  hasLock(): boolean {
    return this.state.holder === this;
  }
  releaseLock(): void {
    if (this.state.holder === this) this.state.holder = null;
  }
}

const NAMES = ["PropertiesService", "CacheService", "LockService", "Session", "Utilities", "HtmlService", "OAuth2"];

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
    getAuthorizationUrl: (extra) => {
      state.stateArguments = { serviceName: name, ...extra };
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

/**
 * Fresh globals installed before each test of the calling suite (with a SpreadsheetApp when asked) and removed after
 * it; the returned function gives the current test's.
 */
export function useAppsScriptGlobals(options: { spreadsheet?: boolean } = {}): () => AppsScriptGlobals {
  let globals: AppsScriptGlobals;
  let restore: (() => void)[] = [];
  beforeEach(() => {
    globals = appsScriptGlobals();
    restore = [globals.install(), ...(options.spreadsheet ? [createSpreadsheetApp().install()] : [])];
  });
  afterEach(() => {
    for (const undo of restore.reverse()) undo();
  });
  return () => globals;
}

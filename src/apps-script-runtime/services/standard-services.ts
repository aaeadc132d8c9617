import type { HostService } from "../host-service";
import { DEFAULT_TIME_ZONE, type Manifest } from "../manifest";
import { CacheStores, cacheService } from "./cache-service";
import { htmlService } from "./html-service";
import { LockStates, lockService } from "./lock-service";
import { PropertyStores, propertiesService } from "./properties-service";
import { StateTokens, scriptApp } from "./script-app";
import { session } from "./session";
import { type Routes, urlFetchApp } from "./url-fetch-app";
import { URL_FETCH_CALLS_PER_DAY_CONSUMER, UrlFetchQuota } from "./url-fetch-limits";
import { utilities } from "./utilities";

/** The services every execution gets besides the document's (SpreadsheetApp), and their shared state. */
export interface StandardServices {
  readonly list: HostService[];
  readonly properties: PropertyStores;
  readonly caches: CacheStores;
  readonly locks: LockStates;
  readonly stateTokens: StateTokens;
  /** Each person's UrlFetchApp calls in their day. */
  readonly urlFetchQuota: UrlFetchQuota;
  readonly scriptId: string;
}

export interface StandardServiceOptions {
  manifest: Manifest;
  routes?: Routes;
  files?: Readonly<Record<string, string>>;
  scriptId?: string;
  /** The host clock (ms since the epoch), for cache expiry. */
  now?: () => number;
  /** People whose email Session answers blank (Google withholds it: a consumer account, another domain). */
  hiddenEmails?: readonly string[];
  /**
   * UrlFetchApp calls a person may make in 24 hours: 20,000 (a consumer account, the default) or 100,000 (Google
   * Workspace; `URL_FETCH_CALLS_PER_DAY_WORKSPACE`).
   */
  urlFetchCallsPerDay?: number;
}

export function standardServices(options: StandardServiceOptions): StandardServices {
  const timeZone = options.manifest.timeZone ?? DEFAULT_TIME_ZONE;
  const scriptId = options.scriptId ?? "local-apps-script-project";
  const properties = new PropertyStores();
  const caches = new CacheStores(options.now ?? Date.now);
  const locks = new LockStates();
  const stateTokens = new StateTokens();
  const urlFetchQuota = new UrlFetchQuota(
    options.urlFetchCallsPerDay ?? URL_FETCH_CALLS_PER_DAY_CONSUMER,
    options.now ?? Date.now,
  );
  const list = [
    propertiesService(properties),
    cacheService(caches),
    lockService(locks),
    urlFetchApp(options.routes ?? {}, options.manifest.urlFetchWhitelist, urlFetchQuota),
    utilities(timeZone),
    session(timeZone, scriptId, options.hiddenEmails),
    scriptApp(scriptId, stateTokens),
    htmlService(options.files ?? {}),
  ];
  return { list, properties, caches, locks, stateTokens, urlFetchQuota, scriptId };
}

import { base64 } from "../ringcentral/client";
import type { AuthorizationFlow, AuthorizationSettings } from "../server/authorization-flow";
import { type AuthCallbackRequest, type OAuth2Service, oauth2Library } from "./oauth2-library";
import { SIGN_IN_ARGUMENT, startPendingSignIn, takePendingSignIn } from "./pending-sign-in";
import { saveConnection } from "./person-connection";

/** The library keeps the token under `oauth2.ringcentral` in the person's user properties. */
const SERVICE = "ringcentral";
/** The top-level function RingCentral's redirect reaches, through Apps Script's /usercallback. */
export const CALLBACK = "authCallback";

/** RingCentral's authorization code endpoints on the person's server, stored per person, refreshed under a lock. */
export function ringCentralService(settings: AuthorizationSettings): OAuth2Service {
  const service = oauth2Library()
    .createService(SERVICE)
    .setAuthorizationBaseUrl(`${settings.server}/restapi/oauth/authorize`)
    .setTokenUrl(`${settings.server}/restapi/oauth/token`)
    .setClientId(settings.clientId)
    .setCallbackFunction(CALLBACK)
    .setPropertyStore(PropertiesService.getUserProperties())
    .setCache(CacheService.getUserCache())
    .setLock(LockService.getUserLock());
  if (!settings.clientSecret) return service;
  // RingCentral authenticates a confidential app by Basic auth on the token endpoint.
  return service
    .setClientSecret(settings.clientSecret)
    .setTokenHeaders({ Authorization: `Basic ${base64(`${settings.clientId}:${settings.clientSecret}`)}` });
}

/**
 * The library's storage of the token, whatever it holds (even a record it cannot parse): reset needs no settings.
 * Reset removes from the cache only the keys the properties still have, so the token's own cache entry (the
 * library's key, `oauth2.` and the service's name) goes by name too.
 */
export function forgetLibraryToken(): void {
  const cache = CacheService.getUserCache();
  oauth2Library().createService(SERVICE).setPropertyStore(PropertiesService.getUserProperties()).setCache(cache).reset();
  cache.remove(`oauth2.${SERVICE}`);
}

/** The Apps Script home's authorization flow: pending, bound to the person who started it, until the callback. */
export const appsScriptAuthorization: AuthorizationFlow = {
  start(settings) {
    const nonce = startPendingSignIn(settings);
    const service = ringCentralService(settings);
    service.reset();
    const url = service.generateCodeVerifier().getAuthorizationUrl({ [SIGN_IN_ARGUMENT]: nonce });
    return { url, redirectUri: service.getRedirectUri() };
  },
};

/**
 * RingCentral's redirect: Apps Script has checked the state token; the callback must be this person's own pending
 * sign-in (its nonce, not expired), else nothing is exchanged or stored. The library then exchanges the code (with
 * the PKCE verifier the state carries) and stores the token; the pending settings become the person's connection,
 * which the sidebar's polling of connectionStatus notices.
 */
export function finishAuthorization(request: AuthCallbackRequest): { connected: boolean; message: string } {
  const pending = takePendingSignIn(request.parameter);
  if ("refused" in pending) return { connected: false, message: pending.refused };
  let granted: boolean;
  try {
    granted = ringCentralService(pending).handleCallback(request);
  } catch (error) {
    return {
      connected: false,
      message: `RingCentral refused the sign-in: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (!granted) return { connected: false, message: "The sign-in was declined: start again from the sidebar." };
  saveConnection(pending);
  return { connected: true, message: `Connected to ${pending.server}. You can close this window.` };
}

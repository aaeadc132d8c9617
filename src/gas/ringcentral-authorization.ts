import { base64 } from "../ringcentral/client";
import type { AuthorizationFlow, AuthorizationSettings } from "../server/authorization-flow";
import { type AuthCallbackRequest, type OAuth2Service, oauth2Library } from "./oauth2-library";
import { forgetAuthorizing, readAuthorizing, saveAuthorizing, saveConnection } from "./person-connection";

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

/** The Apps Script home's authorization flow: pending until the callback has a token. */
export const appsScriptAuthorization: AuthorizationFlow = {
  start(settings) {
    saveAuthorizing(settings);
    const service = ringCentralService(settings);
    service.reset();
    return { url: service.generateCodeVerifier().getAuthorizationUrl(), redirectUri: service.getRedirectUri() };
  },
};

/**
 * RingCentral's redirect: the library checks the state token, exchanges the code (with the PKCE verifier the state
 * carries) and stores the token; then the pending settings become the person's connection, which the sidebar's
 * polling of connectionStatus notices.
 */
export function finishAuthorization(request: AuthCallbackRequest): { connected: boolean; message: string } {
  const pending = readAuthorizing();
  if (!pending) return { connected: false, message: "No sign-in is waiting: start again from the sidebar." };
  // One callback ends the attempt, whatever its outcome: a stale state cannot connect the person later.
  forgetAuthorizing();
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

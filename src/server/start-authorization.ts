import { checkServerAddress } from "../ringcentral/server-address";
import { AuthorizationRequestSchema } from "./authorization-flow";
import { serverFunction } from "./server-function";

export type AuthorizationStart = { url: string; redirectUri: string } | { url: null; message: string };

/** Sign in with RingCentral's page: the URL the sidebar opens in a popup; the sidebar then polls connectionStatus. */
export const startAuthorization = serverFunction(AuthorizationRequestSchema, (home, input): AuthorizationStart => {
  if (!home.authorization)
    return { url: null, message: "Signing in through RingCentral's page works in Google Sheets; here, use a JWT credential." };
  const server = checkServerAddress(input.server);
  if (!server.ok) return { url: null, message: server.problem };
  return home.authorization.start({ ...input, server: server.address });
});

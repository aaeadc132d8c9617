import { RingCentralClient } from "../../ringcentral/client";
import { checkServerAddress } from "../../ringcentral/server-address";
import { FetchTransport } from "../fetch-transport";
import { fileGovernorMemory } from "../file-governor-memory";
import { FileTokenStore } from "../file-token-store";
import { UsageError } from "./usage-error";

/**
 * The CLI's RingCentral connection: the server from --server or RC_SERVER; the app and JWT credential from
 * RC_CLIENT_ID, RC_CLIENT_SECRET and RC_JWT, or, for a local sandbox, the sandbox's own defaults. Tokens are kept
 * per server, app and credential under the user's config dir, so runs in a row do not sign in again (the Auth group
 * allows 5 a minute) and another credential never uses them.
 */
export async function connect(serverFlag: string | undefined): Promise<RingCentralClient> {
  const server = serverAddress(serverFlag);
  const credentials = await credentialsFor(server);
  const store = new FileTokenStore(server, credentials);
  const governorMemory = fileGovernorMemory(store.path);
  return new RingCentralClient({ server, ...credentials, transport: new FetchTransport(), store, governorMemory });
}

/** The server from --server or RC_SERVER, checked. */
export function serverAddress(serverFlag: string | undefined): string {
  const given = serverFlag ?? process.env.RC_SERVER;
  if (!given)
    throw new UsageError(
      "Which RingCentral? Give --server URL or RC_SERVER (a local sandbox: npm run rcsheets -- sandbox --port 8788).",
    );
  // https only, or plain http to this machine (a local sandbox): never a script, a file or a remote http host.
  const checked = checkServerAddress(given);
  if (!checked.ok) throw new UsageError(`--server ${given}: ${checked.problem}`);
  return checked.address;
}

/** The app and JWT credential: RC_CLIENT_ID, RC_CLIENT_SECRET and RC_JWT, or a local sandbox's own. */
export async function credentialsFor(server: string): Promise<{ clientId: string; clientSecret?: string; jwt?: string }> {
  return process.env.RC_CLIENT_ID ? fromEnvironment() : await fromSandbox(server);
}

function fromEnvironment() {
  const { RC_CLIENT_ID: clientId = "", RC_CLIENT_SECRET: clientSecret, RC_JWT: jwt } = process.env;
  return { clientId, ...(clientSecret ? { clientSecret } : {}), ...(jwt ? { jwt } : {}) };
}

async function fromSandbox(server: string) {
  if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/?$/.test(server))
    throw new Error(`No credentials for ${server}: set RC_CLIENT_ID, RC_CLIENT_SECRET and RC_JWT.`);
  const response = await fetch(`${server.replace(/\/$/, "")}/__sandbox/connection`).catch(() => null);
  if (!response?.ok) throw new Error(`${server} is not a running rcsheets sandbox, and RC_CLIENT_ID is not set.`);
  return (await response.json()) as { clientId: string; clientSecret: string; jwt: string };
}

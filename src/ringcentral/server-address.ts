/**
 * Where the RingCentral platform is, checked without `URL` (Apps Script has none): `https://host[:port]`, or
 * `http://` to this machine only (a local sandbox). Nothing else: no other scheme, no user name or password, no
 * path, query or fragment, since the client appends the API's paths itself and sends tokens to this address.
 * Messages never repeat the value: a pasted address may hold a password.
 */
export type ServerAddressCheck = { ok: true; address: string } | { ok: false; problem: string };

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;
const EXAMPLE = "give it as https://host, e.g. https://platform.ringcentral.com";

/** The address as the client uses it (scheme and host in lower case, no trailing slash), or what is wrong with it. */
export function checkServerAddress(text: string): ServerAddressCheck {
  const value = text.trim().replace(/\/+$/, "");
  if (!value) return refuse("The server address is empty");
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (!scheme) return refuse("The server address does not start with https://");
  if (scheme !== "https" && scheme !== "http") return refuse(`The server address must use https, not ${scheme}:`);
  const rest = value.slice(scheme.length + 3);
  if (rest.includes("@")) return refuse("The server address must not hold a user name or password (user@host)");
  if (/[/?#\\]/.test(rest)) return refuse("The server address must be the host alone, without a path, ? or #");
  const [, host = "", port] = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(rest.toLowerCase()) ?? [];
  if (!host || !(HOST_NAME.test(host) || IPV4.test(host) || IPV6.test(host)))
    return refuse("The server address has no valid host name");
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65_535))
    return refuse("The server address's port must be a number from 1 to 65535");
  if (scheme === "http" && !LOOPBACK.has(host))
    return refuse("The server address must use https (plain http only to this machine: 127.0.0.1, localhost, [::1])");
  return { ok: true, address: `${scheme}://${host}${port === undefined ? "" : `:${port}`}` };
}

function refuse(problem: string): ServerAddressCheck {
  return { ok: false, problem: `${problem}: ${EXAMPLE}.` };
}

import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { BULK_CLAIMS } from "./api/bulk-update";
import { queuedFaultSchema } from "./faults";
import { json, noContent, notFound, type Reply, refuse } from "./http/reply";
import type { RequestBody } from "./http/request-body";
import type { ServerDeps } from "./server";

/**
 * Admin routes for tests and the playground, under /__sandbox/. No token, not rate-limited, never passed to
 * onExchange: they are not the platform, they are the hand that sets it up. They print credentials, so they answer
 * only this machine's programs, not a web page in its browser: see adminRefusal.
 *   GET    /__sandbox/state              the account (extensions, numbers, sites, roles)
 *   GET    /__sandbox/faults             queued faults and the count each kind has fired ({faults, fired});  POST one ({kind, status?, ms?, method?, path?, count?});  DELETE all
 *   PUT    /__sandbox/sso                {enabled}
 *   PUT    /__sandbox/bulk-update        {claims?: accepted|records|whole, stuckTasks?}: how bulk-update takes claims
 *   POST   /__sandbox/apps               {permissions?, grants?, redirectUris?, public?} → {clientId, clientSecret?}
 *   POST   /__sandbox/jwt                {ownerId?, clientIds?} → {jwt}
 *   GET    /__sandbox/connection         the default app's {clientId, clientSecret, jwt}
 */
const appBody = z.object({
  permissions: z.array(z.enum(["ReadAccounts", "EditAccounts", "EditExtensions", "RoleManagement"])).optional(),
  grants: z.array(z.enum(["jwt", "authorization_code", "refresh_token"])).optional(),
  redirectUris: z.array(z.string()).optional(),
  public: z.boolean().optional(),
});
const bulkUpdateBody = z.object({ claims: z.enum(BULK_CLAIMS).optional(), stuckTasks: z.number().int().min(0).optional() });
const jwtBody = z.object({ ownerId: z.number().int().optional(), clientIds: z.array(z.string()).optional() });

export async function handleAdmin(
  deps: ServerDeps,
  request: IncomingMessage,
  method: string,
  url: URL,
  body: RequestBody,
): Promise<Reply> {
  const refused = adminRefusal(request, new URL(deps.baseUrl()), body);
  if (refused) return refused;
  const { platform } = deps;
  const route = `${method} ${url.pathname.replace(/\/$/, "")}`;
  const input = body.kind === "json" ? body.value : {};
  switch (route) {
    case "GET /__sandbox/state":
      return json({ ownerId: platform.ownerId, ...platform.account.toData() });
    case "GET /__sandbox/connection":
      return deps.connection ? json(deps.connection()) : notFound("connection");
    case "GET /__sandbox/faults":
      return json({ faults: platform.faults.pending(), fired: platform.faults.fired() });
    case "POST /__sandbox/faults": {
      const fault = queuedFaultSchema.safeParse(input);
      if (!fault.success) return refuse(400, "CMN-101", fault.error.issues[0]?.message ?? "invalid fault", "kind");
      platform.faults.enqueue(fault.data);
      return noContent();
    }
    case "DELETE /__sandbox/faults":
      platform.faults.clear();
      return noContent();
    case "PUT /__sandbox/sso": {
      const sso = z.object({ enabled: z.boolean() }).safeParse(input);
      if (!sso.success) return refuse(400, "CMN-101", "expected {enabled: boolean}", "enabled");
      platform.account.sso = sso.data.enabled;
      deps.onAdminChange?.();
      return json({ sso: platform.account.sso });
    }
    case "PUT /__sandbox/bulk-update": {
      const switches = bulkUpdateBody.safeParse(input);
      if (!switches.success) return refuse(400, "CMN-101", "expected {claims?: accepted|records|whole, stuckTasks?}", "claims");
      Object.assign(platform.bulkUpdate, switches.data);
      return json(platform.bulkUpdate);
    }
    case "POST /__sandbox/apps": {
      const app = appBody.safeParse(input);
      if (!app.success) return refuse(400, "CMN-101", app.error.issues[0]?.message ?? "invalid app", "permissions");
      const { public: isPublic, ...registration } = app.data;
      const registered = platform.registerApp({ ...registration, ...(isPublic ? { clientSecret: null } : {}) });
      return json({ clientId: registered.clientId, clientSecret: registered.clientSecret });
    }
    case "POST /__sandbox/jwt": {
      const jwt = jwtBody.safeParse(input);
      if (!jwt.success) return refuse(400, "CMN-101", jwt.error.issues[0]?.message ?? "invalid body", "ownerId");
      const ownerId = jwt.data.ownerId ?? platform.ownerId;
      if (!platform.account.extensions.has(ownerId)) return notFound("ownerId", String(ownerId));
      return json({ jwt: platform.createJwt(ownerId, jwt.data.clientIds) });
    }
    default:
      return notFound("path", url.pathname);
  }
}

/**
 * Why an admin request is refused, or null. A page in a browser on this machine reaches loopback too: with a
 * rebound DNS name its Host is that name (refused), a cross-site request carries its Origin (refused), and a form
 * can post only text or form bodies, never application/json (refused, 415).
 */
function adminRefusal(request: IncomingMessage, own: URL, body: RequestBody): Reply | null {
  if (!isLoopback(request.socket.remoteAddress)) return refuse(403, "CMN-401", "Sandbox admin routes answer loopback only");
  const hosts = [own.host, `localhost:${own.port}`];
  if (!hosts.includes(request.headers.host ?? ""))
    return refuse(403, "CMN-401", `Sandbox admin routes answer only requests to ${own.host}`);
  const origin = request.headers.origin;
  if (origin !== undefined && !hosts.some((host) => origin === `${own.protocol}//${host}`))
    return refuse(403, "CMN-401", "Sandbox admin routes refuse requests from another origin");
  const type = request.headers["content-type"] ?? "";
  if (body.kind !== "none" && !/^application\/json\s*(;|$)/i.test(type))
    return refuse(415, "CMN-415", "Sandbox admin routes take JSON bodies only (Content-Type: application/json)");
  return null;
}

function isLoopback(address: string | undefined): boolean {
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}

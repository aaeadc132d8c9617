import type { IncomingMessage, ServerResponse } from "node:http";
import { handleAdmin } from "./admin-routes";
import type { ApiRequest } from "./api/context";
import { notFound, type Reply, refuse } from "./http/reply";
import { bodyValue, readBody } from "./http/request-body";
import type { RouteMatch, Router } from "./http/router";
import { claimedClientId } from "./oauth/client-auth";
import type { Operation } from "./operations";
import type { Platform } from "./platform";

/** What the conformance checker sees of every API exchange (never the /__sandbox admin routes). */
export interface Exchange {
  method: string;
  path: string;
  query: string;
  status: number;
  requestBody: unknown;
  responseBody: unknown;
}

export interface ServerDeps {
  platform: Platform;
  router: Router<Operation>;
  baseUrl: () => string;
  onExchange?: (exchange: Exchange) => void;
  onAdminChange?: () => void;
  /** The default app's credentials, for a CLI on this machine that was given only the sandbox's URL. */
  connection?: () => { clientId: string; clientSecret: string; jwt: string };
}

/**
 * One request through the platform, in the order the checks happen: faults (latency, drop, 5xx), the bearer token,
 * the rate limit of the operation's group, the app permission, the account id, then the operation itself; a `lose`
 * fault then closes the connection instead of answering.
 */
export async function handleRequest(deps: ServerDeps, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://sandbox.invalid");
  const method = (request.method ?? "GET").toUpperCase();
  const body = await readBody(request);
  if (url.pathname.startsWith("/__sandbox/") || url.pathname === "/__sandbox") {
    return writeReply(response, await handleAdmin(deps, request, method, url, body));
  }
  const plan = deps.platform.faults.plan(method, url.pathname);
  if (plan.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, plan.latencyMs));
  if (plan.terminal?.kind === "drop") {
    request.socket.destroy();
    return;
  }
  const match = deps.router.match(method, url.pathname);
  const apiRequest: ApiRequest = {
    platform: deps.platform,
    params: match?.params ?? {},
    query: url.searchParams,
    body,
    headers: request.headers,
    baseUrl: deps.baseUrl(),
  };
  let reply: Reply;
  if (plan.terminal?.kind === "5xx") reply = serverError(plan.terminal.status);
  else if (!match)
    reply = refuse(404, "CMN-102", `Resource for parameter [path] is not found: ${method} ${url.pathname}`, "path", url.pathname);
  else reply = await runOperation(match, apiRequest, faultOfOperation(plan.terminal?.kind));
  if (plan.terminal?.kind === "lose") {
    // The work is done; the answer never leaves.
    request.socket.destroy();
    return;
  }
  writeReply(response, reply);
  deps.onExchange?.({
    method,
    path: url.pathname,
    query: url.search.replace(/^\?/, ""),
    status: reply.status,
    requestBody: bodyValue(body),
    responseBody: reply.body,
  });
}

async function runOperation(
  match: RouteMatch<Operation>,
  request: ApiRequest,
  fault: "expire" | "429" | undefined,
): Promise<Reply> {
  const operation = match.value;
  const { platform } = request;
  if (operation.auth === "client") {
    const form = request.body.kind === "form" ? request.body.value : {};
    // The Auth group is counted per app: before the grant resolves there is no token owner to count by.
    const key = `${claimedClientId(request.headers, form, request.query)}|auth`;
    return limited(request, key, operation.group, fault, () => operation.handle(request));
  }
  const token = bearerToken(request);
  if (fault === "expire" && token) platform.sessions.expireNow(token);
  const check = token ? platform.sessions.check(token) : ({ kind: "malformed" } as const);
  if (check.kind === "expired") return refuse(401, "OAU-128", "Access token expired");
  if (check.kind === "unknown") return refuse(401, "OAU-129", "Access token corrupted");
  if (check.kind === "malformed")
    return refuse(401, "OAU-149", "Invalid token: Authorization header is missing or not a Bearer token");
  const session = check.session;
  const key = `${session.clientId}|${session.ownerId}`;
  return limited(request, key, operation.group, fault, () => {
    const app = platform.apps.get(session.clientId);
    if (operation.permission && !app?.permissions.has(operation.permission)) {
      return refuse(
        403,
        "CMN-401",
        `In order to call this API endpoint, application needs to have [${operation.permission}] permission`,
      );
    }
    const accountId = request.params.accountId;
    if (accountId !== undefined && accountId !== "~" && accountId !== String(platform.account.id))
      return notFound("accountId", accountId);
    return operation.handle({ ...request, session });
  });
}

/** Count the request in its group; a refusal or an injected 429 answers CMN-301 with the rate headers. */
async function limited(
  request: ApiRequest,
  key: string,
  group: Operation["group"],
  fault: "expire" | "429" | undefined,
  run: () => Reply | Promise<Reply>,
): Promise<Reply> {
  const { limiter } = request.platform;
  const decision = fault === "429" ? { allowed: false as const, ...limiter.refusalHeaders(group) } : limiter.take(key, group);
  if (!decision.allowed) {
    const reply = refuse(429, "CMN-301", "Request rate exceeded");
    return { ...reply, headers: decision.headers };
  }
  const reply = await run();
  return { ...reply, headers: { ...decision.headers, ...reply.headers } };
}

/**
 * `Authorization: Bearer …` (the scheme is case-insensitive: the official SDK sends `bearer`, from `token_type`), or
 * the discouraged `?access_token=` the platform also accepts.
 */
function bearerToken(request: ApiRequest): string | undefined {
  const header = request.headers.authorization;
  if (header && /^bearer /i.test(header)) return header.slice(7).trim();
  return request.query.get("access_token") ?? undefined;
}

function faultOfOperation(kind: string | undefined): "expire" | "429" | undefined {
  return kind === "expire" || kind === "429" ? kind : undefined;
}

function serverError(status: number): Reply {
  return status === 503
    ? refuse(503, "CMN-211", "Service temporarily unavailable")
    : refuse(status, "CMN-500", "Internal server error");
}

export function writeReply(response: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers, RCRequestId: crypto.randomUUID() };
  if (reply.html !== undefined) {
    response.writeHead(reply.status, { ...headers, "Content-Type": "text/html; charset=utf-8" });
    response.end(reply.html);
  } else if (reply.body === undefined) {
    response.writeHead(reply.status, headers);
    response.end();
  } else {
    response.writeHead(reply.status, { ...headers, "Content-Type": "application/json; charset=utf-8" });
    response.end(JSON.stringify(reply.body));
  }
}

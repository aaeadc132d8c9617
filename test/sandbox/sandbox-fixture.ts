import { afterEach } from "vitest";
import { type RunningSandbox, type SandboxOptions, startSandbox } from "../../src/sandbox/index";

/** Plain-fetch access to a sandbox started for one test (loopback, port 0) and closed after it. */
export interface Harness {
  sandbox: RunningSandbox;
  token: string;
  call(
    method: string,
    path: string,
    options?: { body?: unknown; token?: string; headers?: Record<string, string> },
  ): Promise<Answer>;
  login(clientId?: string, clientSecret?: string, jwt?: string): Promise<Answer>;
  form(path: string, fields: Record<string, string>, headers?: Record<string, string>): Promise<Answer>;
}

export interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON
  body: any;
  text: string;
}

const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

export const jwtGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";
export const v1 = "/restapi/v1.0/account/~";

export async function harness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ users: 14, lines: 60, ...options });
  running.push(sandbox);
  const send = async (
    method: string,
    path: string,
    init: { body?: string; headers?: Record<string, string> },
  ): Promise<Answer> => {
    const response = await fetch(new URL(path, sandbox.serverUrl), { method, redirect: "manual", ...init });
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    return { status: response.status, headers: response.headers, body, text };
  };
  const form = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> =>
    send("POST", path, {
      body: new URLSearchParams(fields).toString(),
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    });
  const login = (clientId = sandbox.clientId, clientSecret = sandbox.clientSecret, jwt = sandbox.jwt): Promise<Answer> =>
    form("/restapi/oauth/token", { grant_type: jwtGrant, assertion: jwt }, { Authorization: basic(clientId, clientSecret) });
  const first = await login();
  const h: Harness = {
    sandbox,
    token: first.body.access_token,
    login,
    form,
    call: (method, path, options = {}) =>
      send(method, path, {
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        headers: {
          Authorization: `Bearer ${options.token ?? h.token}`,
          ...(options.body !== undefined ? { "Content-Type": "application/json" } : {}),
          ...options.headers,
        },
      }),
  };
  return h;
}

export function basic(clientId: string, clientSecret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`;
}

/** The first unassigned extension of a type, with its number. */
export async function unassignedLine(h: Harness, type = "User"): Promise<{ id: number; phoneNumber: string }> {
  const list = await h.call("GET", `${v1}/extension?status=Unassigned&type=${type}&perPage=1`);
  const id = list.body.records[0].id as number;
  const numbers = await h.call("GET", `${v1}/extension/${id}/phone-number`);
  return { id, phoneNumber: numbers.body.records[0].phoneNumber };
}

export const goodPassword = "Ringer#4826x";

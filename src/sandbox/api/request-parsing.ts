import type { z } from "zod";
import { invalidParameter, notFound, type Reply, refuse } from "../http/reply";
import type { RequestBody } from "../http/request-body";
import type { ApiRequest, AuthorizedRequest } from "./context";

export type Parsed<T> = { ok: true; value: T } | { ok: false; reply: Reply };

/** A JSON body checked by its schema; the first issue becomes the platform's CMN-101 with the parameter's dotted path. */
export function parseJson<S extends z.ZodType>(body: RequestBody, schema: S): Parsed<z.infer<S>> {
  if (body.kind === "unparsable") return { ok: false, reply: refuse(400, "CMN-103", "JSON can't be parsed") };
  if (body.kind === "form")
    return { ok: false, reply: refuse(415, "CMN-104", "Unsupported content type, expected application/json") };
  const result = schema.safeParse(body.kind === "json" ? body.value : {});
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const name = issue && issue.path.length > 0 ? issue.path.join(".") : "body";
  return { ok: false, reply: invalidParameter(name, `Parameter [${name}] value is invalid: ${issue?.message ?? "invalid"}`) };
}

/** `~` means the extension of the token's owner. */
export function extensionIdParam(request: AuthorizedRequest): Parsed<number> {
  const raw = request.params.extensionId ?? "~";
  if (raw === "~") return { ok: true, value: request.session.ownerId };
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || !request.platform.account.extensions.has(id)) {
    return { ok: false, reply: notFound("extensionId", raw) };
  }
  return { ok: true, value: id };
}

/** Repeated parameters (`type=User&type=Limited`), also under the `type[]` spelling. */
export function queryList(request: ApiRequest, name: string): string[] {
  return [...request.query.getAll(name), ...request.query.getAll(`${name}[]`)].filter((v) => v !== "");
}

/** `true`/`false` query flags; anything else counts as absent. */
export function queryFlag(request: ApiRequest, name: string): boolean | undefined {
  const value = request.query.get(name);
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

export function accountUri(request: ApiRequest): string {
  return `${request.baseUrl}/restapi/v1.0/account/${request.platform.account.id}`;
}

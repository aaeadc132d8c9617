import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";

/** Where the official spec is: RC_OPENAPI_SPEC, else shared/ beside the checkout (where CI puts it). */
export function specPath(root: string): string {
  return process.env.RC_OPENAPI_SPEC ?? resolve(root, "../shared/ringcentral/rc-public-openapi.yml");
}

interface SpecOperation {
  method: string;
  template: string;
  pattern: RegExp;
  /** Fewer path parameters = more specific: `/extension/default` wins over `/extension/{id}`. */
  parameters: number;
  requestSchema?: unknown;
  responses: Record<string, unknown>;
  operationId: string;
}

export interface Verdict {
  operation: string | null;
  problems: string[];
}

/** The official OpenAPI spec, as a checker of request and response bodies. */
export class OpenApiSpec {
  private readonly operations: SpecOperation[] = [];
  private readonly ajv: Ajv;
  private readonly validators = new Map<unknown, ValidateFunction>();

  constructor(path: string) {
    if (!existsSync(path)) throw new Error(`The OpenAPI spec is missing at ${path}: set RC_OPENAPI_SPEC to its path.`);
    const spec = parse(readFileSync(path, "utf8"), { maxAliasCount: -1 }) as OpenApiDocument;
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, discriminator: false, unicodeRegExp: false });
    addFormats(this.ajv);
    for (const format of ["int32", "int64", "float", "double", "byte", "binary", "password"]) this.ajv.addFormat(format, true);
    // A known defect of the spec: ids such as ProvisioningSiteInfo.id are declared `format: uri`, yet its own text
    // (and the platform) give them as `main-site` or digits. Read `uri` as a URI reference, which those are.
    this.ajv.addFormat("uri", (value: string) => !/[\s<>"]/.test(value));
    this.ajv.addSchema(spec, "spec");
    for (const [template, item] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
        const op = operation as OpenApiOperation;
        this.operations.push({
          method: method.toUpperCase(),
          template,
          pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
          parameters: (template.match(/\{/g) ?? []).length,
          requestSchema: op.requestBody?.content?.["application/json"]?.schema,
          responses: op.responses ?? {},
          operationId: op.operationId ?? `${method} ${template}`,
        });
      }
    }
    this.operations.sort((a, b) => a.parameters - b.parameters);
  }

  /** Checks one exchange: the request's JSON body and the response's JSON body against the operation's schemas. */
  check(exchange: { method: string; path: string; status: number; requestBody: unknown; responseBody: unknown }): Verdict {
    const undocumented = UNDOCUMENTED.find((u) => u.method === exchange.method && u.pattern.test(exchange.path));
    if (undocumented) return { operation: `undocumented: ${undocumented.name}`, problems: [] };
    const operation = this.operations.find((o) => o.method === exchange.method && o.pattern.test(exchange.path));
    if (!operation && exchange.status === 404)
      return {
        operation: "unknown path",
        problems: this.problems("error 404", errorSchema(exchange.path), exchange.responseBody),
      };
    if (!operation) return { operation: null, problems: [`${exchange.method} ${exchange.path} is not in the spec.`] };
    const problems: string[] = [];
    // A request the platform refused may break the spec on purpose (a test of that refusal); one it took may not.
    if (operation.requestSchema && isJson(exchange.requestBody) && exchange.status < 400)
      problems.push(...this.problems("request", operation.requestSchema, exchange.requestBody));
    const schema = responseSchema(operation.responses, exchange.status);
    if (schema && isJson(exchange.responseBody))
      problems.push(...this.problems(`response ${exchange.status}`, schema, exchange.responseBody));
    if (exchange.status >= 400 && isJson(exchange.responseBody) && !schema)
      problems.push(...this.problems(`error ${exchange.status}`, errorSchema(exchange.path), exchange.responseBody));
    return { operation: operation.operationId, problems };
  }

  private problems(what: string, schema: unknown, body: unknown): string[] {
    let validate = this.validators.get(schema);
    if (!validate) {
      validate = this.ajv.compile(withSpecRefs(schema) as object);
      this.validators.set(schema, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).slice(0, 5).map((e) => `${what}: ${e.instancePath || "/"} ${e.message ?? ""}`);
  }
}

/** The documented schema of a status: exact, then 2XX-style, then default. */
function responseSchema(responses: Record<string, unknown>, status: number): unknown {
  const response = (responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default) as
    | { content?: Record<string, { schema?: unknown }> }
    | undefined;
  return response?.content?.["application/json"]?.schema;
}

/** Calls real tools make that the spec lacks (API.md marks them [UNDOCUMENTED]): nothing to check them against. */
const UNDOCUMENTED = [
  { name: "listSecretQuestions", method: "GET", pattern: /^\/restapi\/v1\.0\/dictionary\/secret-question$/ },
  { name: "updateCredentials", method: "PUT", pattern: /^\/restapi\/v1\.0\/account\/[^/]+\/extension\/[^/]+\/credentials$/ },
];

/**
 * The spec lists no error responses per operation; the platform's error models are these. The OAuth endpoints
 * answer their own shape, except for refusals made before the grant is read (429, 5xx), which use the API's.
 */
function errorSchema(path: string): unknown {
  const api = { $ref: "#/components/schemas/ApiErrorResponseModel" };
  const oauth = { type: "object", required: ["error"], properties: { error: { type: "string" }, errors: { type: "array" } } };
  return path.startsWith("/restapi/oauth/") ? { anyOf: [oauth, api] } : api;
}

/** `#/components/...` inside the spec document, which ajv knows as "spec". */
function withSpecRefs(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"spec#/'));
}

function isJson(body: unknown): boolean {
  return body !== undefined && body !== null && body !== "";
}

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}

interface OpenApiOperation {
  operationId?: string;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, unknown>;
}

export const repoRoot = join(import.meta.dirname, "../..");

import { authModeRefusal } from "./auth-modes";
import type { Execution, HostService } from "./host-service";
import { scopeRefusal } from "./scopes";
import { className, decode, encode, HandleTable } from "./wire";

/** Per-call latency (ms) by service name, added before the host answers: the price of a real service's round trip. */
export type Latency = Readonly<Record<string, number>>;

/**
 * A SpreadsheetApp call's round trip when nothing says otherwise. Google publishes no figure, only that such calls are
 * "relatively expensive" (developers.google.com/apps-script/guides/support/best-practices); the one public
 * measurement found is 400 calls to `SpreadsheetApp.flush()` taking "almost 12 seconds", 30 ms each (a Stack
 * Overflow answer, "What is faster: ScriptDb or SpreadsheetApp?", docs/apps-script-runtime.md links it). An assumption
 * until the add-in's first-contact report measures it.
 */
export const SPREADSHEET_CALL_MS = 30;
export const DEFAULT_LATENCY: Latency = { SpreadsheetApp: SPREADSHEET_CALL_MS };

/**
 * One execution, on the host's side: its host objects and their handles, and every call it makes, checked against
 * the authorization mode and the manifest's scopes, counted, priced, then made.
 */
export class ExecutionHost {
  readonly table = new HandleTable();
  /** Calls by `Class.method` (refused ones too: the script made them). */
  readonly calls: Record<string, number> = {};
  /** Calls by the service (global) whose objects they were made on. */
  readonly serviceCalls: Record<string, number> = {};

  constructor(
    readonly execution: Execution,
    private readonly grantedScopes: readonly string[] | undefined,
    private readonly latency: Latency,
  ) {}

  private rootObjects: Map<string, object> | null = null;

  /** The root object of each service for this execution, created once. */
  roots(services: readonly HostService[]): ReadonlyMap<string, object> {
    if (!this.rootObjects) this.rootObjects = new Map(services.map((service) => [service.name, service.create(this.execution)]));
    return this.rootObjects;
  }

  /** The services' roots as the context's globals (encoded before anything else, so with their constants). */
  globals(services: readonly HostService[]): string {
    const encoded: Record<string, unknown> = {};
    for (const [name, root] of this.roots(services)) encoded[name] = encode(root, this.table, name);
    return JSON.stringify(encoded);
  }

  decodeResult(json: string): unknown {
    return decode(JSON.parse(json), this.table);
  }

  encodeArguments(args: readonly unknown[]): string {
    return JSON.stringify(encode(args, this.table, "arguments"));
  }

  /** One call from the context: `{h, m, a}` in, `{v}` or `{e, n}` (an error's message and name) out. */
  async call(json: string): Promise<string> {
    const { h, m, a } = JSON.parse(json) as { h: number; m: string; a: unknown };
    const { object, service } = this.table.get(h);
    const cls = className(object);
    this.count(`${cls}.${m}`, service);
    const refusal = authModeRefusal(this.execution.authMode, cls, m) ?? scopeRefusal(cls, m, this.grantedScopes);
    if (refusal) return JSON.stringify({ e: refusal, n: "Exception" });
    const price = this.latency[service];
    if (price) await new Promise((resolve) => setTimeout(resolve, price));
    const method = (object as Record<string, unknown>)[m];
    if (typeof method !== "function") return JSON.stringify({ e: `${cls}.${m} is not a function`, n: "TypeError" });
    try {
      const value = await method.apply(object, decode(a, this.table) as unknown[]);
      return JSON.stringify({ v: encode(value, this.table, service) });
    } catch (error) {
      // The name travels with the text: services throw Apps Script's `Exception`s, a host bug stays an Error.
      return JSON.stringify(error instanceof Error ? { e: error.message, n: error.name } : { e: String(error), n: "Error" });
    }
  }

  addLocalCalls(calls: Readonly<Record<string, number>>): void {
    for (const [name, n] of Object.entries(calls)) {
      this.calls[name] = (this.calls[name] ?? 0) + n;
      const service = name.split(".")[0] ?? name;
      this.serviceCalls[service] = (this.serviceCalls[service] ?? 0) + n;
    }
  }

  private count(name: string, service: string): void {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
    this.serviceCalls[service] = (this.serviceCalls[service] ?? 0) + 1;
  }
}

import { randomBytes } from "node:crypto";
import type { Execution, HostService } from "../host-service";

/**
 * ScriptApp: the script's id, the AuthMode enum, and state tokens as the OAuth2 library uses them
 * (newStateToken().withMethod().withArgument().withTimeout().createToken()). A token is opaque; the runtime keeps
 * its content, so the local /usercallback can trust it (`StateTokens.open`).
 */
export const AUTH_MODES = { NONE: "NONE", CUSTOM_FUNCTION: "CUSTOM_FUNCTION", LIMITED: "LIMITED", FULL: "FULL" };

export interface StateToken {
  method: string;
  arguments: Record<string, string>;
  expiresAt: number;
}

export class StateTokens {
  readonly #tokens = new Map<string, StateToken>();

  /** An opaque token (as Apps Script's are): its content stays on the host. */
  sign(token: StateToken): string {
    const text = randomBytes(48).toString("base64url");
    this.#tokens.set(text, token);
    return text;
  }

  /** The token's content if the runtime made it and it has not expired; null otherwise. */
  open(text: string, now = Date.now()): StateToken | null {
    const token = this.#tokens.get(String(text));
    return token && token.expiresAt > now ? token : null;
  }
}

export class StateTokenBuilder {
  readonly #tokens: StateTokens;
  #method = "";
  #timeoutSeconds = 60;
  readonly #arguments: Record<string, string> = {};

  constructor(tokens: StateTokens) {
    this.#tokens = tokens;
  }

  get [Symbol.toStringTag]() {
    return "StateTokenBuilder";
  }

  withMethod(method: string): StateTokenBuilder {
    this.#method = String(method);
    return this;
  }

  withArgument(name: string, value: string): StateTokenBuilder {
    this.#arguments[String(name)] = String(value);
    return this;
  }

  /** Apps Script accepts at most 3600 seconds. */
  withTimeout(seconds: number): StateTokenBuilder {
    this.#timeoutSeconds = Math.min(3600, Math.max(1, Number(seconds)));
    return this;
  }

  createToken(): string {
    return this.#tokens.sign({
      method: this.#method,
      arguments: { ...this.#arguments },
      expiresAt: Date.now() + this.#timeoutSeconds * 1000,
    });
  }
}

class ScriptAppRoot {
  readonly AuthMode = { ...AUTH_MODES };
  readonly #scriptId: string;
  readonly #tokens: StateTokens;
  readonly #execution: Execution;

  constructor(scriptId: string, tokens: StateTokens, execution: Execution) {
    this.#scriptId = scriptId;
    this.#tokens = tokens;
    this.#execution = execution;
  }

  get [Symbol.toStringTag]() {
    return "ScriptApp";
  }

  getScriptId(): string {
    return this.#scriptId;
  }

  newStateToken(): StateTokenBuilder {
    return new StateTokenBuilder(this.#tokens);
  }

  /** A stand-in token: no Google API is reachable from the runtime. */
  getOAuthToken(): string {
    return `local-oauth-token-${this.#execution.id}`;
  }
}

export function scriptApp(scriptId: string, tokens: StateTokens): HostService {
  return { name: "ScriptApp", create: (execution) => new ScriptAppRoot(scriptId, tokens, execution) };
}

import { createHash } from "node:crypto";
import type { Execution, HostService } from "../host-service";

/**
 * Session: the person running the execution, and the script's time zone (the manifest's). A person whose email
 * Google withholds (a consumer account, another domain: "If security policies do not allow access to the user's
 * email address, this method returns a blank string") is a User with a blank email.
 */
export class User {
  readonly #email: string;

  constructor(email: string) {
    this.#email = email;
  }

  get [Symbol.toStringTag]() {
    return "User";
  }

  getEmail(): string {
    return this.#email;
  }
}

class SessionRoot {
  readonly #execution: Execution;
  readonly #timeZone: string;
  readonly #scriptId: string;

  readonly #hidden: boolean;

  constructor(execution: Execution, timeZone: string, scriptId: string, hidden: boolean) {
    this.#execution = execution;
    this.#timeZone = timeZone;
    this.#scriptId = scriptId;
    this.#hidden = hidden;
  }

  get [Symbol.toStringTag]() {
    return "Session";
  }

  getActiveUser(): User {
    return new User(this.#hidden ? "" : this.#execution.user);
  }

  getEffectiveUser(): User {
    return new User(this.#hidden ? "" : this.#execution.user);
  }

  /** Stable per person and script, and not their email (Apps Script's own key is opaque too). */
  getTemporaryActiveUserKey(): string {
    return createHash("sha256").update(`${this.#scriptId}:${this.#execution.user}`).digest("base64url").slice(0, 43);
  }

  getScriptTimeZone(): string {
    return this.#timeZone;
  }

  getActiveUserLocale(): string {
    return "en";
  }
}

/** `hiddenEmails`: the people whose email Session does not reveal. */
export function session(timeZone: string, scriptId: string, hiddenEmails: readonly string[] = []): HostService {
  return {
    name: "Session",
    create: (execution) => new SessionRoot(execution, timeZone, scriptId, hiddenEmails.includes(execution.user)),
  };
}

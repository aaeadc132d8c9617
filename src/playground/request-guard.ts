import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/**
 * Who may talk to the playground: it holds a customer's user list with PINs and passwords, and any web page the
 * person visits can send requests to 127.0.0.1. So a request is answered only when its Host is the playground's own
 * loopback address and port (a rebinding name is refused), any Origin it carries is the playground's own page, and,
 * beyond the two pages themselves, it carries the secret the pages were served with and sends JSON (a cross-site
 * form can send neither without a preflight the playground never grants).
 */
export class RequestGuard {
  /** New at every start; written into the pages the playground serves. */
  readonly secret = randomBytes(24).toString("base64url");
  private origin = "";
  private host = "";

  /** Once the server listens: its own address. */
  listening(port: number): void {
    this.host = `127.0.0.1:${port}`;
    this.origin = `http://${this.host}`;
  }

  /** Why the request is refused, or null. `page` requests (the HTML pages) need no secret. */
  refusal(request: IncomingMessage, kind: "page" | "api"): string | null {
    if (request.headers.host !== this.host) return `The playground answers only at ${this.origin}.`;
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== this.origin) return "Requests from other sites are refused.";
    if (kind === "page") return null;
    if (!this.carriesSecret(request.headers["x-playground-secret"])) return "The playground's page must send its secret.";
    const type = request.headers["content-type"] ?? "";
    if (request.method !== "GET" && !/^application\/json\b/i.test(type)) return "Send JSON (application/json).";
    return null;
  }

  private carriesSecret(sent: string | string[] | undefined): boolean {
    const expected = Buffer.from(this.secret);
    const given = Buffer.from(typeof sent === "string" ? sent : "");
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

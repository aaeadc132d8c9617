import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What passed through: answers per usage group (as the server named it), and the 429s among them. */
export interface CallCounts {
  calls: Record<string, number>;
  http_429: number;
}

/**
 * A pass-through in front of the sandbox that counts what the add-in sent, as UrlFetchApp's requests leave the
 * runtime for the sandbox without a transport of ours to count them in.
 */
export class CountingProxy {
  counts: CallCounts = { calls: {}, http_429: 0 };
  private server: Server | null = null;

  constructor(private readonly target: string) {}

  async start(): Promise<string> {
    const target = new URL(this.target);
    this.server = createServer((incoming, outgoing) => {
      const forward = httpRequest(
        { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
        (answer) => {
          const group = String(answer.headers["x-rate-limit-group"] ?? "unknown").toLowerCase();
          this.counts.calls[group] = (this.counts.calls[group] ?? 0) + 1;
          if (answer.statusCode === 429) this.counts.http_429++;
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forward.on("error", () => outgoing.destroy());
      incoming.pipe(forward);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  reset(): void {
    this.counts = { calls: {}, http_429: 0 };
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

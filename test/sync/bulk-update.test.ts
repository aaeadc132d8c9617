import { afterEach, describe, expect, it } from "vitest";
import { FetchTransport } from "../../src/node/fetch-transport";
import type { HttpRequest, HttpResponse, HttpTransport } from "../../src/ringcentral/http";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import { updateInBulk } from "../../src/sync/bulk-update";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { homeFor } from "./scenario";

/** Counts requests by method and path, ids and query left out. */
class Recording implements HttpTransport {
  readonly sent: string[] = [];
  private readonly inner = new FetchTransport(5000);
  send(request: HttpRequest): Promise<HttpResponse> {
    this.sent.push(`${request.method} ${new URL(request.url).pathname.replace(/\/[\w-]*\d[\w-]*$/, "/{id}")}`);
    return this.inner.send(request);
  }
}

describe("updates through extension-bulk-update", () => {
  let sandbox: RunningSandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
  });

  it("sends one task for many users, follows it to the end and gives each its own outcome", async () => {
    sandbox = await startSandbox({ timeScale: 100, seed: 5, users: 6, lines: 4 });
    const users = sandbox.state().extensions.filter((e) => e.type === "User" && e.status === "Enabled");
    const [a, b, c] = users;
    if (!a || !b || !c) throw new Error("the sandbox has too few users");
    const transport = new Recording();
    const { client, clock } = homeFor(sandbox, new MemoryWorkbook(), transport);
    const outcomes = await updateInBulk({ client, clock }, [
      { id: String(a.id), contact: { department: "Bulk" } },
      { id: String(b.id), extensionNumber: c.extensionNumber },
      { id: "999999", contact: { department: "Nobody" } },
    ]);
    expect(outcomes.get(String(a.id))).toEqual({ ok: true });
    expect(outcomes.get(String(b.id))).toMatchObject({ ok: false, message: expect.any(String) });
    expect(outcomes.get("999999")).toMatchObject({ ok: false, message: expect.stringMatching(/not found/i) });
    expect(sandbox.state().extensions.find((e) => e.id === a.id)?.contact?.department).toBe("Bulk");
    const api = transport.sent.filter((s) => !s.includes("/oauth/"));
    expect(api.filter((s) => s.startsWith("POST"))).toEqual(["POST /restapi/v1.0/account/~/extension-bulk-update"]);
    expect(api.filter((s) => s.startsWith("GET")).length).toBeGreaterThanOrEqual(1);
    expect(api.every((s) => s.includes("extension-bulk-update"))).toBe(true);
  });
});

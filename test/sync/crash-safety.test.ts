import { describe, expect, it } from "vitest";
import { FetchTransport } from "../../src/node/fetch-transport";
import type { HttpRequest, HttpResponse, HttpTransport } from "../../src/ringcentral/http";
import { runSyncChunk } from "../../src/sync/runner";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { homeFor, outcome, SCENARIO_SITES, sandboxPerTest, syncUntilSettled, writeScenario } from "./scenario";

const isChange = (request: HttpRequest) => request.method !== "GET" && !request.url.includes("/restapi/oauth/");

/** Counts the requests that change the account. */
class CountingTransport implements HttpTransport {
  changes = 0;
  constructor(private readonly inner = new FetchTransport(5000)) {}
  async send(request: HttpRequest): Promise<HttpResponse> {
    const response = await this.inner.send(request);
    if (isChange(request)) this.changes++;
    return response;
  }
}

/**
 * Dies after the k-th change has reached the account: the answer never comes back, as when Apps Script's time
 * limit, a crash or a lost network cuts a run short between the platform's work and the sheet's write-back.
 */
class DyingTransport implements HttpTransport {
  private changes = 0;
  readonly died: Promise<void>;
  private die!: () => void;
  constructor(
    private readonly afterChanges: number,
    private readonly inner = new FetchTransport(5000),
  ) {
    this.died = new Promise((resolve) => {
      this.die = resolve;
    });
  }
  async send(request: HttpRequest): Promise<HttpResponse> {
    const response = await this.inner.send(request);
    if (isChange(request) && ++this.changes === this.afterChanges) {
      this.die();
      return new Promise<HttpResponse>(() => undefined);
    }
    return response;
  }
}

describe("crash safety of a sync run", () => {
  const sandbox = sandboxPerTest();

  async function baseline() {
    const on = await sandbox();
    const book = new MemoryWorkbook();
    const transport = new CountingTransport();
    const home = homeFor(on, book, transport);
    await writeScenario(home, book);
    const before = transport.changes;
    await syncUntilSettled(home);
    return { outcome: outcome(book, on), changes: transport.changes - before };
  }

  it("a run cut short after any change resumes to the same account and sheet, nothing made twice, no line lost", async () => {
    const expected = await baseline();
    // Sites, a role, creates without a line, the lines' claims in one bulk task, secret questions, a role's assignment.
    expect(expected.changes).toBeGreaterThan(5);
    expect(expected.outcome.duplicateNumbers).toBe(0);
    for (let k = 1; k <= expected.changes; k++) {
      const on = await sandbox();
      const book = new MemoryWorkbook();
      await writeScenario(homeFor(on, book), book);
      const dying = new DyingTransport(k);
      void runSyncChunk(homeFor(on, book, dying), { scope: { sites: SCENARIO_SITES }, budgetMs: 60_000 });
      await dying.died;
      await syncUntilSettled(homeFor(on, book));
      expect(outcome(book, on), `cut after change ${k}`).toEqual(expected.outcome);
    }
  }, 120_000);

  it("with 5xx, dropped connections, lost answers, expired tokens and 429s on the way, ends the same", async () => {
    const expected = await baseline();
    const on = await sandbox("5xx=0.1,drop=0.05,lose=0.05,expire=0.05,429=0.05");
    const book = new MemoryWorkbook();
    const home = homeFor(on, book);
    await writeScenario(home, book);
    await syncUntilSettled(home);
    expect(outcome(book, on)).toEqual(expected.outcome);
    // The faults did fire (seeded: the same counts every run).
    const fired = on.faultsFired();
    for (const kind of ["5xx", "drop", "lose", "expire", "429"] as const) expect(fired[kind], kind).toBeGreaterThan(0);
  }, 60_000);
});

import { describe, expect, it } from "vitest";
import { leftAloneWords, runWords } from "../../sidebar/run-words";
import type { RunReport } from "../../src/server/sync-functions";

const report = (more: Partial<RunReport>): RunReport =>
  ({
    created: 3,
    updated: 1,
    deleted: 0,
    failed: 0,
    roleChanged: 0,
    roles: { created: 0, updated: 0, deleted: 0 },
    leftAlone: [],
    done: true,
    ...more,
  }) as RunReport;

describe("the Sync panel's words for a run", () => {
  it("says none failed once finished, and failures so far while running", () => {
    expect(runWords(report({}))).toBe("3 created, 1 updated, 0 deleted, none failed");
    expect(runWords(report({ done: false, failed: 2 }))).toBe("3 created, 1 updated, 0 deleted, 2 failed so far");
  });

  it("names the results a run left alone because their rows went, the first three and how many", () => {
    expect(leftAloneWords(["ann@example.com"])).toBe(
      "1 result not written: its row went or changed email while the sync ran (ann@example.com). The Sync Log names them all.",
    );
    expect(leftAloneWords(["a@x.com", "b@x.com", "c@x.com", "d@x.com"])).toBe(
      "4 results not written: their rows went or changed email while the sync ran (a@x.com, b@x.com, c@x.com, …). The Sync Log names them all.",
    );
  });
});

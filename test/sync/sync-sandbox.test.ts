import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCATIONS_TAB, ROLES_TAB, SITES_TAB, USERS_TAB } from "../../src/domain/tabs";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import { isSettled } from "../../src/sync/plan";
import { previewSync } from "../../src/sync/preview";
import { runSyncChunk, type SyncHome } from "../../src/sync/runner";
import { columnIndex, decodeTab } from "../../src/workbook/codec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { readWorkspace } from "../../src/workbook/workspace-reader";
import { append, homeFor, SCENARIO_SITES, usersOf as users, writeScenario } from "./scenario";

/**
 * Chunks until the run is done; what they made, counted over all of them: on a loaded machine a call may time out,
 * and the next chunk adopts what it made.
 */
async function syncUntilDone(home: SyncHome, sites: string[], confirmDeletes = false) {
  const made = { created: 0, failed: 0 };
  for (let chunk = 0; chunk < 20; chunk++) {
    const report = await runSyncChunk(home, { scope: { sites }, budgetMs: 60_000, confirmDeletes });
    made.created += report.created + report.adopted;
    made.failed += report.failed;
    if (report.done) return made;
  }
  throw new Error("The sync did not finish in 20 chunks.");
}

/** The product's heart end to end: all five types over two sites, a custom role, tags, locations, delete and reuse. */
describe("sync against the sandbox", () => {
  let sandbox: RunningSandbox;
  let home: SyncHome;
  let book: MemoryWorkbook;
  const sites = SCENARIO_SITES;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 5, timeScale: 100 });
    book = new MemoryWorkbook();
    home = homeFor(sandbox, book);
  });
  afterAll(() => sandbox.close());

  it("plans every type with its line, syncs them, writes back and clears secrets; a second plan is empty", async () => {
    const specific = await writeScenario(home, book);

    const plan = await previewSync(home, { sites });
    expect(plan.blocked).toEqual([]);
    expect(plan.sites.map((s) => s.name)).toEqual(["Test Site"]);
    expect(plan.roles.create.map((r) => r.name)).toEqual(["Front Desk"]);
    expect(plan.creates.map((c) => [c.email, c.line?.lineType ?? null])).toEqual([
      ["ann@example.com", "User"],
      ["vic@example.com", "Virtual User"],
      ["lobby@example.com", "Limited"],
      ["vm@example.com", null],
      ["hours@example.com", null],
      ["ben@example.com", "User"],
      ["cy@example.com", "User"],
    ]);
    expect(plan.creates.find((c) => c.email === "ben@example.com")?.line?.areaCode).toBe("650");
    expect(plan.creates.find((c) => c.email === "cy@example.com")?.line?.rcId).toBe(specific?.rcId);

    const report = await syncUntilDone(home, sites);
    expect(report).toMatchObject({ created: 7, failed: 0 });
    const rows = users(book);
    for (const row of rows) {
      expect(row).toMatchObject({ status: "Synced", pin: "", password: "", secretAnswer: "" });
      expect(row.rcId).toMatch(/^\d+$/);
    }
    const lineOf = new Map(plan.creates.map((c) => [c.email, c.line?.phone ?? ""]));
    for (const row of rows) expect(row.tempNumber).toBe(lineOf.get(row.email));
    // The Limited Extension was written without a wizard: the sheet now shows the Completed the sync used.
    expect(rows.find((r) => r.email === "lobby@example.com")?.setupWizard).toBe("Completed");
    const account = readWorkspace(book).workspace.account;
    expect(account.users.find((u) => u.email === "ann@example.com")).toMatchObject({
      ext: "4101",
      userType: "User",
      status: "Enabled",
      site: "San Francisco",
    });
    expect(account.users.find((u) => u.email === "vic@example.com")).toMatchObject({
      status: "NotActivated",
      userType: "Virtual User",
    });
    expect(account.users.find((u) => u.email === "vm@example.com")).toMatchObject({
      userType: "Message Only",
      site: "Test Site",
    });
    expect(account.lines.some((l) => l.rcId === specific?.rcId)).toBe(false);
    expect(decodeTab(SITES_TAB, book.read("Sites")).records[0]?.rcId).toMatch(/\S/);
    expect(decodeTab(ROLES_TAB, book.read("Roles")).records.find((r) => r.name === "Front Desk")?.rcId).toMatch(/\S/);
    expect(book.read("Sync Log")).toHaveLength(2);

    expect(isSettled(await previewSync(home, { sites }))).toBe(true);
  });

  it("deletes two users, gives their lines back, and the next create reuses one", async () => {
    const rows = users(book);
    const ann = rows.find((r) => r.email === "ann@example.com");
    const lobby = rows.find((r) => r.email === "lobby@example.com");
    const released = [ann?.tempNumber, lobby?.tempNumber];
    const statusColumn = (columnIndex(USERS_TAB, book.read("Users")[0] ?? []).get("status") ?? 0) + 1;
    for (const row of [ann, lobby])
      book.write("Users", { row: row?.row ?? 0, column: statusColumn, values: [["Pending Delete"]] });

    const plan = await previewSync(home, { sites });
    expect(plan.deletes.map((d) => [d.name, d.releases])).toEqual([
      ["Ann Lee", released[0]],
      ["Lobby Phone", released[1]],
    ]);
    await syncUntilDone(home, sites);
    expect(users(book).map((r) => r.email)).not.toContain("ann@example.com");
    const lines = readWorkspace(book).workspace.account.lines;
    expect(lines.map((l) => l.phone)).toEqual(expect.arrayContaining(released));

    append(book, USERS_TAB, [
      {
        userType: "User",
        firstName: "Dee",
        lastName: "New",
        email: "dee@example.com",
        ext: "4108",
        site: "San Francisco",
        setupWizard: "Not Started",
      },
    ]);
    append(book, LOCATIONS_TAB, [{ email: "dee@example.com", unassignedExt: released[0] ?? "" }]);
    await syncUntilDone(home, sites);
    expect(users(book).find((r) => r.email === "dee@example.com")).toMatchObject({ status: "Synced", tempNumber: released[0] });
  });

  it("shows drift (a change made in the account) instead of overwriting it, and accepts it once the row agrees", async () => {
    const vic = users(book).find((r) => r.email === "vic@example.com");
    await home.client.call("updateExtension", {
      path: { extensionId: vic?.rcId ?? "" },
      body: { contact: { firstName: "Victor", lastName: "Tor", email: "vic@example.com" } },
    });
    const plan = await previewSync(home, { sites });
    expect(plan.drift).toEqual([
      { row: vic?.row, name: "Vic Tor", rcId: vic?.rcId, changes: [{ field: "name", from: "Vic Tor", to: "Victor Tor" }] },
    ]);
    expect(plan.updates).toEqual([]);
    await syncUntilDone(home, sites);
    expect(users(book).find((r) => r.email === "vic@example.com")).toMatchObject({
      status: "Drift",
      message: expect.stringContaining("Victor Tor"),
    });
    const account = readWorkspace(book).workspace.account.users.find((u) => u.rcId === vic?.rcId);
    expect(account?.firstName).toBe("Victor");

    const firstName = (columnIndex(USERS_TAB, book.read("Users")[0] ?? []).get("firstName") ?? 0) + 1;
    book.write("Users", { row: vic?.row ?? 0, column: firstName, values: [["Victor"]] });
    expect(isSettled(await previewSync(home, { sites }))).toBe(true);
    expect((await previewSync(home, { sites })).drift).toEqual([]);
  });
});

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SITES_TAB, USERS_TAB } from "../../src/domain/tabs";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import { decodeTab } from "../../src/workbook/codec";
import { appendOn, type FakeSheetsHome, homeOnFakeSheets, serverCallOn } from "./home-on-fake-sheets";

/**
 * A workspace's first steps from an empty one, on Apps Script's Workbook adapter (fake Sheets) and the sandbox: what
 * Get started sees after each, and a new office added to Sites from the Sync list's refusal.
 */
describe("first steps", () => {
  let sandbox: RunningSandbox;
  let home: FakeSheetsHome;
  const call = serverCallOn(() => home);
  const append = appendOn(() => home);

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 4, timeScale: 100 });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    home = homeOnFakeSheets(sandbox);
    call("setUpWorkspace", {});
  });
  afterEach(() => home.restore());

  it("Get started sees each step done: connected, the account read, users in, one synced", async () => {
    expect(call("gettingStarted", {})).toEqual({ connected: false, server: "", accountReadAt: "", users: 0, synced: 0 });
    await call("connect", {
      server: sandbox.serverUrl,
      clientId: sandbox.clientId,
      clientSecret: sandbox.clientSecret,
      jwt: sandbox.jwt,
    });
    // Connecting read the account, which this workspace never had: its sites are known before any import.
    expect(call("gettingStarted", {})).toMatchObject({ connected: true, server: sandbox.serverUrl });
    const readAt = call("gettingStarted", {}).accountReadAt;
    expect(readAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(call("accountReadAt", {})).toEqual({ connected: true, readAt });
    await call("refreshAccount", {});
    expect(call("gettingStarted", {}).accountReadAt >= readAt).toBe(true);
    append(USERS_TAB, [{ userType: "User", firstName: "Ann", lastName: "Lee", email: "ann@example.com", ext: "4101" }]);
    append(USERS_TAB, [{ userType: "User", firstName: "Bo", lastName: "Ito", email: "bo@example.com", rcId: "77" }]);
    expect(call("gettingStarted", {})).toMatchObject({ users: 2, synced: 1 });
  });

  it("completes a new office an import left on Sites by name alone, from the Sync list, and the dropdown offers it", () => {
    append(SITES_TAB, [{ name: "Lisbon" }]);
    append(USERS_TAB, [{ userType: "User", firstName: "Ann", lastName: "Lee", email: "ann@example.com", site: "Lisbon" }]);
    const lisbon = () => call("workspaceChoices", {}).sites.find((s) => s.name === "Lisbon");
    expect(lisbon()).toMatchObject({ refusal: expect.stringContaining("cannot be created until row 2"), incomplete: true });
    expect(lisbon()?.unknown).toBeUndefined();
    const address = {
      name: "Lisbon",
      country: "PT",
      state: "Lisboa",
      city: "Lisbon",
      street: "Rua Augusta 1",
      postalCode: "1100-048",
    };
    expect(call("addSite", address)).toEqual({
      added: true,
      row: 2,
      message: "Completed Lisbon's address on Sites row 2: the next sync creates it in the account.",
    });
    expect(lisbon()).toEqual({ name: "Lisbon", from: "sheet", users: 1 });
    // Complete now: a second time is refused, as for any site the Sites tab has.
    expect(call("addSite", address)).toEqual({ added: false, problem: "The Sites tab has Lisbon already." });
    const site = USERS_TAB.columns.findIndex((c) => c.key === "site") + 1;
    expect(home.workbook.layout("Users").dropdowns.find((d) => d.column === site)).toMatchObject({
      kind: "list",
      values: ["Lisbon", "Main Site"],
    });
  });

  it("adds a new office to Sites with its address, once, and says what validation finds wrong", () => {
    const austin = { name: "Austin", country: "us", state: "TX", city: "Austin", street: "1 Congress Ave", postalCode: "78701" };
    expect(call("addSite", austin)).toEqual({
      added: true,
      row: 2,
      message: "Added Austin on Sites row 2: the next sync creates it in the account.",
    });
    expect(decodeTab(SITES_TAB, home.workbook.read("Sites")).records).toEqual([
      expect.objectContaining({ name: "Austin", country: "US", state: "TX", postalCode: "78701" }),
    ]);
    expect(call("addSite", { ...austin, name: "austin" })).toEqual({
      added: false,
      problem: "The Sites tab has austin already.",
    });
    expect(call("addSite", { ...austin, name: "Nowhere", country: "Narnia" })).toMatchObject({
      added: false,
      problem: expect.stringMatching(/^Added Nowhere on Sites row 3, but fix it there first: .*Country/),
    });
  });
});

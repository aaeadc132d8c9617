import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USERS_TAB } from "../../src/domain/tabs";
import { type RunningSandbox, startSandbox } from "../../src/sandbox/index";
import { previewSync } from "../../src/sync/preview";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { setUpWorkspace } from "../../src/workbook/setup";
import { readWorkspace } from "../../src/workbook/workspace-reader";
import { append, homeFor } from "./scenario";

/**
 * Lines by place, against the sandbox (whose pool lists Palo Alto's 650 lines first, then 415, 212, 416, 604, London):
 * with no Locations row, San Francisco's users take 415 numbers and Toronto's 416, the site's own area as the account
 * shows it (the area code most of the site's unassigned lines have), and the plan says which rule chose each line.
 */
describe("lines by place", () => {
  let sandbox: RunningSandbox;
  const book = new MemoryWorkbook();

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 5, timeScale: 100 });
  });
  afterAll(() => sandbox.close());

  it("reads each account site's own area code", async () => {
    setUpWorkspace(book);
    await previewSync(homeFor(sandbox, book), { sites: [] });
    const areas = Object.fromEntries(readWorkspace(book).workspace.account.sites.map((s) => [s.name, s.areaCode]));
    expect(areas).toMatchObject({ "San Francisco": "415", "New York": "212", Toronto: "416", Vancouver: "604" });
  });

  it("gives a site's users lines in its own area first, and says so", async () => {
    const user = (site: string, i: number) => ({
      userType: "User",
      firstName: `P${i}`,
      lastName: "Place",
      email: `p${i}@example.com`,
      ext: String(5200 + i),
      site,
      setupWizard: "Not Started",
    });
    append(book, USERS_TAB, [user("San Francisco", 1), user("San Francisco", 2), user("Toronto", 3), user("Toronto", 4)]);
    const plan = await previewSync(homeFor(sandbox, book), { sites: ["San Francisco", "Toronto"] });
    expect(plan.blocked).toEqual([]);
    expect(plan.creates.map((c) => [c.email, c.line?.areaCode])).toEqual([
      ["p1@example.com", "415"],
      ["p2@example.com", "415"],
      ["p3@example.com", "416"],
      ["p4@example.com", "416"],
    ]);
    expect(plan.creates[0]?.lineRule).toBe("the site's area code 415, then the site's country US");
    expect(plan.creates[2]?.lineRule).toBe("the site's area code 416, then the site's country CA");
  });
});

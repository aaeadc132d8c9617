import { describe, expect, it } from "vitest";
import { harness, unassignedLine, v1 } from "./sandbox-fixture";

describe("sandbox bulk endpoints", () => {
  it("runs an extension bulk update as a task: Accepted, InProgress, then Completed with per-item results", async () => {
    const h = await harness({ timeScale: 10 });
    const users = await h.call("GET", `${v1}/extension?type=User&status=Enabled&perPage=3`);
    const [a, b] = users.body.records;
    const line = await unassignedLine(h);
    const started = await h.call("POST", `${v1}/extension-bulk-update`, {
      body: {
        records: [
          { id: String(b.id), contact: { jobTitle: "Lead" } },
          { id: String(a.id), extensionNumber: b.extensionNumber },
          { id: String(line.id), extensionNumber: "7300" },
        ],
      },
    });
    expect(started.status).toBe(200);
    expect(started.body.status).toBe("Accepted");
    expect(started.headers.get("x-rate-limit-group")).toBe("heavy");
    const read = () => h.call("GET", `${v1}/extension-bulk-update/tasks/${started.body.id}`);
    expect((await read()).body.status).toBe("InProgress");
    await new Promise((r) => setTimeout(r, 350));
    const done = await read();
    expect(done.body.status).toBe("Completed");
    const results = done.body.result.affectedItems.result;
    expect(results.map((r: { status: string }) => r.status)).toEqual(["Success", "Fail", "Fail"]);
    expect((await h.call("GET", `${v1}/extension/${b.id}`)).body.contact.jobTitle).toBe("Lead");
    const tooMany = await h.call("POST", `${v1}/extension-bulk-update`, {
      body: { records: Array.from({ length: 501 }, () => ({ id: "1" })) },
    });
    expect(tooMany.status).toBe(400);
  });

  it("deletes up to 50 User/Limited extensions per v2 call; kept assets come back as unassigned lines", async () => {
    const h = await harness();
    const line = await unassignedLine(h);
    await h.call("PUT", `${v1}/extension/${line.id}`, { body: { extensionNumber: "7400" } });
    const announcement = (await h.call("GET", `${v1}/extension?type=Announcement`)).body.records[0];
    const answer = await h.call("DELETE", "/restapi/v2/accounts/~/extensions", {
      body: { keepAssetsInInventory: true, records: [{ id: String(line.id) }, { id: String(announcement.id) }, { id: "999" }] },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.records.map((r: { bulkItemSuccessful: boolean }) => r.bulkItemSuccessful)).toEqual([true, false, false]);
    const pool = await h.call("GET", `${v1}/phone-number?extensionStatus=Unassigned&perPage=1000`);
    expect(pool.body.records.some((r: { phoneNumber: string }) => r.phoneNumber === line.phoneNumber)).toBe(true);
    const empty = await h.call("DELETE", "/restapi/v2/accounts/~/extensions", { body: { records: [] } });
    expect(empty.status).toBe(400);
  });
});

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
    // 2 s + 20 ms a record of platform time, at ×10.
    await new Promise((r) => setTimeout(r, 260));
    const done = await read();
    expect(done.body.status).toBe("Completed");
    const results = done.body.result.affectedItems.result;
    expect(results.map((r: { status: string }) => r.status)).toEqual(["Success", "Fail", "Success"]);
    expect((await h.call("GET", `${v1}/extension/${b.id}`)).body.contact.jobTitle).toBe("Lead");
    // The third record claimed its line: Unassigned → NotActivated, with its number and the default role.
    const claimed = (await h.call("GET", `${v1}/extension/${line.id}`)).body;
    expect([claimed.status, claimed.extensionNumber]).toEqual(["NotActivated", "7300"]);
    const tooMany = await h.call("POST", `${v1}/extension-bulk-update`, {
      body: { records: Array.from({ length: 501 }, () => ({ id: "1" })) },
    });
    expect(tooMany.status).toBe(400);
  });

  it("refuses claims as a platform might: each claim record on its own, or the whole request", async () => {
    const h = await harness({ timeScale: 100, bulkClaims: "records" });
    const [user] = (await h.call("GET", `${v1}/extension?type=User&status=Enabled&perPage=1`)).body.records;
    const line = await unassignedLine(h);
    const claim = { id: String(line.id), extensionNumber: "7301", status: "Enabled", setupWizardState: "Completed" };
    const started = await h.call("POST", `${v1}/extension-bulk-update`, {
      body: { records: [claim, { id: String(user.id), contact: { jobTitle: "Chef" } }] },
    });
    const done = await settled(h, started.body.id);
    expect(done.status).toBe("Completed");
    const [refused, updated] = done.result.affectedItems.result;
    expect([refused.status, refused.errors[0].errorCode, updated.status]).toEqual(["Fail", "CMN-101", "Success"]);
    expect((await h.call("GET", `${v1}/extension/${line.id}`)).body.status).toBe("Unassigned");
    // Only claims, every one refused: the task ends Failed, with the task's own error beside the records'.
    const onlyClaims = await h.call("POST", `${v1}/extension-bulk-update`, { body: { records: [claim] } });
    const failed = await settled(h, onlyClaims.body.id);
    expect([failed.status, failed.result.errors.length]).toEqual(["Failed", 1]);
    h.sandbox.setBulkClaims("whole");
    const whole = await h.call("POST", `${v1}/extension-bulk-update`, { body: { records: [claim] } });
    expect([whole.status, whole.body.errorCode]).toEqual([400, "CMN-101"]);
    // An update with no claim goes through as before.
    const plain = await h.call("POST", `${v1}/extension-bulk-update`, {
      body: { records: [{ id: String(user.id), contact: { jobTitle: "Cook" } }] },
    });
    expect((await settled(h, plain.body.id)).status).toBe("Completed");
  });

  it("a stuck task stays InProgress (a fault), the next one runs in its own time", async () => {
    const h = await harness({ timeScale: 100 });
    const [user] = (await h.call("GET", `${v1}/extension?type=User&status=Enabled&perPage=1`)).body.records;
    const record = { id: String(user.id), contact: { jobTitle: "Chef" } };
    h.sandbox.stickBulkTasks(1);
    const stuck = await h.call("POST", `${v1}/extension-bulk-update`, { body: { records: [record] } });
    const next = await h.call("POST", `${v1}/extension-bulk-update`, { body: { records: [record] } });
    expect((await settled(h, next.body.id)).status).toBe("Completed");
    const still = await h.call("GET", `${v1}/extension-bulk-update/tasks/${stuck.body.id}`);
    expect(still.body.status).toBe("InProgress");
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

/** The task once it is no longer running (looked at every 10 ms). */
async function settled(h: Awaited<ReturnType<typeof harness>>, taskId: string) {
  for (;;) {
    const task = (await h.call("GET", `${v1}/extension-bulk-update/tasks/${taskId}`)).body;
    if (task.status !== "InProgress" && task.status !== "Accepted") return task;
    await new Promise((r) => setTimeout(r, 10));
  }
}

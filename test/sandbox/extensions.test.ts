import { describe, expect, it } from "vitest";
import { goodPassword, harness, unassignedLine, v1 } from "./sandbox-fixture";

describe("sandbox extensions", () => {
  it("pages through every extension by navigation.nextPage with absolute URIs", async () => {
    const h = await harness();
    const seen = new Set<number>();
    let next: string | undefined = `${v1}/extension?perPage=25`;
    let total = 0;
    while (next) {
      const page = await h.call("GET", next);
      expect(page.status).toBe(200);
      total = page.body.paging.totalElements;
      for (const record of page.body.records) seen.add(record.id);
      expect(page.body.navigation.firstPage.uri.startsWith(h.sandbox.serverUrl)).toBe(true);
      next = page.body.navigation.nextPage?.uri;
    }
    expect(seen.size).toBe(total);
    expect(total).toBe(1 + 14 + 60);
  });

  it("filters by repeated type and status, extensionNumber and email", async () => {
    const h = await harness();
    const lines = await h.call("GET", `${v1}/extension?status=Unassigned&type=User&type=Limited&perPage=1000`);
    expect(lines.body.records.length).toBeGreaterThan(0);
    for (const r of lines.body.records) {
      expect(r.status).toBe("Unassigned");
      expect(["User", "Limited"]).toContain(r.type);
      expect(r.extensionNumber).toBeUndefined();
      expect(r.setupWizardState).toBeUndefined();
    }
    const admin = await h.call("GET", `${v1}/extension?extensionNumber=101`);
    expect(admin.body.records).toHaveLength(1);
    const byEmail = await h.call("GET", `${v1}/extension?email=${encodeURIComponent(h.sandbox.owner.username.toUpperCase())}`);
    expect(byEmail.body.records[0].id).toBe(h.sandbox.owner.id);
    const types = new Set(
      (await h.call("GET", `${v1}/extension?perPage=1000`)).body.records.map((r: { type: string }) => r.type),
    );
    expect([...types].sort()).toEqual(["Announcement", "Limited", "User", "VirtualUser", "Voicemail"]);
    expect((await h.call("GET", `${v1}/extension?status=Sleeping`)).status).toBe(400);
  });

  it("turns an unassigned extension into a user with the same id and number", async () => {
    const h = await harness();
    const line = await unassignedLine(h);
    const answer = await h.call("PUT", `${v1}/extension/${line.id}`, {
      body: {
        extensionNumber: "4001",
        contact: { firstName: "Rosa", lastName: "Parks", email: "rosa.parks@example.com" },
        site: { id: "1002" },
        status: "Enabled",
        setupWizardState: "Completed",
        ivrPin: "739155",
        password: goodPassword,
        transition: { sendWelcomeEmail: false },
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: line.id,
      extensionNumber: "4001",
      status: "Enabled",
      setupWizardState: "Completed",
      site: { id: "1002" },
    });
    expect(answer.body.password).toBeUndefined();
    expect(answer.body.roles.length).toBe(1);
    const numbers = await h.call("GET", `${v1}/extension/${line.id}/phone-number`);
    expect(numbers.body.records[0].phoneNumber).toBe(line.phoneNumber);
    const get = await h.call("GET", `${v1}/extension/${line.id}`);
    expect(get.body.contact.email).toBe("rosa.parks@example.com");
  });

  it("refuses duplicate numbers (also a site's) and emails by parameterName", async () => {
    const h = await harness();
    const line = await unassignedLine(h);
    const put = (body: unknown) => h.call("PUT", `${v1}/extension/${line.id}`, { body });
    const dupNumber = await put({ extensionNumber: "101", contact: { email: "new@example.com" } });
    expect(dupNumber.status).toBe(400);
    expect(dupNumber.body.errors[0]).toMatchObject({ errorCode: "CMN-101", parameterName: "extensionNumber" });
    const siteNumber = await put({ extensionNumber: "1001" });
    expect(siteNumber.body.errors[0].parameterName).toBe("extensionNumber");
    const dupEmail = await put({ extensionNumber: "4002", contact: { email: h.sandbox.owner.username.toUpperCase() } });
    expect(dupEmail.status).toBe(400);
    expect(dupEmail.body.errors[0]).toMatchObject({ errorCode: "CMN-101", parameterName: "contact.email" });
    const missingNumber = await put({ contact: { email: "x@example.com" } });
    expect(missingNumber.body.errors[0].parameterName).toBe("extensionNumber");
  });

  it("checks PIN and password rules", async () => {
    const h = await harness();
    const line = await unassignedLine(h);
    const put = (body: object) =>
      h.call("PUT", `${v1}/extension/${line.id}`, {
        body: { extensionNumber: "482913", contact: { firstName: "Maximilian", lastName: "Stone" }, ...body },
      });
    for (const pin of ["12345", "123987", "550001", "482913", "12a456"]) {
      const answer = await put({ ivrPin: pin });
      expect(answer.status, pin).toBe(400);
      expect(answer.body.errors[0].parameterName).toBe("ivrPin");
    }
    for (const password of [
      "Short#1",
      "NoDigits#here",
      "lowercase12only",
      "Abcd#9753x",
      "Zaaa#9753x",
      "Maximilian#95",
      `x${line.phoneNumber.slice(-10)}A`,
    ]) {
      const answer = await put({ password });
      expect(answer.status, password).toBe(400);
      expect(answer.body.errors[0].parameterName).toBe("password");
    }
    expect((await put({ ivrPin: "739155", password: goodPassword })).status).toBe(200);
  });

  it("answers EXT-413 to any password while SSO is on, and still takes a PIN", async () => {
    const h = await harness();
    h.sandbox.setSso(true);
    const line = await unassignedLine(h);
    const refused = await h.call("PUT", `${v1}/extension/${line.id}`, {
      body: { extensionNumber: "4100", password: goodPassword },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ errorCode: "EXT-413", message: "Credentials changing is not allowed" });
    const pin = await h.call("PUT", `${v1}/extension/${line.id}`, {
      body: { extensionNumber: "4100", ivrPin: "739155", status: "Enabled" },
    });
    expect(pin.status).toBe(200);
    const admin = await fetch(`${h.sandbox.serverUrl}/__sandbox/sso`, {
      method: "PUT",
      body: JSON.stringify({ enabled: false }),
      headers: { "Content-Type": "application/json" },
    });
    expect(await admin.json()).toEqual({ sso: false });
  });

  it("still takes a Limited extension's password while SSO is on", async () => {
    const h = await harness();
    h.sandbox.setSso(true);
    const line = await unassignedLine(h, "Limited");
    const answer = await h.call("PUT", `${v1}/extension/${line.id}`, {
      body: {
        extensionNumber: "4190",
        password: goodPassword,
        status: "Enabled",
        contact: { firstName: "Lobby", email: "lobby.sso@example.com" },
      },
    });
    expect(answer.status).toBe(200);
  });

  it("enforces status transitions", async () => {
    const h = await harness();
    const line = await unassignedLine(h);
    const noCredentials = await h.call("PUT", `${v1}/extension/${line.id}`, {
      body: { extensionNumber: "4200", status: "Enabled" },
    });
    expect(noCredentials.body.errors[0]).toMatchObject({ parameterName: "password" });
    const notActivated = await h.call("PUT", `${v1}/extension/${line.id}`, { body: { extensionNumber: "4200" } });
    expect(notActivated.body.status).toBe("NotActivated");
    const enabled = await h.call("PUT", `${v1}/extension/${line.id}`, { body: { status: "Enabled", password: goodPassword } });
    expect(enabled.body.status).toBe("Enabled");
    const back = await h.call("PUT", `${v1}/extension/${line.id}`, { body: { status: "NotActivated" } });
    expect(back.status).toBe(400);
    expect(back.body.errors[0].parameterName).toBe("status");
    const unassign = await h.call("PUT", `${v1}/extension/${line.id}`, { body: { status: "Unassigned" } });
    expect(unassign.status).toBe(400);
  });

  it("creates Message Only and Announcement extensions, with the next free number when none is given", async () => {
    const h = await harness();
    const mo = await h.call("POST", `${v1}/extension`, {
      body: {
        type: "Voicemail",
        contact: { firstName: "Sales Voicemail", email: "sales-vm@example.com" },
        extensionNumber: "205",
        status: "Enabled",
        ivrPin: "739155",
        site: { id: "1001" },
      },
    });
    expect(mo.status).toBe(200);
    expect(mo.body).toMatchObject({ type: "Voicemail", extensionNumber: "205", status: "Enabled", site: { id: "1001" } });
    const ao = await h.call("POST", `${v1}/extension`, {
      body: { type: "Announcement", contact: { firstName: "Hours", email: "hours@example.com" } },
    });
    expect(ao.status).toBe(200);
    expect(ao.body.extensionNumber).toMatch(/^\d+$/);
    const missingEmail = await h.call("POST", `${v1}/extension`, { body: { type: "Announcement", contact: { firstName: "X" } } });
    expect(missingEmail.status).toBe(400);
    expect(missingEmail.body.errors[0].parameterName).toBe("contact.email");
    const badJson = await h.call("POST", `${v1}/extension`, { body: undefined, headers: { "Content-Type": "application/json" } });
    expect(badJson.status).toBe(400);
  });

  it("deletes with savePhoneLines=true: the line comes back as a new unassigned extension with the same number", async () => {
    const h = await harness();
    const line = await unassignedLine(h, "Limited");
    await h.call("PUT", `${v1}/extension/${line.id}`, {
      body: { extensionNumber: "4300", contact: { firstName: "Lobby Phone" } },
    });
    expect((await h.call("DELETE", `${v1}/extension/${line.id}?savePhoneLines=true`)).status).toBe(204);
    expect((await h.call("GET", `${v1}/extension/${line.id}`)).status).toBe(404);
    const pool = await h.call("GET", `${v1}/phone-number?extensionStatus=Unassigned&usageType=DirectNumber&perPage=1000`);
    const record = pool.body.records.find((r: { phoneNumber: string }) => r.phoneNumber === line.phoneNumber);
    expect(record.extension.id).not.toBe(line.id);
    const back = await h.call("GET", `${v1}/extension/${record.extension.id}`);
    expect(back.body).toMatchObject({ status: "Unassigned", type: "Limited" });
  });

  it("deletes without savePhoneLines: the line is gone, the number stays as a company number", async () => {
    const h = await harness();
    const line = await unassignedLine(h);
    await h.call("PUT", `${v1}/extension/${line.id}`, { body: { extensionNumber: "4400" } });
    expect((await h.call("DELETE", `${v1}/extension/${line.id}`)).status).toBe(204);
    const all = await h.call("GET", `${v1}/phone-number?perPage=1000`);
    const record = all.body.records.find((r: { phoneNumber: string }) => r.phoneNumber === line.phoneNumber);
    expect(record.usageType).toBe("AdditionalCompanyNumber");
    expect(record.extension).toBeUndefined();
  });

  it("lists account phone numbers with their extensions, all valid E.164 in the seeded area codes", async () => {
    const h = await harness({ lines: 400 });
    const pool = await h.call("GET", `${v1}/phone-number?extensionStatus=Unassigned&usageType=DirectNumber&perPage=1000`);
    expect(pool.body.records).toHaveLength(400);
    const prefixes = new Set<string>(pool.body.records.map((r: { phoneNumber: string }) => r.phoneNumber.slice(0, 5)));
    expect([...prefixes].sort()).toEqual(["+1212", "+1415", "+1416", "+1604", "+1650", "+4420"]);
    for (const r of pool.body.records) {
      expect(r.phoneNumber).toMatch(/^\+(1[2-9]\d{2}[2-9]\d{6}|4420\d{8})$/);
      expect(typeof r.extension.id).toBe("number");
    }
    const account = await h.call("GET", v1);
    expect(account.body).toMatchObject({ id: h.sandbox.accountId, status: "Confirmed" });
    expect(account.body.mainNumber).toMatch(/^\+1650/);
  });

  it("is deterministic per seed", async () => {
    const a = await harness({ seed: 7 });
    const b = await harness({ seed: 7 });
    expect(a.sandbox.state()).toEqual(b.sandbox.state());
    expect(a.sandbox.jwt).toBe(b.sandbox.jwt);
  });
});

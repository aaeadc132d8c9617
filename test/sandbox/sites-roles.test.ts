import { describe, expect, it } from "vitest";
import { harness, unassignedLine, v1 } from "./sandbox-fixture";

describe("sandbox sites", () => {
  it("lists the main site and the US, Canada and UK sites", async () => {
    const h = await harness();
    const sites = await h.call("GET", `${v1}/sites`);
    expect(sites.status).toBe(200);
    const countries = new Set(sites.body.records.map((s: { businessAddress: { country: string } }) => s.businessAddress.country));
    expect([...countries].sort()).toEqual(["CA", "GB", "US"]);
    expect(sites.body.records[0].id).toBe("main-site");
    expect((await h.call("GET", `${v1}/sites/main-site`)).body.id).toBe("main-site");
  });

  it("creates, edits, fills, empties and deletes a site; the main site stays", async () => {
    const h = await harness();
    const created = await h.call("POST", `${v1}/sites`, {
      body: { name: "Austin", extensionNumber: "7000", businessAddress: { country: "US", state: "TX", city: "Austin" } },
    });
    expect(created.status).toBe(200);
    const id = created.body.id;
    expect(
      (await h.call("POST", `${v1}/sites`, { body: { name: "Dup", extensionNumber: "7000" } })).body.errors[0].parameterName,
    ).toBe("extensionNumber");
    expect((await h.call("PUT", `${v1}/sites/${id}`, { body: { name: "Austin TX" } })).body.name).toBe("Austin TX");
    expect((await h.call("PUT", `${v1}/sites/main-site`, { body: { name: "x" } })).status).toBe(403);
    expect((await h.call("DELETE", `${v1}/sites/main-site`)).status).toBe(403);
    const line = await unassignedLine(h);
    await h.call("PUT", `${v1}/extension/${line.id}`, { body: { extensionNumber: "7001" } });
    expect(
      (await h.call("POST", `${v1}/sites/${id}/bulk-assign`, { body: { addedExtensionIds: [String(line.id)] } })).status,
    ).toBe(204);
    const members = await h.call("GET", `${v1}/sites/${id}/members`);
    expect(members.body.records.map((m: { id: number }) => m.id)).toEqual([line.id]);
    expect((await h.call("DELETE", `${v1}/sites/${id}`)).status).toBe(400);
    await h.call("POST", `${v1}/sites/${id}/bulk-assign`, { body: { removedExtensionIds: [String(line.id)] } });
    expect((await h.call("DELETE", `${v1}/sites/${id}`)).status).toBe(204);
    expect((await h.call("GET", `${v1}/sites/${id}`)).status).toBe(404);
  });
});

describe("sandbox roles", () => {
  it("lists predefined roles with permissions and filters custom ones", async () => {
    const h = await harness();
    const roles = await h.call("GET", `${v1}/user-role`);
    const names = roles.body.records.map((r: { displayName: string }) => r.displayName);
    expect(names).toEqual(
      expect.arrayContaining(["Super Admin", "Company Administrator", "Standard", "Phone System Administrator"]),
    );
    for (const r of roles.body.records) {
      expect(r.custom).toBe(false);
      expect(r.permissions.length).toBeGreaterThan(0);
    }
    expect((await h.call("GET", `${v1}/user-role?custom=true`)).body.records).toEqual([]);
    expect((await h.call("GET", "/restapi/v1.0/dictionary/user-role")).body.records.length).toBe(roles.body.records.length);
    const permissions = await h.call("GET", "/restapi/v1.0/dictionary/permission");
    expect(permissions.body.records.map((p: { id: string }) => p.id)).toContain("EditUserInfo");
    const questions = await h.call("GET", "/restapi/v1.0/dictionary/secret-question");
    expect(questions.body.records[0]).toMatchObject({ id: "1", questionText: expect.any(String) });
  });

  it("creates a custom role (201), assigns it, refuses deleting it while assigned, then deletes it", async () => {
    const h = await harness();
    const created = await h.call("POST", `${v1}/user-role`, {
      body: { displayName: "Front Desk", description: "d", permissions: [{ id: "ReadExtensions" }] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: "Front Desk", custom: true, permissions: [{ id: "ReadExtensions" }] });
    const roleId = created.body.id;
    expect(
      (await h.call("POST", `${v1}/user-role`, { body: { displayName: "Bad", permissions: [{ id: "Nope" }] } })).status,
    ).toBe(400);
    const line = await unassignedLine(h);
    await h.call("PUT", `${v1}/extension/${line.id}`, { body: { extensionNumber: "7100" } });
    const assigned = await h.call("PUT", `${v1}/extension/${line.id}/assigned-role`, { body: { records: [{ id: roleId }] } });
    expect(assigned.body.records.map((r: { id: string }) => r.id)).toEqual([roleId]);
    expect((await h.call("GET", `${v1}/extension/${line.id}/assigned-role`)).body.records[0].displayName).toBe("Front Desk");
    const all = await h.call("GET", `${v1}/assigned-role?perPage=1000`);
    expect(all.body.records.find((r: { extensionId: string }) => r.extensionId === String(line.id)).roles[0].id).toBe(roleId);
    expect((await h.call("DELETE", `${v1}/user-role/${roleId}`)).status).toBe(400);
    const reset = await h.call("PUT", `${v1}/extension/${line.id}/assigned-role/default`);
    expect(reset.body.records[0].id).toBe((await h.call("GET", `${v1}/user-role/default`)).body.id);
    expect((await h.call("PUT", `${v1}/user-role/${roleId}`, { body: { displayName: "Front Desk 2" } })).body.displayName).toBe(
      "Front Desk 2",
    );
    expect((await h.call("DELETE", `${v1}/user-role/${roleId}`)).status).toBe(204);
    expect((await h.call("DELETE", `${v1}/user-role/1`)).status).toBe(403);
  });

  it("bulk-assigns a role and changes the default role", async () => {
    const h = await harness();
    const users = await h.call("GET", `${v1}/extension?type=User&status=Enabled`);
    const ids = users.body.records
      .map((r: { id: number }) => String(r.id))
      .filter((id: string) => id !== String(h.sandbox.owner.id));
    expect((await h.call("POST", `${v1}/user-role/3/bulk-assign`, { body: { addedExtensionIds: ids } })).status).toBe(204);
    const one = await h.call("GET", `${v1}/extension/${ids[0]}/assigned-role`);
    expect(one.body.records[0].id).toBe("3");
    const changed = await h.call("PUT", `${v1}/user-role/default`, { body: { id: "7" } });
    expect(changed.body).toMatchObject({ id: "7", displayName: "Standard - International" });
  });
});

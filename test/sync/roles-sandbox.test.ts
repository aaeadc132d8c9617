import type RoleResource from "@rc-ex/core/definitions/RoleResource";
import { describe, expect, it } from "vitest";
import { ROLES_TAB, USERS_TAB } from "../../src/domain/tabs";
import { validateWorkspace } from "../../src/domain/validation/index";
import { describePlan } from "../../src/node/cli/plan";
import { previewSync } from "../../src/sync/preview";
import { describeReport } from "../../src/sync/report";
import { runSyncChunk, type SyncHome } from "../../src/sync/runner";
import { decodeTab } from "../../src/workbook/codec";
import { MemoryWorkbook } from "../../src/workbook/memory-workbook";
import { setUpWorkspace } from "../../src/workbook/setup";
import { readImage, setCell, writeColumn } from "../../src/workbook/table-image";
import { readWorkspace } from "../../src/workbook/workspace-reader";
import { append, homeFor, sandboxPerTest } from "./scenario";

const SITES = ["San Francisco"];
const STANDARD = ["ReadCallLog", "ReadMessages", "Meetings", "Voicemail", "SelfEditInfo"];
const sandbox = sandboxPerTest();

async function workspaceWithFrontDesk(permissions: string) {
  const book = new MemoryWorkbook();
  const home = homeFor(await sandbox(), book);
  setUpWorkspace(book);
  await previewSync(home, { sites: [] });
  append(book, ROLES_TAB, [{ name: "Front Desk", kind: "Custom", basedOn: "Standard", permissions }]);
  append(book, USERS_TAB, [
    {
      userType: "User",
      firstName: "Ann",
      lastName: "Lee",
      email: "ann@example.com",
      ext: "4101",
      site: "San Francisco",
      setupWizard: "Not Started",
      role: "Front Desk",
    },
  ]);
  return { book, home };
}

async function accountRole(home: SyncHome, name: string): Promise<RoleResource | undefined> {
  const roles = await home.client.listAll<RoleResource>("listUserRoles", { query: { perPage: 1000 } });
  return roles.find((r) => r.displayName === name);
}

const permissionsOf = (role: RoleResource | undefined) => (role?.permissions ?? []).map((p) => String(p.id)).sort();

function setRoleCell(book: MemoryWorkbook, name: string, key: "permissions" | "status", value: string): void {
  const image = readImage(book, ROLES_TAB);
  const row = image && decodeTab(ROLES_TAB, book.read("Roles")).records.find((r) => r.name === name)?.row;
  if (!image || !row) throw new Error(`No Roles row ${name}.`);
  setCell(image, row, key, value);
  writeColumn(book, image, key, [row]);
}

function setUserRole(book: MemoryWorkbook, email: string, role: string): void {
  const image = readImage(book, USERS_TAB);
  const row = decodeTab(USERS_TAB, book.read("Users")).records.find((u) => u.email === email)?.row;
  if (!image || !row) throw new Error(`No Users row ${email}.`);
  setCell(image, row, "role", role);
  writeColumn(book, image, "role", [row]);
}

const sync = (home: SyncHome) => runSyncChunk(home, { scope: { sites: SITES }, budgetMs: 60_000 });

describe("custom roles against the sandbox", () => {
  it("a custom role already in the account gets no Based On finding after a refresh", async () => {
    const book = new MemoryWorkbook();
    const home = homeFor(await sandbox(), book);
    setUpWorkspace(book);
    await home.client.call("createCustomRole", {
      body: { displayName: "Night Shift", description: "made by hand", permissions: [{ id: "ReadCallLog" }] },
    });

    await previewSync(home, { sites: [] });

    const { workspace } = readWorkspace(book);
    expect(workspace.roles.find((r) => r.name === "Night Shift")).toMatchObject({ kind: "Custom", basedOn: "" });
    expect(workspace.roles.find((r) => r.name === "Night Shift")?.rcId).toMatch(/\S/);
    expect(validateWorkspace(workspace).filter((f) => f.tab === "roles")).toEqual([]);
  });

  it("creates a role with its base's permissions as edited, updates it when Permissions change, and counts both", async () => {
    const { book, home } = await workspaceWithFrontDesk("ReadCallLog;EditUserInfo;-Meetings");

    const first = await sync(home);
    expect(first).toMatchObject({ done: true, created: 1, roles: { created: 1, updated: 0, deleted: 0 }, roleChanged: 1 });
    expect(describeReport(first)).toContain("Roles: 1 created, 0 updated, 0 deleted; 1 user given another role.");
    const wanted = [...STANDARD.filter((p) => p !== "Meetings"), "EditUserInfo"].sort();
    expect(permissionsOf(await accountRole(home, "Front Desk"))).toEqual(wanted);

    setRoleCell(book, "Front Desk", "permissions", "ReadCallLog;EditUserInfo;-Meetings;-Voicemail");
    const plan = await previewSync(home, { sites: SITES });
    expect(plan.roles.update.map((r) => r.name)).toEqual(["Front Desk"]);
    const second = await sync(home);
    expect(second).toMatchObject({ roles: { created: 0, updated: 1, deleted: 0 }, roleChanged: 0 });
    expect(permissionsOf(await accountRole(home, "Front Desk"))).toEqual(wanted.filter((p) => p !== "Voicemail"));

    const settled = await previewSync(home, { sites: SITES });
    expect([settled.roles.create, settled.roles.update, settled.roles.delete]).toEqual([[], [], []]);
  });

  it("deletes a role only once no user has it: held while a Users row has it, then gone from the account", async () => {
    const { book, home } = await workspaceWithFrontDesk("");
    await sync(home);
    const rcId = (await accountRole(home, "Front Desk"))?.id;
    expect(rcId).toBeDefined();

    setRoleCell(book, "Front Desk", "status", "Pending Delete");
    const held = await previewSync(home, { sites: SITES });
    expect(held.roles.delete).toEqual([]);
    expect(held.roles.held).toEqual([expect.objectContaining({ name: "Front Desk", users: [expect.any(Number)] })]);
    await sync(home);
    expect(await accountRole(home, "Front Desk")).toBeDefined();

    setUserRole(book, "ann@example.com", "Standard");
    const report = await sync(home);
    expect(report).toMatchObject({ roles: { created: 0, updated: 0, deleted: 1 }, roleChanged: 1 });
    expect(await accountRole(home, "Front Desk")).toBeUndefined();
    expect(decodeTab(ROLES_TAB, book.read("Roles")).records.some((r) => r.name === "Front Desk")).toBe(false);
  });

  it("plans every user it gives a role, as many as the sync reports, and deletes a role with no site chosen", async () => {
    const { book, home } = await workspaceWithFrontDesk("");
    const first = await previewSync(home, { sites: SITES });
    expect(first.roleAssignments).toEqual([{ role: "Front Desk", rows: [2], names: ["Ann Lee"] }]);
    expect((await sync(home)).roleChanged).toBe(1);

    // A role change alone is no field update: the plan lists it among the roles given, and the sync counts it.
    setUserRole(book, "ann@example.com", "Standard");
    const plan = await previewSync(home, { sites: SITES });
    expect(plan.updates).toEqual([]);
    expect(plan.roleAssignments).toEqual([{ role: "Standard", rows: [2], names: ["Ann Lee"] }]);
    expect(describePlan(plan)).toMatch(
      /0 to update, .* blocked\. 1 user given another role\.\n {2}role {9}Users row 2, Ann Lee: Standard$/m,
    );
    expect((await sync(home)).roleChanged).toBe(1);

    // The role is the account's, not a site's: planned and deleted with no site ticked, and nothing else sent.
    setRoleCell(book, "Front Desk", "status", "Pending Delete");
    const roles = await previewSync(home, { sites: [] });
    expect(roles.roles.delete.map((r) => r.name)).toEqual(["Front Desk"]);
    expect([roles.creates, roles.updates, roles.deletes, roles.roleAssignments, roles.blocked]).toEqual([[], [], [], [], []]);
    const report = await runSyncChunk(home, { scope: { sites: [] }, budgetMs: 60_000 });
    expect(report).toMatchObject({ done: true, roles: { created: 0, updated: 0, deleted: 1 }, created: 0, updated: 0 });
    expect(await accountRole(home, "Front Desk")).toBeUndefined();
  });

  it("a delete the account refuses (a user the sheet does not list holds the role) leaves the role and says why", async () => {
    const { book, home } = await workspaceWithFrontDesk("");
    await sync(home);
    setUserRole(book, "ann@example.com", "");
    const other = readWorkspace(book).workspace.account.users.find((u) => u.email !== "ann@example.com");
    const role = await accountRole(home, "Front Desk");
    if (!other || !role) throw new Error("The sandbox has no other user, or the role was not made.");
    await home.client.call("bulkAssignRole", { path: { roleId: String(role.id) }, body: { addedExtensionIds: [other.rcId] } });

    setRoleCell(book, "Front Desk", "status", "Pending Delete");
    const report = await sync(home);

    expect(report.roles.deleted).toBe(0);
    expect(await accountRole(home, "Front Desk")).toBeDefined();
    const status = () => decodeTab(ROLES_TAB, book.read("Roles")).records.find((r) => r.name === "Front Desk")?.status;
    expect(status()).toMatch(/^Error: the account refused the delete .*assigned/);
    // The next sync leaves the refusal on the row for the person to see, instead of calling the role Synced again.
    await sync(home);
    expect(status()).toMatch(/^Error: the account refused the delete/);
  });
});

import type GetExtensionInfoResponse from "@rc-ex/core/definitions/GetExtensionInfoResponse";
import type RoleResource from "@rc-ex/core/definitions/RoleResource";
import type SiteInfo from "@rc-ex/core/definitions/SiteInfo";
import { makeCredential, type Randomness } from "../domain/credential-maker";
import { blankRecord, type SiteRecord, type UserRecord } from "../domain/records";
import { DEFAULT_SETTINGS } from "../domain/settings";
import { SITES_TAB, USERS_TAB } from "../domain/tabs";
import type { RingCentralClient } from "../ringcentral/client";
import type { OperationName } from "../ringcentral/operations";
import { claimBody, createBody, secretBody, siteBody, updateBody } from "../sync/requests";
import type { RecordingTransport } from "./exchange-record";

/**
 * First contact with RingCentral (`rcsheets probe`): each operation the product sends, run once on things the probe
 * makes and then removes (a site, a custom role, a Message Only extension; with `claimLine`, an unassigned line
 * claimed and released), with the bodies src/sync/requests.ts makes. What it cannot undo it does not do, and says
 * so. Each step's outcome is kept beside the recorded exchanges; a step that fails skips the steps that need it, and
 * every removal is tried whatever failed before.
 */

export interface ProbeOptions {
  /** Claim an unassigned line and release it (delete with savePhoneLines): off unless asked, see SKIPPED_CLAIM. */
  claimLine: boolean;
  /** Names the probe's things apart from anyone's (a time stamp). */
  stamp: string;
  random: Randomness;
  /** Waits between looks at a bulk task (the home's clock). */
  sleep: (ms: number) => Promise<void>;
}

export interface StepOutcome {
  step: string;
  outcome: string;
}

/** Operations of src/ringcentral/operations.ts the product never sends, so the probe does not either. */
export const NOT_USED_BY_THE_PRODUCT: readonly OperationName[] = [
  "readAccount",
  "listExtensionPhoneNumbers",
  "readSite",
  "updateSite",
  "listSiteMembers",
  "assignSiteMembers",
  "readDefaultRole",
  "updateDefaultRole",
  "listAssignedRoles",
  "updateAssignedRoles",
  "assignDefaultRole",
  "listAccountAssignedRoles",
  "listStandardRoles",
  "bulkDeleteUsers",
];

export const SKIPPED_CLAIM =
  "skipped: where a released line goes back, and under which id, is the platform's to say (give --claim-line to try it on a developer account)";

interface Records<T> {
  records?: T[];
}

type Extension = GetExtensionInfoResponse;

class Probe {
  readonly steps: StepOutcome[] = [];
  private readonly undo: { step: string; run: () => Promise<unknown> }[] = [];

  constructor(
    readonly client: RingCentralClient,
    private readonly recorder: RecordingTransport,
  ) {}

  /** One step: its exchanges recorded under its name, its outcome kept; undefined when it failed or was skipped. */
  async step<T>(step: string, run: () => Promise<T>, needs: unknown[] = []): Promise<T | undefined> {
    if (needs.some((value) => value === undefined)) {
      this.steps.push({ step, outcome: "skipped: a step it needs failed" });
      return undefined;
    }
    this.recorder.step = step;
    try {
      const value = await run();
      this.steps.push({ step, outcome: "done" });
      return value;
    } catch (error) {
      this.steps.push({ step, outcome: `failed: ${error instanceof Error ? error.message : String(error)}` });
      return undefined;
    }
  }

  skip(step: string, why: string): void {
    this.steps.push({ step, outcome: why });
  }

  /** Run after every other step, last registered first. */
  removeLater(step: string, run: () => Promise<unknown>): void {
    this.undo.unshift({ step, run });
  }

  async removeAll(): Promise<void> {
    for (const { step, run } of this.undo.splice(0)) await this.step(step, run);
  }

  call<T>(name: OperationName, options: Parameters<RingCentralClient["call"]>[1] = {}): Promise<T> {
    return this.client.call<T>(name, options);
  }
}

/** Runs every step; the exchanges are in `recorder`, the outcomes in the answer. */
export async function runProbe(
  client: RingCentralClient,
  recorder: RecordingTransport,
  options: ProbeOptions,
): Promise<StepOutcome[]> {
  const probe = new Probe(client, recorder);
  try {
    if (!(await probe.step("signIn", () => client.loginWithJwt()))) return probe.steps;
    const account = await readAccount(probe);
    const siteId = await makeSite(probe, options);
    const roleId = await makeRole(probe, options, account.roles);
    const user = { ...probeUser(options, account.freeExt(), siteId ?? ""), userType: "Message Only" };
    await makeMessageOnly(probe, options, user, { siteId, roleId });
    if (options.claimLine) await claimAndRelease(probe, options, account);
    else probe.skip("claimLine", SKIPPED_CLAIM);
  } finally {
    await probe.removeAll();
    await probe.step("revoke", () => client.revoke());
  }
  return probe.steps;
}

interface AccountRead {
  extensions: Extension[];
  roles: RoleResource[];
  questions: { id?: string }[];
  freeExt(): string;
}

/** The reads of an account refresh and of the role and credential steps, as the product sends them. */
async function readAccount(probe: Probe): Promise<AccountRead> {
  const extensions = await probe.step("listExtensions", () =>
    probe.call<Records<Extension>>("listExtensions", { query: { perPage: 1000 } }),
  );
  await probe.step("listAccountPhoneNumbers", () => probe.call("listAccountPhoneNumbers", { query: { perPage: 1000 } }));
  await probe.step("listSites", () => probe.call("listSites"));
  const roles = await probe.step("listUserRoles", () =>
    probe.call<Records<RoleResource>>("listUserRoles", { query: { perPage: 1000 } }),
  );
  await probe.step("listPermissions", () => probe.call("listPermissions", { query: { perPage: 1000 } }));
  const questions = await probe.step("listSecretQuestions", () => probe.call<Records<{ id?: string }>>("listSecretQuestions"));
  const list = extensions?.records ?? [];
  const taken = new Set(list.map((e) => e.extensionNumber));
  let next = 9000;
  return {
    extensions: list,
    roles: roles?.records ?? [],
    questions: questions?.records ?? [],
    freeExt: () => {
      while (taken.has(String(next))) next++;
      taken.add(String(next));
      return String(next);
    },
  };
}

async function makeSite(probe: Probe, options: ProbeOptions): Promise<string | undefined> {
  const site: SiteRecord = {
    ...blankRecord(SITES_TAB),
    name: `rcsheets probe ${options.stamp}`,
    country: "US",
    state: "CA",
    city: "San Mateo",
    street: "20 Davis Drive",
    postalCode: "94402",
  };
  const created = await probe.step("createSite", () => probe.call<SiteInfo>("createSite", { body: siteBody(site) }));
  const siteId = created?.id === undefined ? undefined : String(created.id);
  if (siteId) probe.removeLater("deleteSite", () => probe.call("deleteSite", { path: { siteId } }));
  return siteId;
}

/** A custom role based on a standard one (its permissions as read), changed once, removed at the end. */
async function makeRole(probe: Probe, options: ProbeOptions, roles: RoleResource[]): Promise<string | undefined> {
  const base = roles.find((r) => !r.custom && r.id !== undefined);
  if (!base) {
    probe.skip("readUserRole", "skipped: the account lists no standard role to base a custom role on");
    return undefined;
  }
  const read = await probe.step("readUserRole", () =>
    probe.call<RoleResource>("readUserRole", { path: { roleId: String(base.id) } }),
  );
  const permissions = (read?.permissions ?? []).map((p) => ({ id: String(p.id) }));
  const displayName = `rcsheets probe ${options.stamp}`;
  const created = await probe.step(
    "createCustomRole",
    () =>
      probe.call<RoleResource>("createCustomRole", { body: { displayName, description: "made by rcsheets probe", permissions } }),
    [read],
  );
  const roleId = created?.id === undefined ? undefined : String(created.id);
  if (!roleId) return undefined;
  probe.removeLater("deleteCustomRole", () => probe.call("deleteCustomRole", { path: { roleId } }));
  await probe.step("updateUserRole", () =>
    probe.call("updateUserRole", {
      path: { roleId },
      body: { displayName, description: "changed by rcsheets probe", permissions },
    }),
  );
  return roleId;
}

function probeUser(options: ProbeOptions, ext: string, site: string): UserRecord {
  return {
    ...blankRecord(USERS_TAB),
    userType: "User",
    firstName: "Probe",
    lastName: `Rcsheets ${options.stamp}`,
    email: `rcsheets.probe.${options.stamp}@example.com`,
    ext,
    site,
    setupWizard: "Not Started",
  };
}

/** A Message Only extension (one POST), read, updated alone and in bulk, given the probe's role, deleted at the end. */
async function makeMessageOnly(
  probe: Probe,
  { random, sleep }: ProbeOptions,
  user: UserRecord,
  { siteId, roleId }: { siteId?: string | undefined; roleId?: string | undefined },
): Promise<void> {
  const withPin = { ...user, pin: makeCredential("pin", user, random) };
  const created = await probe.step(
    "createExtension",
    () => probe.call<Extension>("createExtension", { body: createBody(withPin, siteId ?? "", DEFAULT_SETTINGS) }),
    [siteId],
  );
  if (created?.id === undefined) return;
  const path = { extensionId: String(created.id) };
  probe.removeLater("deleteExtension", () => probe.call("deleteExtension", { path }));
  await probe.step("readExtension", () => probe.call("readExtension", { path }));
  const renamed = { ...user, firstName: "Probe changed", dept: "rcsheets probe" };
  await probe.step("updateExtension", () =>
    probe.call("updateExtension", { path, body: updateBody(renamed, ["name", "dept"], siteId ?? "") }),
  );
  await probe.step(
    "bulkAssignRole",
    () => probe.call("bulkAssignRole", { path: { roleId: roleId ?? "" }, body: { addedExtensionIds: [path.extensionId] } }),
    [roleId],
  );
  await bulkUpdate(probe, sleep, path.extensionId, { ...renamed, dept: "rcsheets probe, in bulk" }, siteId ?? "");
}

/** One task of one record, followed until it ends (looks further apart each time, at most 20 of them). */
async function bulkUpdate(
  probe: Probe,
  sleep: ProbeOptions["sleep"],
  id: string,
  user: UserRecord,
  siteId: string,
): Promise<void> {
  type Task = { id?: string; status?: string };
  const task = await probe.step("bulkUpdateExtensions", () =>
    probe.call<Task>("bulkUpdateExtensions", { body: { records: [{ id, ...updateBody(user, ["dept"], siteId) }] } }),
  );
  if (task?.id === undefined) return;
  await probe.step("readBulkUpdateTask", async () => {
    let read: Task = task;
    for (let look = 0; look < 20 && read.status !== "Completed" && read.status !== "Failed"; look++) {
      await sleep(250 * 2 ** Math.min(look, 4));
      read = await probe.call<Task>("readBulkUpdateTask", { path: { taskId: String(task.id) } });
    }
    return read;
  });
}

/** A line claimed as the sync claims one (read, PUT, read back), its secret question set, then released. */
async function claimAndRelease(probe: Probe, options: ProbeOptions, account: AccountRead): Promise<void> {
  const line = account.extensions.find((e) => e.status === "Unassigned" && e.type === "User" && e.id !== undefined);
  if (!line) return probe.skip("claimLine", "skipped: the account has no unassigned User line");
  const path = { extensionId: String(line.id) };
  const read = await probe.step("readExtension (unassigned line)", () => probe.call<Extension>("readExtension", { path }));
  // The line's own site, not the probe's: a released line stays where it was claimed, and the probe's site must go.
  const lineSite = String(line.site?.id ?? "main-site");
  const user = { ...probeUser(options, account.freeExt(), lineSite), email: `rcsheets.probe.line.${options.stamp}@example.com` };
  const completed = { ...user, setupWizard: "Completed" };
  const credentials = {
    ...completed,
    pin: makeCredential("pin", completed, options.random),
    password: makeCredential("password", completed, options.random),
  };
  const claimed = await probe.step(
    "updateExtension (claim)",
    () => probe.call<Extension>("updateExtension", { path, body: claimBody(credentials, lineSite, DEFAULT_SETTINGS) }),
    [read],
  );
  if (!claimed) return;
  probe.removeLater("deleteExtension (release the line)", () =>
    probe.call("deleteExtension", { path, query: { savePhoneLines: true } }),
  );
  await probe.step("readExtension (claimed)", () => probe.call("readExtension", { path }));
  const questionId = account.questions[0]?.id;
  await probe.step(
    "updateCredentials",
    () =>
      probe.call("updateCredentials", {
        path,
        body: secretBody({ ...credentials, secretAnswer: "rcsheets probe" }, String(questionId)),
      }),
    [questionId],
  );
}

import type GetExtensionInfoResponse from "@rc-ex/core/definitions/GetExtensionInfoResponse";
import type RoleResource from "@rc-ex/core/definitions/RoleResource";
import type SiteInfo from "@rc-ex/core/definitions/SiteInfo";
import type { UserRecord } from "../domain/records";
import type { AccountState } from "../domain/workspace";
import { roleOf, siteOf, userOf } from "./account-snapshot";
import type { KeptAccount } from "./kept-account";

/**
 * The account as one chunk knows it: as read (by this chunk, or an earlier one of the run), plus each change the
 * chunk made, told as it is answered. What it cannot know (a delete, a call without an answer) it says it lost track
 * of, and then keeps nothing for the next chunk.
 */
export class RunAccount {
  private lost = false;

  constructor(
    private readonly state: AccountState,
    /** When the account was read from RingCentral. */
    private readonly readAt: number,
  ) {}

  siteCreated(site: SiteInfo): void {
    this.state.sites.push(siteOf(site));
  }

  roleCreated(role: RoleResource): void {
    this.state.roles.push(roleOf(role));
  }

  roleUpdated(rcId: string, change: { description: string; permissions: string[] }): void {
    const role = this.state.roles.find((r) => r.rcId === rcId);
    if (role) Object.assign(role, change);
  }

  roleDeleted(rcId: string): void {
    this.state.roles = this.state.roles.filter((r) => r.rcId !== rcId);
  }

  /** A user made (on a line: the extension is the line's, which is then no longer unassigned). */
  userCreated(extension: GetExtensionInfoResponse, phone: string): void {
    const siteNames = new Map(this.state.sites.map((s) => [s.rcId, s.name]));
    this.state.users.push(userOf(extension, phone, siteNames));
  }

  /** The fields an update sent, as the row has them. */
  userUpdated(rcId: string, user: UserRecord): void {
    const account = this.state.users.find((u) => u.rcId === rcId);
    if (!account) return;
    const { firstName, lastName, email, ext, site, dept } = user;
    Object.assign(account, { firstName, lastName, email, ext, site, dept });
  }

  roleAssigned(role: string, rcIds: readonly string[]): void {
    const assigned = new Set(rcIds);
    for (const user of this.state.users) if (assigned.has(user.rcId)) user.role = role;
  }

  lostTrack(): void {
    this.lost = true;
  }

  /**
   * What the next chunk may start from, or null once track was lost. Lines users now hold and lines another sync
   * took (`taken`) are no longer unassigned.
   */
  kept(print: string, taken: ReadonlySet<string>, questions: Map<string, string> | null): KeptAccount | null {
    if (this.lost) return null;
    const users = new Set(this.state.users.map((u) => u.rcId));
    const lines = this.state.lines.filter((l) => !users.has(l.rcId) && !taken.has(l.rcId));
    return { print, readAt: this.readAt, state: { ...this.state, lines }, questions: questions ? [...questions] : null };
  }
}

import type ExtensionBulkUpdateTaskResource from "@rc-ex/core/definitions/ExtensionBulkUpdateTaskResource";
import type ExtensionUpdateRequest from "@rc-ex/core/definitions/ExtensionUpdateRequest";
import type GetExtensionListInfoResponse from "@rc-ex/core/definitions/GetExtensionListInfoResponse";
import type { SyncLedgerRecord, UnassignedLineRecord, UserRecord } from "../domain/records";
import { ApiError } from "../ringcentral/api-error";
import type { RingCentralClient } from "../ringcentral/client";
import type { Clock } from "../ringcentral/clock";
import { inDoubt } from "../ringcentral/in-doubt";
import { OutOfTimeError } from "../ringcentral/out-of-time";

/**
 * Lines claimed many at a time. In bulk: up to 500 claims in one extension-bulk-update task (one Heavy call, a few
 * Light looks); one by one: a PUT each (Medium). Either way the line checks are list reads, never a read per line:
 * one paged list of the account's assigned extensions before the first round of a chunk, and one after each round
 * of PUTs or after the tasks that have ended (together), which tells each claim's fate (the line holds our user;
 * another sync's; still unassigned) and serves as the next round's check. A line another sync took moves its row to another line in a later round. Tasks are sent at once and
 * followed later: they run while the chunk makes its other calls (Message Only creates wait on the Medium limit).
 *
 * The platform has no compare-and-set: another sync that found a line free just before our claim landed overwrites it
 * when its own claim lands, up to a round of its own later (a task runs seconds). So a claim seen ours is confirmed
 * only by a read made a settling time after it (see `settleMs`): until then its row waits, and a line found taken
 * meanwhile moves its row, before any other call touches that extension.
 */

/** The platform takes at most this many records in one task. */
export const CLAIM_TASK_RECORDS = 500;
/**
 * A task's platform time as assumed here (the sandbox's figure: 2 s and 20 ms a record; not measured on the live
 * platform). Waited out once when a task's answer was lost, before reading back what it did.
 */
function assumedTaskMs(records: number): number {
  return 2_000 + 20 * records;
}
/**
 * PUTs in one round, one by one: about a minute of the Medium limit. A round's length is the settling time of its
 * claims (another sync's round may be as long), so rounds are kept short at the price of a list read each.
 */
const SINGLE_ROUND_CLAIMS = 40;
/** The calls of a round at least: the task (or a PUT), a look, the read-back's page or two. */
export const CLAIM_ROUND_CALLS = 5;
const FIRST_LOOK_MS = 50;
const LONGEST_LOOK_MS = 5_000;
/** Lines tried for one row before it says none is left. */
const MOST_TRIES = 5;
/** The statuses of extensions that hold a line (every status but Unassigned). */
const HOLDING = ["Enabled", "NotActivated", "Disabled", "Frozen"];

export type ClaimWay = "bulk" | "single";
type Holder = GetExtensionListInfoResponse;
/** A claim a read saw ours, not yet confirmed; it had landed by `at` (its PUT's answer, else that read). */
interface Seen {
  claim: LineClaim;
  at: number;
}
/** A task sent and not yet followed to its end: the chunk's other calls go on meanwhile. */
interface Running {
  task: ExtensionBulkUpdateTaskResource;
  claims: LineClaim[];
  /** From the read that found its lines free to the task's sending. */
  sendMs: number;
  sentAt: number;
  /** When `progress` looks at it next, and the wait after that look. */
  lookAt: number;
  lookWait: number;
}

export interface LineClaim {
  row: number;
  user: UserRecord;
  line: UnassignedLineRecord;
  body: ExtensionUpdateRequest;
  /** Lines tried before this one (taken by another sync meanwhile). */
  tries: number;
  /** Why a bulk task refused this claim, for the row if the single claim that follows says nothing better. */
  refusal?: string | undefined;
}

/** What the chunk does with each claim's fate (runner.ts keeps rows, ledger and account). */
export interface ClaimRows {
  /** The row's intent names its line and how it goes (the task's id once known); `persist` makes it durable. */
  noteSent(claim: LineClaim, mark: ClaimMark): void;
  persist(): Promise<void>;
  claimed(claim: LineClaim, extension: Holder): void;
  failed(claim: LineClaim, reason: unknown): void;
  /**
   * Sent, fate unknown (or seen ours, not yet confirmed): the row is left as it is and its intent kept, for the next
   * chunk to settle; for claims seen ours, once another sync's claim of the same line would have landed (`settleBy`,
   * on the intent's mark).
   */
  inDoubt(claims: readonly LineClaim[], settleBy?: number): void;
  /** Another line for a row whose line another sync took, or undefined when none fits. */
  nextLine(claim: LineClaim): UnassignedLineRecord | undefined;
  /** The account refuses claims through bulk-update: later runs claim one by one. */
  bulkRefused(): void;
}

export interface ClaimTime {
  /** Whether calls this many may start and end (at their worst) within the chunk. */
  allows(calls: number): boolean;
  /** What is left of the chunk's budget. */
  leftMs(): number;
  /** The last moment a call may end by. */
  latest(): number;
  answerMs: number;
}

/**
 * How a claim went out, on its ledger intent (`values`): a task in doubt is followed by its id; the account is read
 * for it no sooner than `settleBy` (ms since the epoch), when another sync's claim of the same line would have landed.
 */
export interface ClaimMark {
  claim: ClaimWay;
  task?: string;
  settleBy?: number;
}

export function claimMarkOf(values: string): ClaimMark | null {
  if (!values.startsWith("{")) return null;
  try {
    const mark = JSON.parse(values) as Partial<ClaimMark>;
    return mark.claim === "bulk" || mark.claim === "single" ? (mark as ClaimMark) : null;
  } catch {
    return null;
  }
}

export class LineClaims {
  private holders: Map<string, Holder> | null = null;
  /** When `holders` was read, and how long that read took. */
  private heldAt = 0;
  private readMs = 0;
  /** Claims seen ours, waiting for a read `settleMs` later. */
  private unconfirmed: Seen[] = [];
  /**
   * How long after a claim landed another sync's claim of the same line may still land: the longest claim of this
   * chunk from the read that found its line free to the claim's landing, plus a read; a task's own time (as the
   * platform dates it) scaled to a full task of 500 records, since another sync's task may be that long. Others'
   * claims are assumed no slower than ours: the sandbox's task time is not measured live.
   */
  private settleMs = 0;
  private readonly queue: LineClaim[] = [];
  private running: Running[] = [];
  /** Claims whose task refused them, tried again one by one. */
  private readonly singles: LineClaim[] = [];
  /**
   * A task refused every one of its records: the account may not claim through bulk-update, or the records had faults
   * of their own. The one-by-one claims that follow tell which.
   */
  private taskRefusedAll = false;
  /** Claims in doubt: sent, their fate unknown. The run goes on for them. */
  private doubted = 0;

  constructor(
    private readonly home: { client: RingCentralClient; clock: Clock },
    private readonly rows: ClaimRows,
    private readonly time: ClaimTime,
    private way: ClaimWay,
  ) {}

  /**
   * The claims sent while the chunk's time allows: in bulk, every task goes and runs while the chunk's other calls are
   * made; one by one, each round is read back. The claims seen ours wait for `confirmAll`.
   */
  async claimAll(claims: readonly LineClaim[]): Promise<void> {
    this.queue.push(...claims);
    await this.rounds();
  }

  /**
   * The tasks followed to their end and read back; then, once the settling time has passed (the chunk's other calls
   * may have spent it), one more read confirms the claims seen ours. Lines found taken or refused go round again.
   */
  async confirmAll(): Promise<void> {
    try {
      for (;;) {
        await this.followRunning(true);
        // Rounds that the time stopped (the limits' waits would outlast the chunk) are not tried again at once.
        if (this.queue.length + this.singles.length > 0 && this.roundMayStart() && (await this.rounds())) continue;
        if (this.unconfirmed.length === 0 || !(await this.confirmAfterSettling())) return;
        if (this.queue.length === 0) return;
      }
    } catch (error) {
      if (!(error instanceof OutOfTimeError)) throw error;
    }
  }

  /**
   * Between the chunk's other calls, never waiting for a task or the settling time: the tasks that have ended are
   * read back, the claims seen ours confirmed once the settling time has passed, and one round of what the reads left
   * (lines taken or refused) goes. The rest is `confirmAll`'s.
   */
  async progress(): Promise<void> {
    try {
      await this.followRunning(false);
      if (this.unconfirmed.length > 0 && this.home.clock.now() >= this.confirmDue() && this.time.allows(CLAIM_ROUND_CALLS)) {
        await this.read([]);
        this.confirm();
      }
      if (this.queue.length + this.singles.length > 0) await this.rounds(1);
    } catch (error) {
      if (!(error instanceof OutOfTimeError)) throw error;
    }
  }

  /** The chunk's claims end: those not confirmed stay in doubt. How many claims the chunk did not settle. */
  end(): number {
    const seen = this.unconfirmed.map((s) => s.claim);
    if (seen.length > 0) this.doubt(seen, this.confirmDue());
    this.doubt(this.running.flatMap((r) => r.claims));
    this.unconfirmed = [];
    this.running = [];
    return this.doubted + this.queue.length + this.singles.length;
  }

  /**
   * The claim's row waits for its claim when it must, and the chunk has time: the tasks followed, the settling time
   * waited out and the line read once more. Then the row has its extension (`ClaimRows.claimed`), or moved to
   * another line, or its claim is in doubt.
   */
  async awaitClaim(row: number): Promise<void> {
    try {
      if (this.running.some((r) => r.claims.some((c) => c.row === row))) await this.followRunning(true);
      const seen = this.unconfirmed.find((s) => s.claim.row === row);
      if (seen) await this.confirmAfterSettling(seen.at + this.settleMs);
    } catch (error) {
      if (!(error instanceof OutOfTimeError)) throw error;
    }
  }

  /**
   * Rounds of claims, `most` of them, while the chunk's time allows. One by one, a round starts only while the
   * budget outlasts the settling time: the last round's claims are then confirmed by the chunk's end (which may wait
   * past the budget up to a round), while the chunk's other calls go.
   */
  private async rounds(most = Number.POSITIVE_INFINITY): Promise<boolean> {
    try {
      for (let round = 0; round < most && this.queue.length + this.singles.length > 0 && this.roundMayStart(); round++) {
        if (this.singles.length) await this.oneByOne(this.singles);
        else await (this.way === "bulk" ? this.sendTask() : this.oneByOne(this.queue));
      }
      return true;
    } catch (error) {
      // Any other failure (a list read the retries could not save) ends the claims as time does, then is said.
      if (!(error instanceof OutOfTimeError)) throw error;
      return false;
    }
  }

  /** A round of PUTs starts only while the budget outlasts the settling time; a task, while the chunk has time. */
  private roundMayStart(): boolean {
    const puts = this.singles.length > 0 || this.way === "single";
    return this.time.allows(CLAIM_ROUND_CALLS) && (!puts || this.time.leftMs() > this.settleMs);
  }

  /**
   * Waits until `due` (by default, until the last claim seen ours has settled), then reads once more: false when the
   * chunk has no time for it (the claims stay in doubt, for the next chunk to adopt from the account). A read that
   * fails leaves them unconfirmed.
   */
  private async confirmAfterSettling(due = this.confirmDue()): Promise<boolean> {
    const { clock } = this.home;
    if (Math.max(clock.now(), due) + CLAIM_ROUND_CALLS * this.time.answerMs > this.time.latest()) return false;
    await clock.sleep(due - clock.now());
    // A timer may fire a millisecond before the clock reads `due` (Node's timers and Date.now differ): a read begun
    // that early would leave the claims unconfirmed, and their secret questions to the next chunk. Once more, with a
    // millisecond to spare (never a loop: a test's clock may not move when slept on).
    if (clock.now() < due) await clock.sleep(due - clock.now() + 1);
    await this.read([]);
    this.confirm();
    return true;
  }

  /** When the last read began: a line's page may have been read as early as that. */
  private readStart(): number {
    return this.heldAt - this.readMs;
  }

  /** When every claim seen ours has settled: one read then confirms them all. */
  private confirmDue(): number {
    return Math.max(...this.unconfirmed.map((s) => s.at)) + this.settleMs;
  }

  /** The claims a read saw ours long enough ago are the rows'; those another's now move their rows. */
  private confirm(): void {
    const waiting = this.unconfirmed;
    this.unconfirmed = [];
    for (const seen of waiting) {
      const holder = this.holders?.get(seen.claim.line.rcId);
      if (!holder || !isOurs(holder, seen.claim.user)) this.move(seen.claim);
      else if (this.readStart() - seen.at >= this.settleMs) this.rows.claimed(seen.claim, holder);
      else this.unconfirmed.push(seen);
    }
  }

  /** One task of up to 500 claims, sent: `followRunning` follows it to its end. */
  private async sendTask(): Promise<void> {
    const claims = await this.free(this.queue, CLAIM_TASK_RECORDS);
    if (claims.length === 0) return;
    for (const c of claims) this.rows.noteSent(c, { claim: "bulk" });
    await this.rows.persist();
    let task: ExtensionBulkUpdateTaskResource;
    try {
      task = await this.home.client.call("bulkUpdateExtensions", {
        body: { records: claims.map((c) => ({ id: c.line.rcId, ...c.body })) },
      });
    } catch (error) {
      if (refusedWhole(error)) {
        this.rows.bulkRefused();
        this.way = "single";
        this.queue.unshift(...claims);
        return;
      }
      if (error instanceof OutOfTimeError && !error.inDoubt) {
        this.queue.unshift(...claims);
        throw error;
      }
      return this.afterLostAnswer(claims);
    }
    const sentAt = this.home.clock.now();
    this.running.push({
      task,
      claims,
      sendMs: sentAt - this.readStart(),
      sentAt,
      lookAt: sentAt + FIRST_LOOK_MS,
      lookWait: FIRST_LOOK_MS,
    });
    for (const c of claims) this.rows.noteSent(c, { claim: "bulk", task: String(task.id) });
    await this.rows.persist();
  }

  /**
   * The tasks sent that have ended, read back together (one list). `patient`, each is followed to its end first;
   * else each is looked at once when its look is due, and those still running go on.
   */
  private async followRunning(patient: boolean): Promise<void> {
    const ended: [Running, ExtensionBulkUpdateTaskResource][] = [];
    let outOfTime = false;
    for (const running of this.running) {
      // A task whose looks failed, or that has not ended when the chunk's time is up, stays running: `end` puts its
      // rows in doubt, and the next chunk follows it by its id.
      const done = patient ? await followTask(this.home, running.task, this.time) : await this.lookOnce(running);
      outOfTime = !done && patient;
      if (outOfTime) break;
      if (done) ended.push([running, done]);
    }
    await this.readBackTasks(ended);
    if (outOfTime) throw new OutOfTimeError(0);
  }

  /** Tasks that ended, read back together (one list): what they refused is tried one by one. */
  private async readBackTasks(ended: [Running, ExtensionBulkUpdateTaskResource][]): Promise<void> {
    if (ended.length === 0) return;
    this.running = this.running.filter((running) => !ended.some(([e]) => e === running));
    const claims = ended.flatMap(([running]) => running.claims);
    const { unassigned } = await this.readBack(claims, () => Math.max(...ended.map((e) => this.settlingOf(...e))));
    for (const [running, done] of ended) {
      const left = unassigned.filter((c) => running.claims.includes(c));
      // Every claim refused, its line still free: if the same claims then go through one by one, this account does
      // not claim through bulk-update (see oneByOne). A refusal of a few is tried one by one too: the PUT says the
      // row's fault.
      if (left.length === running.claims.length) this.taskRefusedAll = true;
      const outcomes = recordOutcomes(done);
      for (const c of left) c.refusal = outcomes.get(c.line.rcId) ?? "The bulk task left this line unassigned.";
    }
    this.singles.push(...unassigned);
  }

  /** The task ended, if a look now (when due, and the chunk has time for a round) finds it so; else null. */
  private async lookOnce(running: Running): Promise<ExtensionBulkUpdateTaskResource | null> {
    const now = this.home.clock.now();
    if (now < running.lookAt || !this.time.allows(CLAIM_ROUND_CALLS)) return null;
    running.lookAt = now + running.lookWait;
    running.lookWait = Math.min(running.lookWait * 2, LONGEST_LOOK_MS);
    const path = { taskId: String(running.task.id) };
    const task = await this.home.client.call<ExtensionBulkUpdateTaskResource>("readBulkUpdateTask", { path });
    return task.status === "Accepted" || task.status === "InProgress" ? null : task;
  }

  /**
   * How long another sync's claims like this task's could take to land: from its check read to its sending, the
   * task's time as the platform dates it (else as seen from here) scaled to 500 records, and a read.
   */
  private settlingOf(running: Running, done: ExtensionBulkUpdateTaskResource): number {
    // Dates in whole seconds may hide up to a second of the task's time.
    const resolution = /\.\d/.test(done.creationTime ?? "") ? 0 : 1000;
    const dated = Date.parse(done.lastModifiedTime ?? "") - Date.parse(done.creationTime ?? "") + resolution;
    const taskMs = Number.isFinite(dated) && dated >= 0 ? dated : this.home.clock.now() - running.sentAt;
    const scale = assumedTaskMs(CLAIM_TASK_RECORDS) / assumedTaskMs(running.claims.length);
    return running.sendMs + taskMs * scale + this.readMs;
  }

  /**
   * A PUT per claim, up to a round's, while time allows, then one read-back for all of them. Out of time, the rest go
   * back to `from` and the chunk's claims end (a round that sent nothing would otherwise be tried again at once).
   */
  private async oneByOne(from: LineClaim[]): Promise<void> {
    const claims = await this.free(from, SINGLE_ROUND_CLAIMS);
    const sent: LineClaim[] = [];
    /** When each PUT was answered: its claim had landed by then. */
    const landed = new Map<LineClaim, number>();
    const errors = new Map<LineClaim, unknown>();
    let stop: OutOfTimeError | null = null;
    for (const [i, c] of claims.entries()) {
      if (!this.time.allows(CLAIM_ROUND_CALLS)) stop = new OutOfTimeError(0);
      else {
        this.rows.noteSent(c, { claim: "single" });
        try {
          await this.home.client.call("updateExtension", { path: { extensionId: c.line.rcId }, body: c.body });
          landed.set(c, this.home.clock.now());
        } catch (error) {
          if (error instanceof OutOfTimeError && !error.inDoubt) stop = error;
          else errors.set(c, error);
        }
      }
      if (stop) {
        from.unshift(...claims.slice(i));
        break;
      }
      sent.push(c);
    }
    if (sent.length === 0) {
      if (stop) throw stop;
      return;
    }
    const checkedAt = this.readStart();
    const { claimed, unassigned } = await this.readBack(sent, () => this.heldAt - checkedAt, landed);
    // The PUT claimed what the task refused: the refusal was the platform's, not the records'. The rest of this run
    // goes one by one, and so do later runs' (the Settings tab says so).
    if (this.taskRefusedAll && claimed > 0) {
      this.rows.bulkRefused();
      this.way = "single";
    }
    this.taskRefusedAll = false;
    for (const c of unassigned) {
      const error = errors.get(c);
      if (error && inDoubt(error)) this.doubt([c]);
      else this.rows.failed(c, error ?? c.refusal ?? "RingCentral answered the claim but left the line unassigned.");
    }
    if (stop) throw stop;
  }

  /**
   * The first `count` claims of `from`, taken off it, whose lines are still free; a line held already goes to its row
   * (ours) or moves the row (another's). A read that fails leaves them on `from`.
   */
  private async free(from: LineClaim[], count: number): Promise<LineClaim[]> {
    const holders = this.holders ?? (await this.read([]));
    return from.splice(0, count).filter((c) => {
      const holder = holders.get(c.line.rcId);
      if (holder) this.settleHeld(c, holder);
      return !holder;
    });
  }

  /**
   * One paged list tells each sent claim's fate: ours (the line holds the row's user: confirmed once settled), taken
   * (another's user: the row moves to another line) or still unassigned (returned, for the caller to judge). The
   * `settling` time of the claims read back, known once the read is done, may lengthen the chunk's. A read cut short
   * leaves them in doubt.
   */
  private async readBack(
    claims: LineClaim[],
    settling: () => number,
    landed?: ReadonlyMap<LineClaim, number>,
  ): Promise<{ claimed: number; unassigned: LineClaim[] }> {
    const holders = await this.read(claims);
    this.settleMs = Math.max(this.settleMs, settling());
    this.confirm();
    let claimed = 0;
    const unassigned: LineClaim[] = [];
    for (const c of claims) {
      const holder = holders.get(c.line.rcId);
      if (!holder) unassigned.push(c);
      else if (this.settleHeld(c, holder, landed?.get(c))) claimed++;
    }
    return { claimed, unassigned };
  }

  /** A fresh list of the lines' holders; a read that fails leaves `claims` in doubt. */
  private async read(claims: readonly LineClaim[]): Promise<Map<string, Holder>> {
    const start = this.home.clock.now();
    try {
      this.holders = await readHolders(this.home.client);
      this.heldAt = this.home.clock.now();
      this.readMs = this.heldAt - start;
      return this.holders;
    } catch (error) {
      this.doubt(claims);
      throw error;
    }
  }

  /** A line held: by the row's user (waits to be confirmed) or by another's (the row moves). */
  private settleHeld(claim: LineClaim, holder: Holder, landedAt = this.heldAt): boolean {
    if (isOurs(holder, claim.user)) {
      this.unconfirmed.push({ claim, at: landedAt });
      return true;
    }
    this.move(claim);
    return false;
  }

  /** Another sync holds the claim's line: the row tries another, or fails when none fits or it tried enough. */
  private move(claim: LineClaim): void {
    const line = claim.tries + 1 < MOST_TRIES ? this.rows.nextLine(claim) : undefined;
    if (!line)
      this.rows.failed(
        claim,
        `Line ${claim.line.phone || claim.line.rcId} was taken by another sync meanwhile and no other unassigned line fits this row: refresh the account and sync again.`,
      );
    else this.queue.push({ ...claim, line, tries: claim.tries + 1, refusal: undefined });
  }

  /**
   * The task's answer was lost (or a server error): it may run. Its assumed time is waited out, if the chunk has it,
   * and the lines read back: what they show is settled; the rest stays in doubt for the next chunk (by adoption).
   */
  private async afterLostAnswer(claims: LineClaim[]): Promise<void> {
    const wait = assumedTaskMs(claims.length);
    if (this.home.clock.now() + wait + 2 * this.time.answerMs > this.time.latest()) return this.doubt(claims);
    const checkedAt = this.readStart();
    await this.home.clock.sleep(wait);
    const { unassigned } = await this.readBack(claims, () => this.heldAt - checkedAt);
    this.doubt(unassigned);
  }

  /** Claims whose fate this chunk leaves to the next; those seen ours, with when they will have settled. */
  private doubt(claims: readonly LineClaim[], settleBy?: number): void {
    if (claims.length === 0) return;
    this.rows.inDoubt(claims, settleBy);
    this.doubted += claims.length;
  }
}

/**
 * Follows a task (Light looks, 50 ms apart at first, doubling up to 5 s) until it is Completed or Failed; null when
 * the next look would end after the chunk's time less a read-back.
 */
async function followTask(
  home: { client: RingCentralClient; clock: Clock },
  first: ExtensionBulkUpdateTaskResource,
  time: Pick<ClaimTime, "latest" | "answerMs">,
): Promise<ExtensionBulkUpdateTaskResource | null> {
  let task = first;
  for (let wait = FIRST_LOOK_MS; task.status === "Accepted" || task.status === "InProgress"; ) {
    if (home.clock.now() + wait + 3 * time.answerMs > time.latest()) return null;
    await home.clock.sleep(wait);
    wait = Math.min(wait * 2, LONGEST_LOOK_MS);
    task = await home.client.call<ExtensionBulkUpdateTaskResource>("readBulkUpdateTask", { path: { taskId: String(task.id) } });
  }
  return task;
}

/**
 * Before a chunk reads the account: the tasks that intents of a chunk cut short name are followed until they end
 * (until `by`), and claims a chunk saw ours but could not confirm are waited out until they have settled (their
 * marks' `settleBy`, again until `by` at most), so that the read shows what they did, and what another sync did to
 * their lines, before adoption takes it up. The ids of tasks still running come back: their rows wait. A task the
 * platform no longer knows (404) is over.
 */
export async function settleLeftClaims(
  home: { client: RingCentralClient; clock: Clock },
  ledger: readonly Pick<SyncLedgerRecord, "state" | "values">[],
  by: number,
): Promise<Set<string>> {
  const ids = new Set(ledger.flatMap((e) => (e.state === "Creating" ? [claimMarkOf(e.values)?.task ?? ""] : [])));
  ids.delete("");
  const running = new Set<string>();
  for (const id of ids) {
    try {
      const task = await followTask(home, { id, status: "InProgress" } as ExtensionBulkUpdateTaskResource, {
        latest: () => by,
        answerMs: 0,
      });
      if (!task) running.add(id);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) running.add(id);
    }
  }
  const settled = ledger.reduce(
    (last, e) => Math.max(last, e.state === "Creating" ? (claimMarkOf(e.values)?.settleBy ?? 0) : 0),
    0,
  );
  const wait = Math.min(settled, by) - home.clock.now();
  if (wait > 0) await home.clock.sleep(wait);
  return running;
}

/** Each record's refusal, by line id: the platform's messages. */
function recordOutcomes(task: ExtensionBulkUpdateTaskResource): Map<string, string> {
  const whole = task.result?.errors?.map((e) => e.message).join(" ");
  const outcomes = new Map<string, string>();
  for (const item of task.result?.affectedItems?.result ?? [])
    if (item.extensionId && item.status !== "Success")
      outcomes.set(
        String(item.extensionId),
        `${item.errors?.map((e) => `${e.message} [${e.errorCode}]`).join(" ") || whole || "Refused by RingCentral."}`,
      );
  return outcomes;
}

/** Every extension that holds a line now, by id: one paged list (Medium, 1,000 a page). */
async function readHolders(client: RingCentralClient): Promise<Map<string, Holder>> {
  const list = await client.listAll<Holder>("listExtensions", { query: { status: HOLDING, perPage: 1000 } });
  return new Map(list.map((e) => [String(e.id), e]));
}

/** The extension holds this row's user: its email and extension number. */
function isOurs(extension: Pick<Holder, "contact" | "extensionNumber">, user: UserRecord): boolean {
  return extension.contact?.email?.toLowerCase() === user.email.toLowerCase() && extension.extensionNumber === user.ext;
}

/** A bulk call refused as a whole (a 4xx other than an expired token or the rate limit): claim one by one. */
function refusedWhole(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 429;
}

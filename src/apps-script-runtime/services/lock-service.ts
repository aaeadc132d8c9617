import { AppsScriptException } from "../exception";
import type { Execution, HostService } from "../host-service";

/**
 * LockService (developers.google.com/apps-script/reference/lock/lock): document, user and script locks held by the
 * host, so they really exclude concurrent executions. A lock belongs to the execution that took it and is released
 * when that execution ends, however it ends.
 */
export const LOCK_TIMEOUT = "Lock timeout: another process was holding the lock for too long.";

interface Waiter {
  executionId: number;
  grant: (granted: boolean) => void;
}

/** One lock's state: who holds it, who waits (first come, first served). */
export class LockState {
  holder: number | null = null;
  readonly #waiters: Waiter[] = [];

  acquire(executionId: number, timeoutMs: number): Promise<boolean> {
    if (this.holder === null || this.holder === executionId) {
      this.holder = executionId;
      return Promise.resolve(true);
    }
    if (timeoutMs <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        executionId,
        grant: (granted) => {
          clearTimeout(timer);
          resolve(granted);
        },
      };
      const timer = setTimeout(() => {
        this.#drop(waiter);
        resolve(false);
      }, timeoutMs);
      this.#waiters.push(waiter);
    });
  }

  release(executionId: number): void {
    if (this.holder !== executionId) return;
    const next = this.#waiters.shift();
    this.holder = next ? next.executionId : null;
    next?.grant(true);
  }

  /** The execution has ended: it holds nothing and waits for nothing. */
  forget(executionId: number): void {
    for (const waiter of this.#waiters.filter((w) => w.executionId === executionId)) {
      this.#drop(waiter);
      waiter.grant(false);
    }
    this.release(executionId);
  }

  #drop(waiter: Waiter): void {
    const at = this.#waiters.indexOf(waiter);
    if (at >= 0) this.#waiters.splice(at, 1);
  }
}

/** Apps Script's Lock class. */
export class Lock {
  readonly #state: LockState;
  readonly #execution: Execution;

  constructor(state: LockState, execution: Execution) {
    this.#state = state;
    this.#execution = execution;
  }

  get [Symbol.toStringTag]() {
    return "Lock";
  }

  tryLock(timeoutInMillis: number): Promise<boolean> {
    return this.#state.acquire(this.#execution.id, Number(timeoutInMillis) || 0);
  }

  async waitLock(timeoutInMillis: number): Promise<void> {
    if (!(await this.tryLock(timeoutInMillis))) throw new AppsScriptException(LOCK_TIMEOUT);
  }

  hasLock(): boolean {
    return this.#state.holder === this.#execution.id;
  }

  releaseLock(): void {
    this.#state.release(this.#execution.id);
  }
}

export class LockStates {
  readonly script = new LockState();
  readonly document = new LockState();
  readonly #users = new Map<string, LockState>();

  user(email: string): LockState {
    let state = this.#users.get(email);
    if (!state) {
      state = new LockState();
      this.#users.set(email, state);
    }
    return state;
  }

  all(): LockState[] {
    return [this.script, this.document, ...this.#users.values()];
  }
}

class LockServiceRoot {
  readonly #states: LockStates;
  readonly #execution: Execution;

  constructor(states: LockStates, execution: Execution) {
    this.#states = states;
    this.#execution = execution;
  }

  get [Symbol.toStringTag]() {
    return "LockService";
  }

  getScriptLock(): Lock {
    return new Lock(this.#states.script, this.#execution);
  }

  /** Null outside a containing document (developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()). */
  getDocumentLock(): Lock | null {
    return this.#execution.standalone ? null : new Lock(this.#states.document, this.#execution);
  }

  getUserLock(): Lock {
    return new Lock(this.#states.user(this.#execution.user), this.#execution);
  }
}

export function lockService(states: LockStates): HostService {
  return {
    name: "LockService",
    create: (execution) => new LockServiceRoot(states, execution),
    ended: (execution) => {
      for (const state of states.all()) state.forget(execution.id);
    },
  };
}

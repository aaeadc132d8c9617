/**
 * The add-in's Promise in Apps Script: ECMAScript's Promise (ECMA-262 §27.2), whose jobs wait in a queue of the
 * bundle's own rather than in V8's. Google does not document whether the jobs a function leaves when it returns ever
 * run, so a server function must not leave any: the build makes every `Promise` in dist/Code.js this one (its async
 * functions lowered to generators over it, scripts/build.ts), and main.ts runs each function with `settledNow`,
 * which runs the jobs until none is left and answers what the function's promise settled to, before it returns. All
 * I/O in Apps Script is synchronous (UrlFetchApp, Utilities.sleep), so nothing else could ever settle a promise.
 *
 * Outside the bundle (Node, tests) it is a plain module: nothing replaces the global Promise.
 */
// biome-ignore-all lint/suspicious/noThenProperty: a promise is what defines `then`
// biome-ignore-all lint/complexity/noThisInStatic: Promise's statics work on `this` (a subclass), as the spec says

type Handler = ((value: unknown) => unknown) | undefined;
type Resolve = (value?: unknown) => void;
type Reject = (reason?: unknown) => void;
type Executor = (resolve: Resolve, reject: Reject) => void;
type Constructor = new (executor: Executor) => unknown;

interface Capability {
  promise: unknown;
  resolve: Resolve;
  reject: Reject;
}

interface Reaction {
  capability: Capability | undefined;
  onFulfilled: Handler;
  onRejected: Handler;
}

/** [[PromiseState]], [[PromiseResult]], the reactions while pending, [[PromiseIsHandled]]. */
interface Slots {
  state: "pending" | "fulfilled" | "rejected";
  result: unknown;
  reactions: Reaction[];
  handled: boolean;
}

const SLOTS: unique symbol = Symbol("Promise slots");

/** HostEnqueuePromiseJob's queue, first in first out; `runJobs` empties it in a loop, so the stack stays flat. */
const jobs: ((() => void) | undefined)[] = [];
let nextJob = 0;
/** Rejected promises nothing handled yet (HostPromiseRejectionTracker), in the order they were rejected. */
const unhandled = new Set<QueuedPromise<unknown>>();
/** What a job threw (only a foreign capability's resolve or reject can). */
const uncaught: unknown[] = [];

function enqueue(job: () => void): void {
  jobs.push(job);
}

function runJobs(): void {
  while (nextJob < jobs.length) {
    const job = jobs[nextJob] as () => void;
    jobs[nextJob++] = undefined;
    try {
      job();
    } catch (error) {
      uncaught.push(error);
    }
    // A long run (a sync chunk's tens of thousands of awaits) drops what it has done now and then.
    if (nextJob > 4096 && nextJob * 2 > jobs.length) {
      jobs.splice(0, nextJob);
      nextJob = 0;
    }
  }
  jobs.length = 0;
  nextJob = 0;
}

export class QueuedPromise<T> implements PromiseLike<T> {
  declare [SLOTS]: Slots;

  constructor(executor: (resolve: (value: T | PromiseLike<T>) => void, reject: (reason?: unknown) => void) => void) {
    if (typeof executor !== "function") throw new TypeError("Promise resolver is not a function");
    this[SLOTS] = { state: "pending", result: undefined, reactions: [], handled: false };
    const { resolve, reject } = resolvingFunctions(this as QueuedPromise<unknown>);
    try {
      executor(resolve, reject);
    } catch (error) {
      reject(error);
    }
  }

  static get [Symbol.species](): unknown {
    return this;
  }

  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): QueuedPromise<A | B> {
    if (!isPromise(this)) throw new TypeError("not a promise");
    const capability = newCapability(speciesConstructor(this));
    performThen(this, onFulfilled as Handler, onRejected as Handler, capability);
    return capability.promise as QueuedPromise<A | B>;
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): QueuedPromise<T | B> {
    return this.then(undefined, onRejected);
  }

  /** §27.2.5.3: the handler runs either way; its own failure replaces the outcome, else the outcome passes through. */
  finally(onFinally?: (() => unknown) | null): QueuedPromise<T> {
    if (!isObject(this)) throw new TypeError("not an object");
    if (typeof onFinally !== "function") return this.then(onFinally, onFinally) as QueuedPromise<T>;
    const C = speciesConstructor(this);
    const run = () => promiseResolve(C, onFinally()) as PromiseLike<unknown>;
    return this.then(
      (value) => run().then(() => value),
      (reason) =>
        run().then(() => {
          throw reason;
        }),
    ) as QueuedPromise<T>;
  }

  static resolve(this: unknown, value?: unknown): unknown {
    if (!isObject(this)) throw new TypeError("not an object");
    return promiseResolve(this as Constructor, value);
  }

  static reject(this: unknown, reason?: unknown): unknown {
    const capability = newCapability(this);
    capability.reject(reason);
    return capability.promise;
  }

  static all(this: unknown, items: Iterable<unknown>): unknown {
    return combine(this, items, (capability, values, remaining) => (index) => {
      let called = false;
      return [
        (value) => {
          if (called) return;
          called = true;
          values[index] = value;
          if (remaining.count-- === 1) capability.resolve(values);
        },
        capability.reject,
      ];
    });
  }

  static allSettled(this: unknown, items: Iterable<unknown>): unknown {
    return combine(this, items, (capability, values, remaining) => (index) => {
      let called = false;
      const settle = (entry: object) => {
        if (called) return;
        called = true;
        values[index] = entry;
        if (remaining.count-- === 1) capability.resolve(values);
      };
      return [(value) => settle({ status: "fulfilled", value }), (reason) => settle({ status: "rejected", reason })];
    });
  }

  static race(this: unknown, items: Iterable<unknown>): unknown {
    return combine(
      this,
      items,
      (capability) => () => [capability.resolve, capability.reject],
      () => {
        // No item: the race never ends (§27.2.4.5).
      },
    );
  }
}

Object.defineProperty(QueuedPromise, "name", { value: "Promise" });
Object.defineProperty(QueuedPromise.prototype, Symbol.toStringTag, { value: "Promise", configurable: true });

/**
 * Runs `work`, then every job it left, in a loop until none is left, and answers its value, or the value its
 * promise settled to; throws what it threw, what its promise was rejected with, or then an unhandled rejection.
 */
export function settledNow(work: () => unknown): unknown {
  let value: unknown;
  let threw = false;
  try {
    value = work();
  } catch (error) {
    threw = true;
    value = error;
  }
  runJobs();
  const left = [...uncaught, ...[...unhandled].filter((p) => p !== value).map((p) => p[SLOTS].result)];
  uncaught.length = 0;
  unhandled.clear();
  if (threw) throw value;
  if (isPromise(value)) {
    const slots = value[SLOTS];
    if (slots.state === "pending")
      throw new Error("The function's promise never settled: it waits for something no job of this execution does.");
    if (slots.state === "rejected") throw slots.result;
    value = slots.result;
  } else if (isObject(value) && typeof (value as { then?: unknown }).then === "function") {
    throw new TypeError("The function answered a promise of another kind, which cannot be settled before it returns.");
  }
  if (left.length > 0) throw left[0];
  return value;
}

function isObject(value: unknown): value is object {
  return (typeof value === "object" && value !== null) || typeof value === "function";
}

function isPromise(value: unknown): value is QueuedPromise<unknown> {
  // biome-ignore lint/suspicious/noPrototypeBuiltins: Object.hasOwn is ES2022; the bundle is ES2019
  return isObject(value) && Object.prototype.hasOwnProperty.call(value, SLOTS);
}

/** §27.2.1.3: resolve and reject of one promise, of which only the first call counts. */
function resolvingFunctions(promise: QueuedPromise<unknown>): { resolve: Resolve; reject: Reject } {
  let done = false;
  return {
    resolve: (resolution) => {
      if (done) return;
      done = true;
      resolvePromise(promise, resolution);
    },
    reject: (reason) => {
      if (done) return;
      done = true;
      settle(promise, "rejected", reason);
    },
  };
}

function resolvePromise(promise: QueuedPromise<unknown>, resolution: unknown): void {
  if (resolution === promise) settle(promise, "rejected", new TypeError("Chaining cycle detected for promise"));
  else if (!isObject(resolution)) settle(promise, "fulfilled", resolution);
  else resolveWithObject(promise, resolution);
}

function resolveWithObject(promise: QueuedPromise<unknown>, resolution: object): void {
  let then: unknown;
  try {
    then = (resolution as { then?: unknown }).then;
  } catch (error) {
    settle(promise, "rejected", error);
    return;
  }
  if (typeof then !== "function") {
    settle(promise, "fulfilled", resolution);
    return;
  }
  // NewPromiseResolveThenableJob: the thenable is asked in a job of its own, never at once.
  enqueue(() => {
    const { resolve, reject } = resolvingFunctions(promise);
    try {
      then.call(resolution, resolve, reject);
    } catch (error) {
      reject(error);
    }
  });
}

function settle(promise: QueuedPromise<unknown>, state: "fulfilled" | "rejected", result: unknown): void {
  const slots = promise[SLOTS];
  const reactions = slots.reactions;
  slots.state = state;
  slots.result = result;
  slots.reactions = [];
  if (state === "rejected" && !slots.handled) unhandled.add(promise);
  for (const reaction of reactions) enqueueReaction(reaction, state, result);
}

function performThen(promise: QueuedPromise<unknown>, onFulfilled: Handler, onRejected: Handler, capability?: Capability) {
  const reaction: Reaction = {
    capability,
    onFulfilled: typeof onFulfilled === "function" ? onFulfilled : undefined,
    onRejected: typeof onRejected === "function" ? onRejected : undefined,
  };
  const slots = promise[SLOTS];
  if (slots.state === "pending") slots.reactions.push(reaction);
  else {
    if (slots.state === "rejected") unhandled.delete(promise);
    enqueueReaction(reaction, slots.state, slots.result);
  }
  slots.handled = true;
}

/** NewPromiseReactionJob: the handler (or the outcome passed on when there is none) settles the derived promise. */
function enqueueReaction(reaction: Reaction, state: "fulfilled" | "rejected", argument: unknown): void {
  enqueue(() => {
    const handler = state === "fulfilled" ? reaction.onFulfilled : reaction.onRejected;
    let value = argument;
    let threw = state === "rejected";
    if (handler !== undefined) {
      threw = false;
      try {
        value = handler(argument);
      } catch (error) {
        value = error;
        threw = true;
      }
    }
    if (reaction.capability === undefined) return;
    if (threw) reaction.capability.reject(value);
    else reaction.capability.resolve(value);
  });
}

/** §27.2.1.5 NewPromiseCapability: a new promise of `C` and its resolving functions. */
function newCapability(C: unknown): Capability {
  if (typeof C !== "function") throw new TypeError("not a constructor");
  let resolve: Resolve | undefined;
  let reject: Reject | undefined;
  const promise = new (C as Constructor)((res, rej) => {
    if (resolve !== undefined || reject !== undefined) throw new TypeError("executor called twice");
    resolve = res;
    reject = rej;
  });
  if (typeof resolve !== "function" || typeof reject !== "function") throw new TypeError("resolve or reject not callable");
  return { promise, resolve, reject };
}

/** §7.3.22 SpeciesConstructor, with this Promise as the default. */
function speciesConstructor(promise: object): unknown {
  const C = (promise as { constructor?: unknown }).constructor;
  if (C === undefined) return QueuedPromise;
  if (!isObject(C)) throw new TypeError("constructor not an object");
  const species = (C as { [Symbol.species]?: unknown })[Symbol.species];
  if (species === undefined || species === null) return QueuedPromise;
  if (typeof species === "function") return species;
  throw new TypeError("species not a constructor");
}

/** §27.2.4.7.1 PromiseResolve. */
function promiseResolve(C: unknown, value: unknown): unknown {
  if (isPromise(value) && (value as { constructor?: unknown }).constructor === C) return value;
  const capability = newCapability(C);
  capability.resolve(value);
  return capability.promise;
}

type ElementHandlers = (index: number) => [Handler, Handler];

/**
 * Promise.all, allSettled and race: each item through `C.resolve`, then its `then` with the handlers made for
 * its index; `remaining` counts the items not yet settled, plus one until the iteration is over (§27.2.4.1).
 */
function combine(
  C: unknown,
  items: Iterable<unknown>,
  handlersFor: (capability: Capability, values: unknown[], remaining: { count: number }) => ElementHandlers,
  whenNone?: () => void,
): unknown {
  const capability = newCapability(C);
  try {
    const resolveItem = (C as { resolve?: unknown }).resolve;
    if (typeof resolveItem !== "function") throw new TypeError("resolve not a function");
    const values: unknown[] = [];
    const remaining = { count: 1 };
    const handlers = handlersFor(capability, values, remaining);
    let index = 0;
    for (const item of items) {
      values.push(undefined);
      const next = resolveItem.call(C, item) as PromiseLike<unknown>;
      remaining.count++;
      next.then(...handlers(index++));
    }
    if (remaining.count-- === 1) {
      if (whenNone) whenNone();
      else capability.resolve(values);
    }
  } catch (error) {
    capability.reject(error);
  }
  return capability.promise;
}

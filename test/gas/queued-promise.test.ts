// biome-ignore-all lint/suspicious/noThenProperty: thenables are what these tests hand the promises
// biome-ignore-all lint/complexity/noThisInStatic: a subclass's static resolve calls Promise's, as subclasses do
import { transformSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { QueuedPromise, settledNow } from "../../src/gas/queued-promise";

/**
 * The queued promise is held to V8's own Promise: each scenario runs once with the native Promise (its jobs run by
 * Node's microtask queue) and once with the queued one (its jobs run by settledNow), and both must log the same.
 */
type P = PromiseConstructor;
type Scenario = (P: P, log: (entry: unknown) => void) => unknown;

async function nativeLog(scenario: Scenario): Promise<unknown[]> {
  const log: unknown[] = [];
  scenario(Promise, (entry) => log.push(entry));
  await new Promise((resolve) => setImmediate(resolve));
  return log;
}

function queuedLog(scenario: Scenario): unknown[] {
  const log: unknown[] = [];
  settledNow(() => scenario(Q, (entry) => log.push(entry)));
  return log;
}

async function expectSameAsNative(scenario: Scenario): Promise<unknown[]> {
  const native = await nativeLog(scenario);
  expect(queuedLog(scenario)).toEqual(native);
  expect(native.length).toBeGreaterThan(0);
  return native;
}

/** Source with async functions, lowered as the build lowers it (esbuild's `__async` over generators), run with `P`. */
function lowered(source: string): Scenario {
  const code = transformSync(source, { target: "es2019", supported: { "async-await": false }, loader: "js" }).code;
  const run = new Function("Promise", "log", `${code}\nreturn scenario(log);`);
  return (P, log) => run(P, log);
}

/** The queued promise, typed as the Promise it stands in for. */
const Q = QueuedPromise as unknown as P;
const message = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

describe("the queued promise, against V8's Promise", () => {
  it("runs reactions in the order they were queued, chains interleaving", async () => {
    await expectSameAsNative((P, log) => {
      const a = P.resolve("a");
      a.then((v) => log(`${v}1`)).then(() => log("a2"));
      P.resolve("b")
        .then((v) => log(`${v}1`))
        .then(() => log("b2"));
      a.then(() => log("a1'"));
      new P<string>((resolve) => resolve("c")).then(log);
      log("sync");
    });
  });

  it("takes the thenable jobs' extra turns: resolving with a promise, a thenable, a throwing then", async () => {
    await expectSameAsNative((P, log) => {
      new P((resolve) => resolve(P.resolve("promise"))).then(log);
      new P((resolve) => resolve({ then: (ok: (v: string) => void) => ok("thenable") })).then(log);
      P.resolve("value").then(log);
      const bad = {
        then() {
          throw new Error("then threw");
        },
      };
      new P((resolve) => resolve(bad)).catch((e) => log(message(e)));
      const getter = Object.defineProperty({}, "then", {
        get() {
          throw new Error("getter threw");
        },
      });
      new P((resolve) => resolve(getter)).catch((e) => log(message(e)));
      P.resolve(1)
        .then(() => log("tick 1"))
        .then(() => log("tick 2"))
        .then(() => log("tick 3"));
    });
  });

  it("keeps only the first resolution; an executor's throw rejects unless it resolved first", async () => {
    await expectSameAsNative((P, log) => {
      new P((resolve, reject) => {
        resolve("first");
        resolve("second");
        reject(new Error("late"));
      }).then(log);
      new P(() => {
        throw new Error("executor threw");
      }).catch((e) => log(message(e)));
      new P((resolve) => {
        resolve("kept");
        throw new Error("ignored");
      }).then(log);
      let setSelf: (v: unknown) => void = () => undefined;
      const self: Promise<unknown> = new P((resolve) => {
        setSelf = resolve;
      });
      setSelf(self);
      self.catch((e) => log(e instanceof TypeError));
      P.reject(new Error("no handler on this link"))
        .then(() => log("skipped"))
        .catch((e) => log(message(e)));
      P.resolve("through").then(undefined, undefined).then(log);
      P.resolve()
        .then(() => {
          throw new RangeError("handler threw");
        })
        .catch((e) => log(message(e)));
    });
  });

  it("runs finally either way, passing the outcome on unless its own fails", async () => {
    await expectSameAsNative((P, log) => {
      P.resolve("kept")
        .finally(() => log("finally 1"))
        .then(log);
      P.reject(new Error("still rejected"))
        .finally(() => P.resolve("ignored"))
        .catch((e) => log(message(e)));
      P.resolve("lost")
        .finally(() => {
          throw new Error("finally threw");
        })
        .catch((e) => log(message(e)));
      P.resolve("waits")
        .finally(() => new P((resolve) => P.resolve().then(resolve)).then(() => log("inner done")))
        .then(log);
      P.resolve("no handler").finally(undefined).then(log);
    });
  });

  it("combines with all, allSettled and race as the spec says", async () => {
    const log = await expectSameAsNative((P, log) => {
      const later = (value: unknown) => P.resolve().then(() => value);
      P.all([later("a"), "b", P.resolve("c"), { then: (ok: (v: string) => void) => ok("d") }]).then(log);
      P.all([]).then((values) => log(["empty all", values]));
      P.all([later(1), P.reject(new Error("all fails")), later(3)]).catch((e) => log(message(e)));
      P.all(42 as never).catch((e) => log(["not iterable", e instanceof TypeError]));
      P.allSettled([later("x"), P.reject(new Error("y"))]).then((r) =>
        log(r.map((s) => (s.status === "fulfilled" ? s.value : message(s.reason)))),
      );
      P.race([later("slow"), "fast"]).then(log);
      P.race([P.reject(new Error("race lost")), later("x")]).catch((e) => log(message(e)));
      P.race([]).then(() => log("an empty race never ends"));
    });
    expect(log).toContainEqual(["a", "b", "c", "d"]);
  });

  it("closes the iterator when a step of Promise.all throws, and not when the iterator itself fails", async () => {
    await expectSameAsNative((P, log) => {
      const items = (failAt: "resolve" | "next") => ({
        [Symbol.iterator]() {
          let i = 0;
          return {
            next() {
              if (failAt === "next" && i === 1) throw new Error("next threw");
              return { done: i > 2, value: i++ };
            },
            return() {
              log(`closed after ${failAt}`);
              return { done: true, value: undefined };
            },
          };
        },
      });
      class Picky extends P<unknown> {
        static override resolve<T>(value?: T): Promise<Awaited<T>> {
          if (value === 1) throw new Error("resolve threw");
          return super.resolve(value) as Promise<Awaited<T>>;
        }
      }
      Picky.all(items("resolve")).catch((e) => log(message(e)));
      P.all(items("next")).catch((e) => log(message(e)));
    });
  });

  it("makes subclasses' promises through their species, as Promise does", async () => {
    await expectSameAsNative((P, log) => {
      class Tagged extends P<unknown> {}
      const t = new Tagged((resolve) => resolve(1));
      log(t.then() instanceof Tagged);
      log(t.finally(() => undefined) instanceof Tagged);
      log(Tagged.resolve(2) instanceof Tagged);
      log(Tagged.all([1]) instanceof Tagged);
      log(P.resolve(t) === t);
      log(Tagged.resolve(t) === t);
      log(Object.prototype.toString.call(t));
      t.then(log);
    });
    expect(QueuedPromise.name).toBe("Promise");
  });

  it("interleaves async functions as the build lowers them (esbuild's __async over generators)", async () => {
    const scenario = lowered(`
      function scenario(log) {
        async function inner(name) { log(name + " start"); await null; log(name + " after await"); return name; }
        async function outer() {
          const a = await inner("a");
          try { await Promise.reject(new Error("caught")); } catch (e) { log(e.message); }
          const [b, c] = await Promise.all([inner("b"), inner("c")]);
          return a + b + c;
        }
        async function throws() { await inner("t"); throw new Error("async threw"); }
        outer().then((v) => log("outer " + v));
        throws().catch((e) => log(e.message));
        Promise.resolve().then(() => log("plain then"));
        log("sync end");
      }`);
    expect(await expectSameAsNative(scenario)).toContain("outer abc");
  });
});

describe("settledNow", () => {
  it("runs a 100,000-await loop and a 100,000-link chain to the end in a loop, not on the stack", () => {
    const loop = lowered(`
      function scenario(log) {
        async function count() { let total = 0; for (let i = 0; i < 100000; i++) total += await i; return total; }
        return count();
      }`);
    expect(settledNow(() => loop(Q, () => undefined))).toBe(4_999_950_000);
    expect(
      settledNow(() => {
        let chain = Q.resolve(0);
        for (let i = 0; i < 100_000; i++) chain = chain.then((n) => n + 1);
        return chain;
      }),
    ).toBe(100_000);
  });

  it("answers a plain value, and runs the jobs a plain function left before it returns", () => {
    const log: string[] = [];
    expect(
      settledNow(() => {
        Q.resolve()
          .then(() => log.push("job"))
          .then(() => log.push("job after"));
        return "value";
      }),
    ).toBe("value");
    expect(log).toEqual(["job", "job after"]);
  });

  it("throws what the work threw, what its promise was rejected with, or an unhandled rejection", () => {
    expect(() =>
      settledNow(() => {
        throw new Error("thrown at once");
      }),
    ).toThrow("thrown at once");
    expect(() => settledNow(() => Promise.resolve("a native promise"))).toThrow(/another kind/);
    expect(() =>
      settledNow(() =>
        Q.resolve().then(() => {
          throw new Error("rejected later");
        }),
      ),
    ).toThrow("rejected later");
    expect(() =>
      settledNow(() => {
        Q.reject(new Error("nobody handled this"));
        return 1;
      }),
    ).toThrow("nobody handled this");
  });

  it("forgives a rejection handled before the jobs run out", () => {
    expect(
      settledNow(() => {
        const rejected = Q.reject(new Error("handled later"));
        return Q.resolve()
          .then(() => undefined)
          .then(() => rejected.catch(() => "recovered"));
      }),
    ).toBe("recovered");
    // Nothing carried over into the next call.
    expect(settledNow(() => 2)).toBe(2);
  });

  it("says so when the promise waits for something no job does", () => {
    expect(() => settledNow(() => new QueuedPromise(() => undefined))).toThrow(/never settled/);
  });
});

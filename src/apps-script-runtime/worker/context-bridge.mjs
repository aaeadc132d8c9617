/**
 * The bridge between an execution's V8 context and its worker. Its source is evaluated INSIDE the context (the worker
 * runs `(${installBridge})` there), so every value it makes (arrays, objects, Dates, Errors, the remote objects) belongs
 * to the context's own realm, as the bundle's `instanceof` and plain-object checks (zod) expect.
 *
 * The wire format (JSON) shared with the host (`../wire.ts`):
 *   null, booleans, strings and finite numbers as they are; arrays as arrays;
 *   {"#":"o","v":{…}} a plain object; {"#":"d","v":ms} a Date; {"#":"u"} undefined; {"#":"n","v":"NaN"} odd numbers;
 *   {"#":"h","i":id,"c":class,"m":[methods]?,"k":{constants}?} a host object; {"#":"f"} a function (never accepted).
 *
 * Only the worker's own functions (hostCall, sleep, log) come in; they are captured here and never left on the global.
 */
export function installBridge(worker) {
  const { hostCall, sleep, log, registry, newerBuiltIns } = worker;
  // Taken before the context drops the built-ins newer than Apps Script's (below): the bridge is the host's, not the script's.
  const hasOwn = Object.hasOwn;
  const proxies = new Map();
  const methodsByClass = new Map();
  /** Set when the execution has ended: a job still running then reaches no service and no log. */
  let ended = false;

  function encode(value, seen) {
    if (value === null || typeof value === "boolean" || typeof value === "string") return value;
    if (typeof value === "number") return Number.isFinite(value) ? value : { "#": "n", v: String(value) };
    if (value === undefined) return { "#": "u" };
    if (typeof value === "function") return { "#": "f" };
    if (typeof value === "bigint" || typeof value === "symbol") return String(value);
    const handle = registry.get(value);
    if (handle !== undefined) return { "#": "h", i: handle };
    if (value instanceof Date || Object.prototype.toString.call(value) === "[object Date]")
      return { "#": "d", v: value.getTime() };
    if (seen.has(value)) throw new Error("Converting circular structure");
    seen.add(value);
    try {
      if (Array.isArray(value)) return value.map((item) => encode(item, seen));
      const fields = {};
      for (const key of Object.keys(value)) fields[key] = encode(value[key], seen);
      return { "#": "o", v: fields };
    } finally {
      seen.delete(value);
    }
  }

  function decode(wire) {
    if (wire === null || typeof wire !== "object") return wire;
    if (Array.isArray(wire)) return wire.map(decode);
    switch (wire["#"]) {
      case "o": {
        const object = {};
        for (const key of Object.keys(wire.v)) object[key] = decode(wire.v[key]);
        return object;
      }
      case "d":
        return new Date(wire.v);
      case "u":
        return undefined;
      case "n":
        return Number(wire.v);
      case "h":
        return remote(wire);
      default:
        throw new Error(`Unknown value from the host: ${wire["#"]}`);
    }
  }

  /** A host object as the script sees it: its methods are round trips, its constants plain values, `then` absent. */
  function remote(wire) {
    const known = proxies.get(wire.i);
    if (known) return known;
    if (wire.m) methodsByClass.set(wire.c, new Set(wire.m));
    const methods = methodsByClass.get(wire.c) || new Set();
    const constants = {};
    for (const key of Object.keys(wire.k || {})) constants[key] = decode(wire.k[key]);
    const bound = new Map();
    const method = (name) => {
      if (!bound.has(name)) {
        const call = (...args) => invoke(wire.i, wire.c, name, args);
        Object.defineProperty(call, "name", { value: name });
        bound.set(name, call);
      }
      return bound.get(name);
    };
    const proxy = new Proxy(constants, {
      get(target, key) {
        if (typeof key === "symbol") return key === Symbol.toStringTag ? wire.c : undefined;
        if (hasOwn(target, key)) return target[key];
        if (methods.has(key)) return method(key);
        if (key === "toString") return () => wire.c;
        return undefined;
      },
      has: (target, key) => hasOwn(target, key) || methods.has(key),
      set: () => true,
    });
    proxies.set(wire.i, proxy);
    registry.set(proxy, wire.i);
    return proxy;
  }

  /** The host's error as the context's own Error, named as the host named it (Apps Script's are `Exception`). */
  function thrownError(answer) {
    const error = answer.n === "TypeError" ? new TypeError(answer.e) : new Error(answer.e);
    if (answer.n && answer.n !== error.name)
      Object.defineProperty(error, "name", { value: answer.n, configurable: true, writable: true });
    return error;
  }

  /**
   * Utilities.sleep: "The maximum allowed value is 300000 (or 5 minutes)". Google does not say what a larger one
   * does; the runtime refuses it, so that a script that relies on either is found here.
   */
  function sleepAtMost(ms) {
    if (ms > 300000) throw thrownError({ e: "Invalid argument: milliseconds", n: "Exception" });
    return sleep(ms);
  }

  function invoke(handle, className, method, args) {
    if (ended) throw thrownError({ e: "The execution has ended.", n: "Exception" });
    if (className === "Utilities" && method === "sleep") return sleepAtMost(Number(args[0]) || 0);
    const answer = JSON.parse(hostCall(JSON.stringify({ h: handle, m: method, a: encode(args, new Set()) })));
    if ("e" in answer) throw thrownError(answer);
    return decode(answer.v);
  }

  function text(values) {
    return values
      .map((value) => {
        if (typeof value === "string") return value;
        if (value instanceof Error) return String(value.stack || value);
        try {
          return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
        } catch {
          return String(value);
        }
      })
      .join(" ");
  }

  /** Logger.log(format, values…) fills %s/%d placeholders as Apps Script's does; getLog returns this execution's log. */
  let loggerText = "";
  const Logger = {
    log(data, ...values) {
      let line = text([data]);
      if (values.length > 0) {
        let next = 0;
        line = line.replace(/%[sdf]/g, (token) => (next < values.length ? text([values[next++]]) : token));
      }
      loggerText += `${line}\n`;
      if (!ended) log("info", line);
      return Logger;
    },
    getLog: () => loggerText,
    clear() {
      loggerText = "";
    },
  };
  const consoleObject = {};
  for (const level of ["log", "info", "warn", "error", "debug"])
    consoleObject[level] = (...values) => {
      if (!ended) log(level === "log" ? "info" : level, text(values));
    };

  // Apps Script's V8 has no WebAssembly: hide it with the rest of what the host would add.
  delete globalThis.WebAssembly;
  // Google does not say which V8 Apps Script runs; its V8 runtime launched in February 2020 (Chrome 80's V8 8.0,
  // which had every ES2020 built-in). So a context offers ECMAScript's built-ins up to ES2020 and none added since,
  // whatever Node's V8 has: a script that calls one fails here rather than in Apps Script (docs/apps-script-runtime.md).
  if (!newerBuiltIns) {
    const typedArray = Object.getPrototypeOf(Int8Array.prototype);
    const newer = [
      [String.prototype, "replaceAll", "ES2021"],
      [Promise, "any", "ES2021"],
      [globalThis, "AggregateError", "ES2021"],
      [globalThis, "WeakRef", "ES2021"],
      [globalThis, "FinalizationRegistry", "ES2021"],
      [Array.prototype, "at", "ES2022"],
      [String.prototype, "at", "ES2022"],
      [typedArray, "at", "ES2022"],
      [Object, "hasOwn", "ES2022"],
      [Array.prototype, "findLast", "ES2023"],
      [Array.prototype, "findLastIndex", "ES2023"],
      [typedArray, "findLast", "ES2023"],
      [typedArray, "findLastIndex", "ES2023"],
      [Array.prototype, "toReversed", "ES2023"],
      [Array.prototype, "toSorted", "ES2023"],
      [Array.prototype, "toSpliced", "ES2023"],
      [Array.prototype, "with", "ES2023"],
      [typedArray, "toReversed", "ES2023"],
      [typedArray, "toSorted", "ES2023"],
      [typedArray, "with", "ES2023"],
      [Object, "groupBy", "ES2024"],
      [Map, "groupBy", "ES2024"],
      [Promise, "withResolvers", "ES2024"],
      [String.prototype, "isWellFormed", "ES2024"],
      [String.prototype, "toWellFormed", "ES2024"],
      [ArrayBuffer.prototype, "resize", "ES2024"],
      [ArrayBuffer.prototype, "transfer", "ES2024"],
      [ArrayBuffer.prototype, "transferToFixedLength", "ES2024"],
      [Atomics, "waitAsync", "ES2024"],
      [Set.prototype, "union", "ES2025"],
      [Set.prototype, "intersection", "ES2025"],
      [Set.prototype, "difference", "ES2025"],
      [Set.prototype, "symmetricDifference", "ES2025"],
      [Set.prototype, "isSubsetOf", "ES2025"],
      [Set.prototype, "isSupersetOf", "ES2025"],
      [Set.prototype, "isDisjointFrom", "ES2025"],
      [globalThis, "Iterator", "ES2025"],
      [globalThis, "Float16Array", "ES2025"],
      [Math, "f16round", "ES2025"],
      [Promise, "try", "ES2025"],
      [RegExp, "escape", "ES2025"],
      [Array, "fromAsync", "ES2026"],
    ];
    for (const [holder, name] of newer) delete holder[name];
  }
  Object.defineProperty(globalThis, "Logger", { value: Logger, writable: true, configurable: true });
  Object.defineProperty(globalThis, "console", { value: consoleObject, writable: true, configurable: true });

  return {
    /** The execution is over: from now on the context reaches no service and no log. */
    end() {
      ended = true;
    },
    /** The services' globals, from the host's encoded root objects. */
    installGlobals(json) {
      const roots = JSON.parse(json);
      for (const name of Object.keys(roots))
        Object.defineProperty(globalThis, name, { value: decode(roots[name]), writable: true, configurable: true });
    },
    /** A library's exposed names as one object of this realm (Apps Script's userSymbol). */
    installLibrary(symbol, entries) {
      const library = {};
      for (const [name, value] of entries) library[name] = value;
      Object.defineProperty(globalThis, symbol, { value: library, writable: true, configurable: true });
    },
    /** Calls a top-level function; the value is kept in this realm until the execution's microtasks have drained. */
    call(name, argsJson, { declared, privateHidden }) {
      const fn = declared ? globalThis[name] : undefined;
      if (typeof fn !== "function" || (privateHidden && name.endsWith("_")))
        return { thrown: thrownError({ e: `Script function not found: ${name}`, n: "Exception" }) };
      try {
        return { value: fn.apply(globalThis, decode(JSON.parse(argsJson))) };
      } catch (error) {
        return { thrown: error };
      }
    },
    describe(error) {
      // As google.script.run's failure handler and the execution log show it: "Exception: …", "TypeError: …".
      if (error instanceof Error || (error && typeof error.message === "string")) return String(error);
      return text([error]);
    },
    isThenable: (value) => value !== null && typeof value === "object" && typeof value.then === "function",
    /**
     * The value as google.script.run hands it to the success handler: a Date or a function anywhere makes it null
     * (documented); undefined fields are dropped and undefined array items become null (JSON's rules).
     */
    encodeForRun(value) {
      let prohibited = false;
      const walk = (item, seen) => {
        if (item === undefined) return undefined;
        if (typeof item === "function" || item instanceof Date || registry.has(item)) {
          prohibited = true;
          return null;
        }
        if (item === null || typeof item !== "object") return encode(item, seen);
        if (seen.has(item)) throw new Error("Converting circular structure");
        seen.add(item);
        try {
          if (Array.isArray(item)) return item.map((entry) => (entry === undefined ? null : walk(entry, seen)));
          const fields = {};
          for (const key of Object.keys(item)) {
            const encoded = walk(item[key], seen);
            if (encoded !== undefined) fields[key] = encoded;
          }
          return { "#": "o", v: fields };
        } finally {
          seen.delete(item);
        }
      };
      const encoded = walk(value, new Set());
      return JSON.stringify(prohibited ? null : encoded === undefined ? { "#": "u" } : encoded);
    },
    encodeValue: (value) => JSON.stringify(encode(value, new Set())),
  };
}

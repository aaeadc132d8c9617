import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppsScriptRuntime, startAppsScriptRuntime } from "../../src/apps-script-runtime/runtime";

const SCRIPT = `
function globalsSeen() {
  var names = ["fetch", "URL", "URLSearchParams", "setTimeout", "setInterval", "TextEncoder", "TextDecoder", "atob",
    "btoa", "Buffer", "process", "require", "structuredClone", "WebAssembly", "queueMicrotask",
    "Logger", "console", "JSON", "Math", "Promise", "Intl", "PropertiesService", "CacheService", "LockService",
    "UrlFetchApp", "Utilities", "Session", "ScriptApp", "HtmlService"];
  var seen = {};
  names.forEach(function (name) { seen[name] = typeof globalThis[name]; });
  return seen;
}
function realm() {
  var props = PropertiesService.getScriptProperties();
  props.setProperty("when", "x");
  var all = props.getProperties();
  return {
    array: Array.isArray(props.getKeys()) && props.getKeys() instanceof Array,
    plain: Object.getPrototypeOf(all) === Object.prototype,
    date: new Date(0) instanceof Date,
    sameProxy: props.setProperty("a", "b") === props,
    thenAbsent: props.then === undefined && PropertiesService.then === undefined,
    tag: Object.prototype.toString.call(props),
  };
}
function hostError() {
  try { PropertiesService.getScriptProperties().setProperty("big", new Array(9300).join("x")); }
  catch (e) { return { isError: e instanceof Error, name: e.name, message: e.message }; }
}
function logs() { Logger.log("value %s of %s", 1, "two"); console.warn("careful", { a: 1 }); return Logger.getLog(); }
function settlesAfterReturn() {
  Promise.resolve().then(function () { return Promise.resolve("later"); })
    .then(function (value) { CacheService.getScriptCache().put("settled", value); });
  return "returned";
}
function rejectsUnhandled() { Promise.reject(new Error("nobody caught this")); return 1; }
async function asyncThrows() { await null; throw new Error("async failure"); }
function counts() {
  for (var i = 0; i < 3; i++) CacheService.getUserCache().get("k" + i);
  Utilities.sleep(1);
  return 0;
}
function returnsDate() { return { at: new Date(0) }; }
function returnsPlain() { return { list: [1, undefined, "x"], skipped: undefined, nested: { ok: true } }; }
function echo(value) { return value; }
function hidden_() { return "private"; }
function freshContext() { var before = typeof globalThis.leftOver; globalThis.leftOver = 1; return before; }
`;

describe("the Apps Script runtime's engine", () => {
  let runtime: AppsScriptRuntime;
  beforeAll(() => {
    runtime = startAppsScriptRuntime({ code: SCRIPT, manifest: {} });
  });
  afterAll(() => runtime.close());
  const editor = (name: string, args: unknown[] = []) => runtime.run({ function: name, kind: "editor", args });
  const server = (name: string, args: unknown[] = []) => runtime.run({ function: name, kind: "server", args });

  it("offers Apps Script's globals only: no fetch, URL, timers, encoders, Buffer, process or require", async () => {
    const { value } = await editor("globalsSeen");
    expect(value).toEqual({
      fetch: "undefined",
      URL: "undefined",
      URLSearchParams: "undefined",
      setTimeout: "undefined",
      setInterval: "undefined",
      TextEncoder: "undefined",
      TextDecoder: "undefined",
      atob: "undefined",
      btoa: "undefined",
      Buffer: "undefined",
      process: "undefined",
      require: "undefined",
      structuredClone: "undefined",
      WebAssembly: "undefined",
      queueMicrotask: "undefined",
      Logger: "object",
      console: "object",
      JSON: "object",
      Math: "object",
      Promise: "function",
      Intl: "object",
      PropertiesService: "object",
      CacheService: "object",
      LockService: "object",
      UrlFetchApp: "object",
      Utilities: "object",
      Session: "object",
      ScriptApp: "object",
      HtmlService: "object",
    });
  });

  it("runs each execution in a fresh context", async () => {
    expect((await editor("freshContext")).value).toBe("undefined");
    expect((await editor("freshContext")).value).toBe("undefined");
  });

  it("makes values in the context's own realm; the same host object is the same remote object; no then", async () => {
    const { value } = await editor("realm");
    expect(value).toEqual({
      array: true,
      plain: true,
      date: true,
      sameProxy: true,
      thenAbsent: true,
      tag: "[object Properties]",
    });
  });

  it("hands a host method's error to the script as an Error with the same message", async () => {
    expect((await editor("hostError")).value).toEqual({ isError: true, name: "Exception", message: "Argument too large: value" });
  });

  it("keeps Logger and console in the execution's log, not on stdout", async () => {
    const outcome = await editor("logs");
    expect(outcome.value).toBe("value 1 of two\n");
    expect(outcome.log.map(({ level, text }) => ({ level, text }))).toEqual([
      { level: "info", text: "value 1 of two" },
      { level: "warn", text: 'careful {"a":1}' },
    ]);
  });

  it("drops the promise jobs left at the return by default: the execution ends there", async () => {
    const outcome = await editor("settlesAfterReturn");
    expect(outcome).toMatchObject({ ok: true, value: "returned" });
    // The next execution (on the same worker) finds the job left nothing behind.
    expect(await editor("rejectsUnhandled")).toMatchObject({ ok: true, value: 1 });
    expect(runtime.services.caches.script.get("settled")).toBeNull();
    // A promise returned can never settle, so it is refused rather than answered as an empty object.
    expect(await server("asyncThrows")).toMatchObject({
      ok: false,
      error: "Error: asyncThrows returned a promise: the jobs left at the return are dropped.",
    });
  });

  describe("when told to run the jobs left at the return", () => {
    let running: AppsScriptRuntime;
    beforeAll(() => {
      running = startAppsScriptRuntime({ code: SCRIPT, manifest: {}, jobsAtReturn: "run" });
    });
    afterAll(() => running.close());

    it("runs promise callbacks left at return before the execution ends", async () => {
      const outcome = await running.run({ function: "settlesAfterReturn", kind: "editor" });
      expect(outcome).toMatchObject({ ok: true, value: "returned" });
      expect(running.services.caches.script.get("settled")).toBe("later");
    });

    it("ends with the error of an unhandled rejection or a rejected returned promise", async () => {
      expect(await running.run({ function: "rejectsUnhandled", kind: "editor" })).toMatchObject({
        ok: false,
        error: "Error: nobody caught this",
      });
      expect(await running.run({ function: "asyncThrows", kind: "editor" })).toMatchObject({
        ok: false,
        error: "Error: async failure",
      });
    });
  });

  it("counts every call of the execution by Class.method and by service", async () => {
    const outcome = await editor("counts");
    expect(outcome.calls).toEqual({ "CacheService.getUserCache": 3, "Cache.get": 3, "Utilities.sleep": 1 });
    expect(outcome.serviceCalls).toEqual({ CacheService: 6, Utilities: 1 });
  });

  it("refuses google.script.run arguments with a Date, a function or undefined inside", async () => {
    for (const args of [[new Date()], [{ when: new Date() }], [[() => 1]], [{ missing: undefined }], [undefined]]) {
      const outcome = await server("echo", args);
      expect(outcome.ok).toBe(false);
      expect(outcome.error).toMatch(/^google\.script\.run cannot pass/);
    }
    expect(await server("echo", [{ list: [1, "a", null, { b: true }] }])).toMatchObject({
      ok: true,
      value: { list: [1, "a", null, { b: true }] },
    });
  });

  it("hands the success handler null for a Date in the return value; JSON's rules otherwise", async () => {
    expect(await server("returnsDate")).toMatchObject({ ok: true, value: null });
    expect((await server("returnsPlain")).value).toEqual({ list: [1, null, "x"], nested: { ok: true } });
    expect((await editor("returnsDate")).value).toEqual({ at: new Date(0) });
  });

  it("does not let google.script.run call a private function, nor anything the script did not declare", async () => {
    expect(await server("hidden_")).toMatchObject({ ok: false, error: "Exception: Script function not found: hidden_" });
    for (const name of ["eval", "Function", "toString", "PropertiesService", "constructor"])
      expect(await server(name), name).toMatchObject({ ok: false, error: `Exception: Script function not found: ${name}` });
    expect(await editor("hidden_")).toMatchObject({ ok: true, value: "private" });
  });
});

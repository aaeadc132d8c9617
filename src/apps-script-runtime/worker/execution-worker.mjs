/**
 * One worker thread of the runtime. It compiles the script (and its libraries) once, then runs executions one at a
 * time, each in a fresh V8 context that holds only ECMAScript's built-ins, Logger, console and the services' remote
 * objects. A service call is synchronous, as in Apps Script: the worker posts it on its call port and blocks in
 * Atomics.wait until the host has answered (the host may take its time: a lock, a fetch).
 *
 * Plain JavaScript on purpose: Node starts it as it is, whoever started the runtime (tsx, vitest, plain node).
 */

import vm from "node:vm";
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { installBridge } from "./context-bridge.mjs";

const { code, filename, libraries, newerBuiltIns, callPort, signalBuffer } = workerData;
const signal = new Int32Array(signalBuffer);
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const script = new vm.Script(code, { filename });
const libraryScripts = libraries.map((library) => ({
  symbol: library.symbol,
  files: library.files.map((file) => new vm.Script(file.code, { filename: file.name })),
}));
const bridgeSource = `(${installBridge.toString()})`;
/** Remote objects of every context of the execution → their host handle (a library may pass on the script's). */
let registry = new WeakMap();
let unhandled = [];

process.on("unhandledRejection", (reason) => unhandled.push(reason));

function hostCall(json) {
  Atomics.store(signal, 0, 0);
  callPort.postMessage(json);
  for (;;) {
    Atomics.wait(signal, 0, 0);
    const answer = receiveMessageOnPort(callPort);
    if (answer) return answer.message;
  }
}

let localCalls = {};
function sleep(ms) {
  localCalls["Utilities.sleep"] = (localCalls["Utilities.sleep"] ?? 0) + 1;
  if (ms > 0) Atomics.wait(sleeper, 0, 0, ms);
}

function log(level, text) {
  parentPort.postMessage({ type: "log", level, text, at: Date.now() });
}

/** A fresh context with the bridge installed; returns the bridge's API (functions of that realm). */
function newContext(name, globalsJson) {
  const context = vm.createContext({}, { name });
  const bridge = vm.runInContext(bridgeSource, context)({ hostCall, sleep, log, registry, newerBuiltIns });
  bridge.installGlobals(globalsJson);
  return { context, bridge };
}

/** As Apps Script loads a library: its files in one context of its own, its public top-level names exposed. */
function loadLibrary(library, globalsJson, into) {
  const { context, bridge } = newContext(`library ${library.symbol}`, globalsJson);
  const before = new Set(vm.runInContext("Object.getOwnPropertyNames(globalThis)", context));
  for (const file of library.files) file.runInContext(context);
  const names = vm
    .runInContext("Object.getOwnPropertyNames(globalThis)", context)
    .filter((name) => !before.has(name) && !name.endsWith("_"));
  into.installLibrary(
    library.symbol,
    names.map((name) => [name, context[name]]),
  );
  return bridge;
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

async function run(request) {
  registry = new WeakMap();
  unhandled = [];
  localCalls = {};
  const { context, bridge } = newContext(`execution ${request.executionId}`, request.globals);
  const bridges = [bridge, ...libraryScripts.map((library) => loadLibrary(library, request.globals, bridge))];
  let error;
  let result = null;
  try {
    const builtIn = new Set(vm.runInContext("Object.getOwnPropertyNames(globalThis)", context));
    script.runInContext(context);
    // Only what the script declared can be called by name: never a built-in such as eval, Function or toString.
    const declared = vm.runInContext("Object.getOwnPropertyNames(globalThis)", context).filter((name) => !builtIn.has(name));
    const called = bridge.call(request.functionName, request.args, {
      declared: declared.includes(request.functionName),
      privateHidden: request.kind === "server",
    });
    if ("thrown" in called) throw called.thrown;
    if (request.jobsAtReturn === "drop") result = endAtReturn(request, bridge, called.value);
    else result = await runJobsLeft(request, bridge, called.value);
  } catch (thrown) {
    error = bridge.describe(thrown);
  }
  // Nothing of this execution reaches a service or the log from now on (in the `drop` mode, no job has run yet).
  for (const each of bridges) each.end();
  parentPort.postMessage({ type: "done", executionId: request.executionId, result, error, localCalls });
}

/**
 * The execution ends at the return (the default): the value is taken at once, and `run` ends the contexts' bridges
 * before this turn of the worker ends, so the jobs left (V8 runs them then) reach no service and no log: they are
 * dropped. A promise returned could never settle: it is an error, not a value.
 */
function endAtReturn(request, bridge, value) {
  if (bridge.isThenable(value))
    throw new Error(`${request.functionName} returned a promise: the jobs left at the return are dropped.`);
  return encodeResult(request, bridge, value);
}

/** The other mode: the promise callbacks left when the function returns run before the execution ends. */
async function runJobsLeft(request, bridge, value) {
  let rejection;
  if (bridge.isThenable(value)) value.then(undefined, (reason) => (rejection = { reason }));
  await turn();
  await turn();
  if (rejection) throw rejection.reason;
  if (unhandled.length > 0) throw unhandled[0];
  return encodeResult(request, bridge, value);
}

function encodeResult(request, bridge, value) {
  return request.kind === "server" ? bridge.encodeForRun(value) : bridge.encodeValue(value);
}

parentPort.on("message", (message) => {
  if (message.type === "run") void run(message);
});
parentPort.postMessage({ type: "ready" });

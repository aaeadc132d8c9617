/**
 * Injected by the build (scripts/build.ts) into dist/Code.js: every free `Promise` of the bundle is the queued promise.
 */
export { QueuedPromise as Promise } from "./queued-promise";

import type { Observed } from "../first-contact/observed";

/**
 * First contact with Apps Script: each rule of docs/apps-script-runtime.md that Google's pages leave open (or that
 * the local runtime assumes) tried here, harmlessly, and answered as an observed value under a rule id. The same
 * function runs in the local runtime and in a test deployment, so test/first-contact/ compares the two reports rule by
 * rule. Every probe makes and removes its own sheet and keys; the jobs probe leaves one cache entry that expires in
 * 10 minutes (it is how the next run learns what happened after this one returned).
 */

export interface PlatformReport {
  kind: "rcsheets-apps-script-first-contact";
  version: 1;
  /** Where it ran: the sidebar of a test deployment is in a document, the editor of a standalone project is not. */
  context: ExecutionContext;
  /** Rule id → what this execution observed (see docs/first-contact/README.md for each id). */
  rules: Record<string, Observed>;
}

export type ExecutionContext = "in a document" | "outside a document";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const PREFIX = "rcsheets.selfTest";
const JOB_KEY = `${PREFIX}.job`;
const JOB_SECONDS = 600;
export const CACHE_ITEMS_WRITTEN = 1100;
const TIMED_CALLS = 5;

/** The built-ins newer than ES2020 the bundle might reach for: which of them Google's V8 has. */
export const NEWER_BUILT_INS = [
  "String.prototype.replaceAll",
  "Promise.any",
  "WeakRef",
  "Array.prototype.at",
  "String.prototype.at",
  "Object.hasOwn",
  "Array.prototype.findLast",
  "Array.prototype.toSorted",
  "Object.groupBy",
  "Promise.withResolvers",
  "Set.prototype.union",
  "Iterator",
  "structuredClone",
] as const;

/** Runs every probe on `spreadsheet` (null: run outside a document, the sheet probes say so). */
export function probePlatform(spreadsheet: Spreadsheet | null): PlatformReport {
  const rules: Record<string, Observed> = {
    "jobs-after-return": jobsAfterReturn(),
    "built-ins-newer-than-es2020": builtIns(),
    "session-email": sessionEmail(),
    "document-services": documentServices(),
    "cache-item-cap": cacheItemCap(),
  };
  if (!spreadsheet) {
    const skipped = "not observed: selfTest ran outside a document (run it from the sidebar of a test deployment)";
    for (const id of ["protect-on-protected-sheet", "protection-blank-editor", "sheets-cost-per-call"]) rules[id] = skipped;
  } else Object.assign(rules, onTestSheet(spreadsheet));
  const context = spreadsheet ? "in a document" : "outside a document";
  return { kind: "rcsheets-apps-script-first-contact", version: 1, context, rules };
}

/** A probe's error as its text: what Google said is the observation. */
function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Google says nothing of the promise jobs left when a function returns. This run reads what the job the previous run
 * left did (a mark in the person's cache: "scheduled" if it never ran, "ran" if it did), then leaves one of its own
 * in V8's queue (the global Promise: the bundle's own `Promise` is the queued one, settled before the return).
 */
function jobsAfterReturn(): Observed {
  const cache = CacheService.getUserCache();
  if (!cache) return "not observed: no user cache";
  const previous = cache.get(JOB_KEY);
  cache.put(JOB_KEY, "scheduled", JOB_SECONDS);
  const native = (globalThis as unknown as { Promise: PromiseConstructor }).Promise;
  native.resolve().then(() => CacheService.getUserCache()?.put(JOB_KEY, "ran", JOB_SECONDS));
  if (previous === "ran") return "run after the return";
  if (previous === "scheduled") return "dropped at the return";
  return "not observed yet: run selfTest again within 10 minutes";
}

function builtIns(): Observed {
  const present: Record<string, Observed> = {};
  for (const path of NEWER_BUILT_INS) {
    let value: unknown = globalThis;
    for (const part of path.split(".")) value = value === undefined || value === null ? undefined : (value as never)[part];
    present[path] = value !== undefined;
  }
  return present;
}

/** Only whether the email is there: a report kept in the repository never holds a person's address. */
function sessionEmail(): Observed {
  const blank = (user: GoogleAppsScript.Base.User) => (user.getEmail() ? "present" : "blank");
  return { activeUser: blank(Session.getActiveUser()), effectiveUser: blank(Session.getEffectiveUser()) };
}

function documentServices(): Observed {
  const there = (value: unknown) => (value ? "present" : "null");
  return {
    lock: there(LockService.getDocumentLock()),
    cache: there(CacheService.getDocumentCache()),
    properties: there(PropertiesService.getDocumentProperties()),
  };
}

/**
 * The cache's cap on items: more than it written at once, each to expire in a minute (nearer than anything the
 * add-in keeps, so what the cap drops is the probe's own), counted, then removed.
 */
function cacheItemCap(): Observed {
  const cache = CacheService.getUserCache();
  if (!cache) return "not observed: no user cache";
  const stamp = Date.now();
  const items: Record<string, string> = {};
  for (let i = 0; i < CACHE_ITEMS_WRITTEN; i++) items[`${PREFIX}.cap.${stamp}.${i}`] = "x";
  const keys = Object.keys(items);
  try {
    cache.putAll(items, 60);
    const kept = Object.keys(cache.getAll(keys)).length;
    // Other items of the person's cache that expire later count against the cap too, so only its kind is compared.
    if (kept === keys.length) return `no cap seen: all ${kept} kept`;
    return kept <= 900 ? "capped: at most 900 kept" : `capped: ${kept} of ${keys.length} kept`;
  } catch (error) {
    return `refused: ${message(error)}`;
  } finally {
    cache.removeAll(keys);
  }
}

/** The probes that need a sheet: one of their own, deleted afterwards whatever happens. */
function onTestSheet(spreadsheet: Spreadsheet): Record<string, Observed> {
  const sheet = spreadsheet.insertSheet(`rcsheets self-test ${Date.now()}`);
  try {
    const first = sheet.protect().setDescription("rcsheets self-test: first");
    return {
      "protect-on-protected-sheet": protectAgain(sheet),
      "protection-blank-editor": blankEditor(first),
      "sheets-cost-per-call": costPerCall(sheet),
    };
  } finally {
    spreadsheet.deleteSheet(sheet);
  }
}

/** Google's page: a sheet has one sheet protection, and protect() on a protected sheet returns it. */
function protectAgain(sheet: Sheet): Observed {
  const again = sheet.protect();
  const count = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length;
  if (count === 1 && again.getDescription() === "rcsheets self-test: first") return "returns the existing protection";
  return `makes another (${count} sheet protections)`;
}

function blankEditor(protection: GoogleAppsScript.Spreadsheet.Protection): Observed {
  try {
    protection.addEditor("");
    return "accepted";
  } catch (error) {
    return `refused: ${message(error)}`;
  }
}

/** Milliseconds per call, the median of a few reads and of a few writes (Sheets may batch writes until a read). */
function costPerCall(sheet: Sheet): Observed {
  const cell = sheet.getRange(1, 1);
  const median = (task: (i: number) => unknown): number => {
    const times: number[] = [];
    for (let i = 0; i < TIMED_CALLS; i++) {
      const start = Date.now();
      task(i);
      times.push(Date.now() - start);
    }
    return times.sort((a, b) => a - b)[Math.floor(TIMED_CALLS / 2)] ?? 0;
  };
  const writeMs = median((i) => cell.setValue(i));
  const readMs = median(() => cell.getValue());
  return { readMs, writeMs };
}

/** What only the sidebar's own script can see (sidebar/self-test.ts), passed in by it; each id once, text only. */
export const SIDEBAR_RULES = ["sidebar-popup", "sidebar-downloads", "sidebar-origin"] as const;

export function sidebarObservations(input: unknown): Record<string, Observed> {
  const given = (input as { sidebar?: Record<string, unknown> } | undefined)?.sidebar ?? {};
  const rules: Record<string, Observed> = {};
  for (const id of SIDEBAR_RULES) {
    const value = given[id];
    rules[id] = typeof value === "string" ? value.slice(0, 200) : "not observed: run from the sidebar (rcsheetsSelfTest())";
  }
  return rules;
}

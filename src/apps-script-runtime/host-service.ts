/**
 * The seam between the runtime's engine (executions in worker threads, each in a fresh V8 context) and the services
 * it offers them. A service lives on the host side, in the runtime's main thread, where the state that executions
 * share is kept (the spreadsheet, properties, caches, locks). An execution reaches it synchronously: each method
 * call on a service object is one round trip to the host.
 *
 * Host objects follow three rules, so that the engine can hand them to executions without knowing them:
 * - every host object carries `Symbol.toStringTag` with its Apps Script class name ("Range", "Sheet", "Properties",
 *   "HTTPResponse", …): calls are counted, priced and checked against scopes as `Class.method`;
 * - a method returns plain data (string, number, boolean, null, undefined, Date, arrays and plain objects of these),
 *   another host object (it reaches the execution as a remote object with the same methods), or a Promise of either
 *   (the execution waits, blocked, as Apps Script's synchronous services do);
 * - an object's own enumerable non-function properties are constants (enums such as `ProtectionType`), sent once
 *   when the object first reaches an execution.
 * A method that throws an Error reaches the execution as an Error with the same message: write Apps Script's text.
 */

/** Apps Script's authorization modes, as `e.authMode` and ScriptApp.AuthMode name them. */
export type AuthMode = "NONE" | "LIMITED" | "FULL";

/** What a service knows of the execution calling it. */
export interface Execution {
  /** Unique for the runtime's life. */
  readonly id: number;
  /** The person running it (their email): user properties, user cache and user lock are theirs. */
  readonly user: string;
  readonly authMode: AuthMode;
  /** The scopes the manifest declares. */
  readonly scopes: readonly string[];
  /** Milliseconds since the epoch when the execution started. */
  readonly startedAt: number;
  /**
   * Whether it runs in the context of a containing document (the spreadsheet the add-on is used in). Outside one (a
   * web app, the /usercallback of a sign-in) getDocumentLock, getDocumentCache and getDocumentProperties return null,
   * and so does SpreadsheetApp.getActiveSpreadsheet. Absent means in one.
   */
  readonly standalone?: boolean;
}

/** A global of the execution's context (`SpreadsheetApp`, `PropertiesService`, …), made for each execution. */
export interface HostService {
  /** The global's name. */
  readonly name: string;
  /** The root host object the global stands for in this execution. */
  create(execution: Execution): object;
  /** Called once the execution has ended (returned, thrown or been killed): release what it holds. */
  ended?(execution: Execution): void;
}

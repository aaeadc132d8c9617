import type { Execution, HostService } from "../host-service";
import { SheetsDocument } from "./document";
import { Drive } from "./drive";
import { Person } from "./person";
import type { Spreadsheet } from "./spreadsheet";
import { spreadsheetFacade } from "./spreadsheet";
import { SpreadsheetApp } from "./spreadsheet-app";

/**
 * The `SpreadsheetApp` global of every execution: the shared document, seen as the execution's person, and the
 * other spreadsheets of `drive` that openById/openByUrl reach.
 */
export function spreadsheetService(document: SheetsDocument, drive: Drive = new Drive()): HostService {
  return {
    name: "SpreadsheetApp",
    create: (execution: Execution) =>
      new SpreadsheetApp(new Person(document, execution.user), drive, execution.standalone === true),
  };
}

export interface SpreadsheetOptions {
  /** Owns the spreadsheet: can never be removed from a protection's editors. */
  owner?: string;
  /** The person whose SpreadsheetApp `app` is: runs the code under test. */
  user?: string;
  /** Everyone who can edit the spreadsheet; a new protection starts with them. */
  editors?: string[];
  /** The Workspace domain that owns the file; none by default (consumer accounts). */
  domain?: string | null;
}

/** One person's SpreadsheetApp over a document, installed as a global for code that is not run by the engine. */
export interface OpenSpreadsheet {
  readonly document: SheetsDocument;
  readonly app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Calls per method, keyed "Class.method". */
  readonly calls: ReadonlyMap<string, number>;
  count(method: string): number;
  resetCalls(): void;
  /** Makes `app` the global `SpreadsheetApp`; returns a function that puts the previous one back. */
  install(): () => void;
  /** Another person's SpreadsheetApp on the same document. */
  as(user: string): OpenSpreadsheet;
}

/** A fresh document with one empty sheet, "Sheet1", open as the active spreadsheet of `options.user`. */
export function createSpreadsheetApp(options: SpreadsheetOptions = {}): OpenSpreadsheet {
  const owner = options.owner ?? "owner@example.com";
  const user = options.user ?? "me@example.com";
  const editors = options.editors ?? [owner, user, "colleague@example.com"];
  const document = SheetsDocument.blank("local-spreadsheet", { owner, editors, domain: options.domain ?? null });
  return openAs(document, user);
}

export function openAs(document: SheetsDocument, user: string): OpenSpreadsheet {
  const person = new Person(document, user);
  const root = new SpreadsheetApp(person);
  const spreadsheet: Spreadsheet = spreadsheetFacade(person);
  // The one cast: the host objects implement the part of SpreadsheetApp the add-in uses, with Sheets' behaviour.
  const app = root as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  return {
    document,
    app,
    spreadsheet: spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    calls: document.calls,
    count: (method) => document.calls.get(method) ?? 0,
    resetCalls: () => document.calls.clear(),
    install() {
      const global = globalThis as { SpreadsheetApp?: GoogleAppsScript.Spreadsheet.SpreadsheetApp };
      const previous = global.SpreadsheetApp;
      global.SpreadsheetApp = app;
      return () => {
        if (previous) global.SpreadsheetApp = previous;
        else delete global.SpreadsheetApp;
      };
    },
    as: (other) => openAs(document, other),
  };
}

import type { Randomness } from "../domain/credential-maker";
import type { Clock } from "../ringcentral/clock";
import type { KeptAccountStore } from "../sync/kept-account";
import type { Workbook } from "../workbook/port";
import type { AuthorizationFlow } from "./authorization-flow";
import type { Connection } from "./connection";
import type { EditStamp } from "./edit-stamp";
import type { OtherSpreadsheets } from "./other-spreadsheets";
import type { SyncLock } from "./sync-lock";
import type { TabAccess } from "./tab-access";

/** The person's view of the sheet, where the home has a person looking at it: cursor, selection, rows shown. */
export interface Selection {
  select(sheet: string, row: number, column: number): void;
  /**
   * The sheet rows the person has selected on `sheet` (every range of a multiple selection), ascending. Optional
   * only so that homes without a person (tests of the sheet alone) need not say "nothing".
   */
  selectedRows?(sheet: string): number[];
  /**
   * Shows only these rows below the header (null: every row again), so that actions apply to what is shown.
   * Absent where the home has no grid to filter (the CLI).
   */
  showOnly?(sheet: string, rows: number[] | null): void;
  /**
   * Keeps the tag the rows shown are filtered by with the document (null: none), so that a reload says the filter
   * is on and applies it again by the tag. Absent where the home has no grid to filter.
   */
  keepFilter?(sheet: string, tag: string | null): void;
  /** The tag keepFilter kept for `sheet`, or null. */
  keptFilter?(sheet: string): string | null;
}

/** The outside world a server function may touch, given by the home it runs in (Apps Script or Node). */
export interface Home {
  workbook: Workbook;
  selection: Selection;
  /** RingCentral, for the functions that talk to it (absent where a home has none, e.g. a test of the sheet alone). */
  connection?: Connection;
  /** Signing in with the authorization code in a popup: where the home can receive the redirect (Apps Script). */
  authorization?: AuthorizationFlow;
  clock?: Clock;
  /** When the execution started (Apps Script: when it loaded the script), which its time limit counts from. */
  executionStartedAt?: number;
  /** The person's other spreadsheets, to import from (absent where the home has none: the CLI reads files). */
  spreadsheets?: OtherSpreadsheets;
  /** One sync, retry, refresh or plan at a time per document, where several people can reach it at once. */
  syncLock?: SyncLock;
  /** Which protections refuse this person, where people have different rights on one spreadsheet (Apps Script). */
  tabAccess?: TabAccess;
  /** The account as a sync's chunk left it, for the next chunk of the run (each chunk is its own execution). */
  keptAccount?: KeptAccountStore;
  /** Changes after each edit of the sheet, so that an open Validate panel knows to refresh. */
  edits?: EditStamp;
  /** A secure source of random numbers, for the PINs and passwords the add-in makes. */
  randomness?: Randomness;
}

import { createSpreadsheetApp, type OpenSpreadsheet } from "../../src/apps-script-runtime/spreadsheet/service";
import type { TabDef } from "../../src/domain/tabs";
import { SheetsWorkbook } from "../../src/gas/sheets-workbook";
import { FetchTransport } from "../../src/node/fetch-transport";
import { RingCentralClient } from "../../src/ringcentral/client";
import { systemClock } from "../../src/ringcentral/clock";
import { MemoryTokenStore } from "../../src/ringcentral/token";
import type { RunningSandbox } from "../../src/sandbox/index";
import type { ConnectionSettings } from "../../src/server/connection";
import { serverFunctions } from "../../src/server/functions";
import type { Home } from "../../src/server/home";
import { type AnyServerFunction, invoke, type OutputOf } from "../../src/server/server-function";
import { appendRows } from "../../src/workbook/table-replace";

/**
 * A Home as the sidebar meets it in Sheets: the Apps Script Workbook adapter over the stateful SpreadsheetApp fake,
 * a selection and a row filter the test sets and reads, and (given a sandbox) a connection whose client uses the Node
 * FetchTransport, since UrlFetchApp cannot reach a local sandbox.
 */
export interface FakeSheetsHome extends Home {
  fake: OpenSpreadsheet;
  selected: number[];
  shown: number[] | null;
  /** The tag filter the home keeps, as Apps Script keeps it in the document's properties. */
  kept: string | null;
  restore(): void;
}

export function homeOnFakeSheets(sandbox?: RunningSandbox): FakeSheetsHome {
  const fake = createSpreadsheetApp();
  const restore = fake.install();
  let settings: ConnectionSettings | null = null;
  const store = new MemoryTokenStore();
  const home: FakeSheetsHome = {
    fake,
    selected: [],
    shown: null,
    kept: null,
    restore,
    workbook: new SheetsWorkbook(fake.spreadsheet),
    clock: systemClock,
    selection: {
      select: () => undefined,
      selectedRows: () => [...home.selected],
      showOnly: (_sheet, rows) => {
        home.shown = rows;
      },
      keepFilter: (_sheet, tag) => {
        home.kept = tag;
      },
      keptFilter: () => home.kept,
    },
  };
  if (sandbox)
    home.connection = {
      settings: () => settings,
      save: (s) => {
        settings = s;
      },
      clear: () => {
        settings = null;
        store.clear();
      },
      client: () =>
        new RingCentralClient({
          server: settings?.server ?? sandbox.serverUrl,
          clientId: settings?.clientId ?? "",
          ...(settings?.clientSecret ? { clientSecret: settings.clientSecret } : {}),
          ...(settings?.jwt ? { jwt: settings.jwt } : {}),
          transport: new FetchTransport(5000),
          retry: { attempts: 4, baseMs: 20, maxMs: 200 },
          store,
        }),
    };
  return home;
}

/** A server function called on the home as google.script.run calls it, its answer typed by the server's table. */
export function serverCallOn(home: () => Home) {
  return <K extends keyof typeof serverFunctions>(name: K, input: unknown) =>
    invoke(name, serverFunctions[name] as AnyServerFunction, home(), input) as OutputOf<(typeof serverFunctions)[K]>;
}

/** Rows appended below a tab of the home's workbook, as a paste puts them. */
export function appendOn(home: () => Home) {
  return <K extends string>(tab: TabDef<K>, rows: Partial<Record<K, string>>[]) =>
    appendRows(home().workbook, tab.name, tab, rows);
}

import { FetchTransport } from "../node/fetch-transport";
import type { XlsxWorkbook } from "../node/xlsx-workbook";
import { RingCentralClient } from "../ringcentral/client";
import { systemClock } from "../ringcentral/clock";
import { MemoryTokenStore } from "../ringcentral/token";
import type { ConnectionSettings } from "../server/connection";
import type { Home } from "../server/home";
import { InProcessSyncLock } from "../server/sync-lock";

/** Where the person's cursor is in the playground's grid, as the grid reports it and the sidebar moves it. */
export interface GridSelection {
  sheet: string;
  rows: number[];
  active: { row: number; column: number } | null;
  /** Rows a tag filter shows on a sheet (the others hidden), or null for every row. */
  shown?: { sheet: string; rows: number[] } | null;
}

/**
 * The playground's home: the .xlsx workbook on disk, the grid's selection, and a connection kept for this process
 * (a person's connection, as user properties are in Apps Script), first set to the embedded sandbox.
 */
export function playgroundHome(
  workbook: XlsxWorkbook,
  state: { selection: GridSelection; connection: ConnectionSettings | null },
): Home {
  const store = new MemoryTokenStore();
  let client: RingCentralClient | null = null;
  let clientFor: ConnectionSettings | null = null;
  return {
    workbook,
    clock: systemClock,
    // The process's own lock: the playground serves one request at a time, so it refuses no one there, but a sync
    // holds it as in Apps Script.
    syncLock: new InProcessSyncLock("the playground"),
    selection: {
      select(sheet, row, column) {
        state.selection = { ...state.selection, sheet, rows: [row], active: { row, column } };
      },
      showOnly(sheet: string, rows: number[] | null) {
        state.selection = { ...state.selection, shown: rows ? { sheet, rows } : null };
      },
      selectedRows(sheet: string) {
        return state.selection.sheet === sheet ? [...state.selection.rows] : [];
      },
    },
    connection: {
      settings: () => state.connection,
      save: (settings) => {
        state.connection = settings;
        store.clear();
      },
      clear: () => {
        state.connection = null;
        store.clear();
      },
      // One client per connection, so that its governor paces every call of the process, not one call at a time.
      client: () => {
        const settings = state.connection;
        if (client && settings === clientFor) return client;
        clientFor = settings;
        client = new RingCentralClient({
          server: settings?.server ?? "http://127.0.0.1",
          clientId: settings?.clientId ?? "",
          ...(settings?.clientSecret ? { clientSecret: settings.clientSecret } : {}),
          ...(settings?.jwt ? { jwt: settings.jwt } : {}),
          transport: new FetchTransport(30_000),
          store,
        });
        return client;
      },
    },
  };
}

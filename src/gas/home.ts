import { RingCentralClient } from "../ringcentral/client";
import { type ConnectionSettings, ConnectionSettingsSchema } from "../server/connection";
import type { Home } from "../server/home";
import { PropertiesTokenStore } from "./properties-token-store";
import { SheetsWorkbook } from "./sheets-workbook";
import { appsScriptClock, UrlFetchTransport } from "./url-fetch-transport";

const CONNECTION_KEY = "rcsheets.connection";

/** The Apps Script home: the spreadsheet the add-in is open in, its person's cursor, and their own connection. */
export function appsScriptHome(): Home {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return {
    workbook: new SheetsWorkbook(spreadsheet),
    selection: {
      select(sheet, row, column) {
        const target = spreadsheet.getSheetByName(sheet);
        if (!target) return;
        target.activate();
        target.setActiveSelection(target.getRange(row, column));
      },
    },
    clock: appsScriptClock,
    connection: {
      settings: readConnection,
      save: (settings) => PropertiesService.getUserProperties().setProperty(CONNECTION_KEY, JSON.stringify(settings)),
      clear: () => {
        const settings = readConnection();
        if (settings) new PropertiesTokenStore(settings.server).clear();
        PropertiesService.getUserProperties().deleteProperty(CONNECTION_KEY);
      },
      client: () => {
        const settings = readConnection();
        return new RingCentralClient({
          server: settings?.server ?? "https://platform.ringcentral.com",
          clientId: settings?.clientId ?? "",
          ...(settings?.clientSecret ? { clientSecret: settings.clientSecret } : {}),
          ...(settings?.jwt ? { jwt: settings.jwt } : {}),
          transport: new UrlFetchTransport(),
          clock: appsScriptClock,
          store: new PropertiesTokenStore(settings?.server ?? "https://platform.ringcentral.com"),
        });
      },
    },
  };
}

/** The person's connection, in their user properties: never in the sheet, never another editor's. */
function readConnection(): ConnectionSettings | null {
  const text = PropertiesService.getUserProperties().getProperty(CONNECTION_KEY);
  if (!text) return null;
  const parsed = ConnectionSettingsSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

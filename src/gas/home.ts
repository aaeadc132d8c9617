import { RingCentralClient } from "../ringcentral/client";
import type { TokenStore } from "../ringcentral/token";
import type { ConnectionSettings } from "../server/connection";
import type { Home } from "../server/home";
import { cachedGovernorMemory } from "./cached-governor-memory";
import { cachedKeptAccount } from "./cached-kept-account";
import { cachedTabMemory } from "./cached-tab-memory";
import { documentEditStamp } from "./document-edit-stamp";
import { documentSyncLock } from "./document-sync-lock";
import { OAuth2TokenStore } from "./oauth2-token-store";
import { appsScriptSpreadsheets } from "./other-spreadsheets";
import { forgetPendingSignIn } from "./pending-sign-in";
import { forgetConnection, readConnection, saveConnection } from "./person-connection";
import { personTokenLock } from "./person-token-lock";
import { forgetJwtTokens, PropertiesTokenStore } from "./properties-token-store";
import { protectionRefusals } from "./protection-refusals";
import { appsScriptAuthorization, forgetLibraryToken, ringCentralService } from "./ringcentral-authorization";
import { sheetView } from "./sheet-view";
import { SheetsWorkbook } from "./sheets-workbook";
import { appsScriptClock, UrlFetchTransport } from "./url-fetch-transport";
import { uuidRandomness } from "./uuid-randomness";

const DEFAULT_SERVER = "https://platform.ringcentral.com";
/** Each execution loads the script afresh: about when its 6 minutes began. */
const LOADED_AT = Date.now();

/** The Apps Script home: the spreadsheet the add-in is open in, its person's view of it, and their own connection. */
export function appsScriptHome(): Home {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return {
    workbook: new SheetsWorkbook(spreadsheet, cachedTabMemory),
    selection: sheetView(spreadsheet),
    clock: appsScriptClock,
    executionStartedAt: LOADED_AT,
    authorization: appsScriptAuthorization,
    syncLock: documentSyncLock,
    tabAccess: protectionRefusals,
    edits: documentEditStamp,
    spreadsheets: appsScriptSpreadsheets,
    randomness: uuidRandomness,
    keptAccount: cachedKeptAccount({
      server: () => readConnection()?.server ?? DEFAULT_SERVER,
      document: () => spreadsheet.getId(),
    }),
    connection: {
      settings: readConnection,
      save: saveConnection,
      clear: forgetEverySignIn,
      client: () => {
        const settings = readConnection();
        const server = settings?.server ?? DEFAULT_SERVER;
        return new RingCentralClient({
          server,
          clientId: settings?.clientId ?? "",
          ...(settings?.clientSecret ? { clientSecret: settings.clientSecret } : {}),
          ...(settings?.jwt ? { jwt: settings.jwt } : {}),
          transport: new UrlFetchTransport(),
          clock: appsScriptClock,
          store: settings ? tokenStore(settings) : new PropertiesTokenStore(DEFAULT_SERVER, { clientId: "" }),
          tokenLock: personTokenLock,
          governorMemory: cachedGovernorMemory(server),
        });
      },
    },
  };
}

/**
 * Disconnect: whatever the person's properties hold of a sign-in goes, readable or not (a record cut short, of
 * another shape, left by an earlier connection): the connection, a pending sign-in, the library's token, JWT tokens.
 */
function forgetEverySignIn(): void {
  forgetConnection();
  forgetPendingSignIn();
  forgetLibraryToken();
  forgetJwtTokens();
}

/**
 * A JWT connection logs in by itself and keeps its token per server; one made through RingCentral's page keeps it
 * where the OAuth2 library put it, adapted to the client's TokenStore.
 */
function tokenStore(settings: ConnectionSettings): TokenStore {
  return settings.jwt ? new PropertiesTokenStore(settings.server, settings) : new OAuth2TokenStore(ringCentralService(settings));
}

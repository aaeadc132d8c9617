/** The parts of `appsscript.json` the runtime enforces. */
export interface Manifest {
  timeZone?: string;
  /** Absent: Apps Script infers the scopes from the code, so every call is allowed. */
  oauthScopes?: string[];
  /** Absent: any URL may be fetched. */
  urlFetchWhitelist?: string[];
  dependencies?: { libraries?: { userSymbol: string; libraryId: string; version: string }[] };
}

export const DEFAULT_TIME_ZONE = "America/New_York";

/**
 * What the sidebar asks of each runSync call, one Apps Script execution of at most six minutes: four of sending, the
 * rest for reading the sheet and the account and writing back (the chunk itself stops starting steps in time). Each
 * execution reads the whole sheet again, so on a 5,000-user sheet fewer, longer chunks spend less of the run reading;
 * the progress bar moves once a chunk.
 */
export const SIDEBAR_CHUNK_MS = 240_000;

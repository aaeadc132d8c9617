import type { SyncBusy, SyncHolder } from "../src/server/sync-functions";

/**
 * A sync, retry, refresh or plan answers SyncBusy when someone else is syncing the document: the panel shows who and
 * since when (in the person's own time) as its problem, instead of waiting blindly.
 */
export function unlessBusy<T>(answer: T | SyncBusy): T {
  if (typeof answer === "object" && answer !== null && "busy" in answer) throw new Error(busyMessage(answer.busy));
  return answer;
}

export function busyMessage(holder: SyncHolder, today = new Date()): string {
  const who = holder.email || "Someone";
  const since = new Date(holder.since);
  if (Number.isNaN(since.getTime())) return `${who} is syncing this spreadsheet; try again when they are done.`;
  const time = since.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const day = since.toDateString() === today.toDateString() ? "" : ` on ${since.toLocaleDateString()}`;
  return `${who} is syncing this spreadsheet since ${time}${day}; try again when they are done.`;
}

/**
 * Who runs this sync, as the Sync panel says it during and after a run: their email, or "you" where Google does
 * not tell the add-in (a consumer account, another domain), never a blank name.
 */
export function syncingAs(email: string, running: boolean): string {
  const who = email || "you (Google does not share your email address with the add-in here)";
  return `${running ? "Syncing" : "Synced"} as ${who}.`;
}

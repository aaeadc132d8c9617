import { useEffect, useState } from "preact/hooks";
import type { SyncHistory } from "../../src/server/sync-history";
import { localTime } from "../local-time";
import { rpc } from "../rpc";

/**
 * When each site was last synced (its rows' latest Synced At) and the Sync Log's last runs, in the person's own
 * time: the sheet keeps ISO. Read again whenever `version` changes (after a run).
 */
export function SyncHistoryView({ version }: { version: unknown }) {
  const [history, setHistory] = useState<SyncHistory | null>(null);
  useEffect(() => {
    rpc("syncHistory", {}).then(setHistory, () => setHistory(null));
  }, [version]);
  if (!history || (history.runs.length === 0 && Object.keys(history.lastSynced).length === 0)) return null;
  return (
    <details class="history" open>
      <summary>Last syncs</summary>
      <ul class="plan" aria-label="Sites last synced">
        {Object.entries(history.lastSynced).map(([site, at]) => (
          <li key={site}>
            <span class="where">{site}</span>
            Synced {localTime(at)}
          </li>
        ))}
      </ul>
      <ul class="plan" aria-label="Sync Log">
        {history.runs.map((run, i) => (
          <li key={`${run.when}-${i}`}>
            <span class="where">
              {localTime(run.when)} · {run.who || "you"}
            </span>
            {run.scope}
            {run.created === ""
              ? ""
              : `: ${run.created} created, ${run.updated} updated, ${run.deleted} deleted, ${run.failed} failed`}
          </li>
        ))}
      </ul>
    </details>
  );
}

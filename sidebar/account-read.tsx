import { useEffect, useState } from "preact/hooks";
import type { AccountReadAt } from "../src/server/getting-started";
import { accountWasRead, useAccountReads } from "./account-reads";
import { Notice } from "./notice";
import { rpc } from "./rpc";
import { unlessBusy } from "./sync-busy";
import { useTask } from "./task";

/**
 * When the account was last read, over a panel that depends on it (its sites, lines and roles are what validation,
 * import and the plan compare with): "Account read 5 min ago", or never read, with the button that reads it.
 */
export function AccountReadLine({ version }: { version: number }) {
  const reads = useAccountReads();
  const [at, setAt] = useState<AccountReadAt | null>(null);
  const task = useTask<"read">();
  useEffect(() => {
    void rpc("accountReadAt", {}).then(setAt, () => undefined);
  }, [version, reads]);
  if (!at) return null;
  const read = () =>
    task.run("read", async () => {
      unlessBusy(await rpc("refreshAccount", {}));
      accountWasRead();
    });
  return (
    <section class="account-read muted small" aria-label="Account read">
      {at.readAt ? `Account read ${ago(at.readAt)}.` : "Account never read: its sites, lines and roles are not known yet."}{" "}
      {at.connected ? (
        <button type="button" class="link small" onClick={read} disabled={task.busy !== null}>
          {task.busy ? "Reading…" : at.readAt ? "Read again" : "Read account"}
        </button>
      ) : (
        !at.readAt && "Connect in the Account panel to read it."
      )}
      <Notice problem={task.problem} />
    </section>
  );
}

/** "just now", "5 min ago", "3 h ago", else the day and time in the person's own clock. */
export function ago(iso: string, now = Date.now()): string {
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return iso;
  const minutes = Math.round((now - at) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `on ${new Date(at).toLocaleString([], { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })}`;
}

import { useEffect, useState } from "preact/hooks";
import { counted } from "../../src/domain/counted";
import type { StartingPoint } from "../../src/server/getting-started";
import { accountWasRead, useAccountReads } from "../account-reads";
import { download } from "../download";
import { Notice } from "../notice";
import { rpc } from "../rpc";
import { unlessBusy } from "../sync-busy";
import { useTask } from "../task";

type Destination = "account" | "import" | "validate" | "sync";

const when = (iso: string) =>
  new Date(iso).toLocaleString([], { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });

/**
 * Get started, for a workspace no sync has touched yet: connect, read the account, then bring the users in (a
 * customer's file or the template), each step saying what it did. It steps aside once a user is synced, or when the
 * person hides it.
 */
export function GetStarted({ go, version }: { go: (panel: Destination) => void; version: number }) {
  const [point, setPoint] = useState<StartingPoint | null>(null);
  const [hidden, setHidden] = useState(false);
  const [status, setStatus] = useState("");
  const task = useTask<"read" | "template">();
  const reads = useAccountReads();
  const reload = () => rpc("gettingStarted", {}).then(setPoint, () => undefined);
  useEffect(() => {
    void reload();
  }, [version, reads]);
  if (hidden || !point || point.synced > 0) return null;

  const readAccount = () =>
    task.run("read", async () => {
      setStatus("Reading the account…");
      const read = unlessBusy(await rpc("refreshAccount", {}));
      setStatus(read.message);
      accountWasRead();
    });
  const template = () =>
    task.run("template", async () => {
      const answer = await rpc("usersTemplate", { as: "file" });
      if (answer.fileName) download(answer.fileName, answer.text);
      setStatus(answer.message);
    });
  const users = counted(point.users, "user");
  return (
    <section class="get-started" aria-label="Get started">
      <h2>Get started</h2>
      <ol>
        <li class={point.connected ? "done" : ""}>
          {point.connected ? (
            `Connected to ${point.server}.`
          ) : (
            <>
              Connect to RingCentral in the{" "}
              <button type="button" class="link" onClick={() => go("account")}>
                Account panel
              </button>
              .
            </>
          )}
        </li>
        <li class={point.accountReadAt ? "done" : ""}>
          {point.accountReadAt ? (
            `Account read ${when(point.accountReadAt)}: its sites, lines and roles are known.`
          ) : (
            <>
              Read the account, so that its sites and lines are known.{" "}
              <button
                type="button"
                class="link"
                onClick={readAccount}
                disabled={!point.connected || task.busy !== null}
                title={point.connected ? "" : "Connect first"}
              >
                {task.busy === "read" ? "Reading…" : "Read the account"}
              </button>
            </>
          )}
        </li>
        <li class={point.users > 0 ? "done" : ""}>
          {point.users > 0 ? (
            <>
              {users} on the Users tab.{" "}
              <button type="button" class="link" onClick={() => go("validate")}>
                Validate
              </button>
              , then{" "}
              <button type="button" class="link" onClick={() => go("sync")}>
                sync a site
              </button>
              .
            </>
          ) : (
            <>
              Bring the users in:{" "}
              <button type="button" class="link" onClick={() => go("import")}>
                import the customer's file
              </button>{" "}
              or{" "}
              <button type="button" class="link" onClick={template} disabled={task.busy !== null}>
                download the template
              </button>
              .
            </>
          )}
        </li>
      </ol>
      <Notice status={status} problem={task.problem} />
      <button type="button" class="link small" onClick={() => setHidden(true)}>
        Hide these steps
      </button>
    </section>
  );
}

import { useEffect, useRef, useState } from "preact/hooks";
import type { ConnectedPerson } from "../../src/server/connected-as";
import type { ConnectionStatus } from "../../src/server/sync-functions";
import { accountWasRead } from "../account-reads";
import { Notice } from "../notice";
import { rpc } from "../rpc";
import { unlessBusy } from "../sync-busy";
import { useTask } from "../task";

const SERVERS = [
  { url: "https://platform.ringcentral.com", label: "Production" },
  { url: "https://platform.ringcentral.biz", label: "Partner (.biz)" },
] as const;
/** How often the sidebar looks whether the sign-in popup has finished, and for how long. */
const POLL_MS = 2000;
const POLL_FOR_MS = 5 * 60_000;

type Method = "jwt" | "oauth";

/** Connect: which RingCentral, and as whom (a JWT credential, or signing in on RingCentral's page); per person. */
export function ConnectPanel() {
  const [status, setStatus] = useState<ConnectionStatus | null>(null);
  const [person, setPerson] = useState<ConnectedPerson | null>(null);
  const [server, setServer] = useState<string>(SERVERS[0].url);
  const [custom, setCustom] = useState("");
  const [method, setMethod] = useState<Method>("jwt");
  const [clientId, setClientId] = useState("");
  const [clientSecret, setClientSecret] = useState("");
  const [jwt, setJwt] = useState("");
  const [message, setMessage] = useState("");
  /** The sign-in page's address, shown as a link when the browser blocked the popup. */
  const [signInUrl, setSignInUrl] = useState<string | null>(null);
  const polling = useRef<ReturnType<typeof setInterval> | null>(null);
  const task = useTask<"status" | "connect" | "disconnect">();

  const stopPolling = () => {
    if (polling.current) clearInterval(polling.current);
    polling.current = null;
  };
  const look = async () => {
    const now = await rpc("connectionStatus", {});
    setStatus(now);
    if (now.connected) {
      stopPolling();
      setPerson(await rpc("connectedAs", {}).catch(() => null));
    } else setPerson(null);
    return now.connected;
  };
  useEffect(() => {
    void task.run("status", async () => void (await look()));
    return stopPolling;
  }, []);

  const target = server === "custom" ? custom.trim().replace(/\/+$/, "") : server;
  // google.script.run refuses undefined as a field: a blank secret is left out, never sent as undefined.
  const app = { server: target, clientId, ...(clientSecret ? { clientSecret } : {}) };
  /**
   * Browsers block a popup opened after an await, so the sign-in window opens blank here, in the click itself, and
   * is sent to RingCentral's page once the server has answered its address.
   */
  const connect = () => {
    setSignInUrl(null);
    const popup = method === "oauth" ? openSignInWindow() : null;
    return task.run("connect", async () => {
      setMessage("");
      if (method === "jwt") {
        // Connecting reads the account of a workspace that never read it: the answer says what it found.
        const result = await rpc("connect", { ...app, jwt });
        setMessage(result.message);
        if (result.account) accountWasRead();
        await look();
        return;
      }
      const started = await rpc("startAuthorization", app).catch((error: unknown) => {
        popup?.close();
        throw error;
      });
      if (started.url === null) {
        popup?.close();
        setMessage(started.message);
        return;
      }
      if (popup && !popup.closed) {
        popup.location.href = started.url;
        setMessage("Sign in on RingCentral's page in the new window; this panel notices when you are done.");
      } else {
        setSignInUrl(started.url);
        setMessage("Your browser blocked the sign-in window: open RingCentral's page with the link below.");
      }
      waitForSignIn();
    });
  };
  const waitForSignIn = () => {
    const until = Date.now() + POLL_FOR_MS;
    stopPolling();
    polling.current = setInterval(() => {
      if (Date.now() > until) {
        stopPolling();
        setMessage("The sign-in did not finish: start again.");
      } else
        void look().then(
          (connected) => (connected ? readIfNeverRead() : undefined),
          () => undefined,
        );
    }, POLL_MS);
  };
  /** Signed in on RingCentral's page: the account is read then, as a JWT connection reads it, if it never was. */
  const readIfNeverRead = async () => {
    try {
      if ((await rpc("accountReadAt", {})).readAt) return;
      setMessage("Signed in. Reading the account…");
      const read = unlessBusy(await rpc("refreshAccount", {}));
      setMessage(`Signed in. ${read.message}`);
      accountWasRead();
    } catch (error) {
      setMessage(`Signed in. The account could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const disconnect = () =>
    task.run("disconnect", async () => {
      await rpc("disconnect", {});
      setMessage("Disconnected: the session was ended at RingCentral.");
      await look();
    });

  if (status?.connected)
    return (
      <>
        <p class="lead">Connected to {status.server}</p>
        {person && (
          <p>
            Signed in as <strong>{person.name}</strong>
            {person.extensionNumber && ` (ext. ${person.extensionNumber})`}
            {person.email && <span class="muted"> {person.email}</span>}
          </p>
        )}
        <div class="actions">
          <button type="button" onClick={disconnect} disabled={task.busy !== null}>
            {task.busy === "disconnect" ? "Disconnecting…" : "Disconnect"}
          </button>
        </div>
        <Notice status={message} problem={task.problem} />
      </>
    );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void connect();
      }}
    >
      <p class="lead">Your connection is yours alone: kept in your Google account, never in the sheet.</p>
      <label for="server">RingCentral</label>
      <select id="server" value={server} onChange={(e) => setServer(e.currentTarget.value)}>
        {SERVERS.map((s) => (
          <option key={s.url} value={s.url}>
            {s.label}
          </option>
        ))}
        <option value="custom">Another server…</option>
      </select>
      {server === "custom" && (
        <>
          <label for="custom-server">Server URL</label>
          <input id="custom-server" type="url" required value={custom} onInput={(e) => setCustom(e.currentTarget.value)} />
        </>
      )}
      <fieldset>
        <legend>Sign in with</legend>
        <label class="check">
          <input type="radio" name="method" checked={method === "jwt"} onChange={() => setMethod("jwt")} />A JWT credential
        </label>
        <label class="check">
          <input type="radio" name="method" checked={method === "oauth"} onChange={() => setMethod("oauth")} />
          RingCentral's sign-in page
        </label>
      </fieldset>
      <label for="client-id">App client ID</label>
      <input id="client-id" required value={clientId} onInput={(e) => setClientId(e.currentTarget.value)} autocomplete="off" />
      <label for="client-secret">App client secret</label>
      <input
        id="client-secret"
        type="password"
        value={clientSecret}
        onInput={(e) => setClientSecret(e.currentTarget.value)}
        autocomplete="off"
      />
      {method === "jwt" && (
        <>
          <label for="jwt">JWT</label>
          <textarea id="jwt" required rows={3} value={jwt} onInput={(e) => setJwt(e.currentTarget.value)} />
        </>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={task.busy !== null}>
          {task.busy === "connect" ? "Connecting…" : method === "jwt" ? "Connect" : "Sign in…"}
        </button>
      </div>
      <Notice status={message || (status?.message ?? "")} problem={task.problem} />
      {signInUrl && (
        <p>
          <a href={signInUrl} target="rcsheets-signin" rel="noopener">
            Open RingCentral's sign-in page
          </a>
        </p>
      )}
    </form>
  );
}

/** A blank window for the sign-in, opened in the click; null when the browser blocked it. */
function openSignInWindow(): Window | null {
  const popup = window.open("", "rcsheets-signin", "width=520,height=680");
  // RingCentral's page has no business with the sidebar: the panel polls the server instead.
  if (popup) popup.opener = null;
  return popup;
}

import { useEffect, useState } from "preact/hooks";
import type { SettingsView } from "../../src/server/workspace-settings";
import { Notice } from "../notice";
import { rpc } from "../rpc";
import { useTask } from "../task";

/** The Settings tab's SSO, Welcome Emails and Default Country: kept in the workbook, shared with everyone on it. */
export function SettingsPanel() {
  const [view, setView] = useState<SettingsView | null>(null);
  const [status, setStatus] = useState("");
  const task = useTask<"load" | "save">();
  useEffect(() => {
    void task.run("load", async () => setView(await rpc("readSettings", {})));
  }, []);
  if (!view) return <Notice problem={task.problem} />;
  const { settings } = view;
  const set = (change: Partial<SettingsView["settings"]>) => setView({ ...view, settings: { ...settings, ...change } });
  const save = () =>
    task.run("save", async () => {
      setStatus("");
      const saved = await rpc("saveSettings", {
        sso: settings.sso,
        welcomeEmails: settings.welcomeEmails,
        defaultCountry: settings.defaultCountry,
      });
      setView(saved);
      if (saved.saved && saved.problems.length === 0) setStatus("Saved on the Settings tab.");
    });
  return (
    <section aria-label="Workspace settings">
      <h2>Workspace settings</h2>
      <label class="check">
        <input type="checkbox" checked={settings.sso} onChange={(e) => set({ sso: e.currentTarget.checked })} />
        The account signs in with SSO
      </label>
      <p class="muted small" id="sso-from">
        SSO {settings.sso ? "on" : "off"}: {view.ssoFrom}
      </p>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.welcomeEmails}
          onChange={(e) => set({ welcomeEmails: e.currentTarget.checked })}
        />
        Send welcome emails
      </label>
      <label for="default-country">Default country (ISO code)</label>
      <input
        id="default-country"
        maxLength={2}
        value={settings.defaultCountry}
        onInput={(e) => set({ defaultCountry: e.currentTarget.value.toUpperCase() })}
      />
      <div class="actions">
        <button type="button" class="primary" onClick={save} disabled={task.busy !== null}>
          Save settings
        </button>
      </div>
      {view.problems.map((p) => (
        <p key={p} class="status problem">
          {p}
        </p>
      ))}
      <Notice status={status} problem={task.problem} />
    </section>
  );
}

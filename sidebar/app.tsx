import { useEffect, useState } from "preact/hooks";
import { AccountReadLine } from "./account-read";
import { type ActiveFilter, FilterBanner } from "./filter-banner";
import { ConnectPanel } from "./panels/connect";
import { GetStarted } from "./panels/get-started";
import { HelpPanel } from "./panels/help";
import { ImportWizard } from "./panels/import-wizard";
import { RolesPanel } from "./panels/roles";
import { SettingsPanel } from "./panels/settings";
import { SyncPanel } from "./panels/sync";
import { TagsPanel } from "./panels/tags";
import { UsersPanel } from "./panels/users";
import { ValidatePanel } from "./panels/validate";
import { rpc } from "./rpc";

const PANELS = [
  { id: "validate", label: "Validate" },
  { id: "import", label: "Import" },
  { id: "users", label: "Users" },
  { id: "sync", label: "Sync" },
  { id: "roles", label: "Roles" },
  { id: "tags", label: "Tags" },
  { id: "account", label: "Account" },
] as const;
type PanelId = (typeof PANELS)[number]["id"];
/** Panels whose work depends on the account as last read: each says when that was. */
const ON_THE_ACCOUNT: ReadonlySet<PanelId> = new Set(["validate", "import", "users", "sync", "roles"]);

/** The sidebar: a small tab strip over one panel at a time. Panels ask the server and render; no rules live here. */
export function App() {
  const [panel, setPanel] = useState<PanelId>("validate");
  const [active, setActive] = useState<ActiveFilter | null>(null);
  const filter = active?.tag ?? null;
  // A filter left on (the sheet still hides rows): applied again by its tag and said, as the sidebar opens, and
  // read again after rows were deleted or put back.
  const readFilter = () =>
    rpc("currentFilter", {}).then(
      (answer) => setActive(answer.tag ? { tag: answer.tag, shown: answer.shown } : null),
      () => undefined,
    );
  useEffect(() => {
    void readFilter();
  }, []);
  // Get started looks again whenever the person changes panel (they may have connected, imported or synced).
  const [visits, setVisits] = useState(0);
  const open = (id: PanelId) => {
    setHelp(null);
    setPanel(id);
    setVisits((n) => n + 1);
  };
  // Learn more: the help over the panel that opened it ("import", or a Users column's header).
  const [help, setHelp] = useState<string | null>(null);
  const move = (from: number, by: number) => {
    const next = PANELS[(from + by + PANELS.length) % PANELS.length] as (typeof PANELS)[number];
    open(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <>
      <h1>RingCentral Users</h1>
      <div class="tabs" role="tablist" aria-label="Sidebar panels">
        {PANELS.map((p, i) => (
          <button
            key={p.id}
            id={`tab-${p.id}`}
            type="button"
            role="tab"
            aria-selected={panel === p.id}
            aria-controls="panel"
            tabIndex={panel === p.id ? 0 : -1}
            onClick={() => open(p.id)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight") move(i, 1);
              if (e.key === "ArrowLeft") move(i, -1);
            }}
          >
            {p.label}
          </button>
        ))}
      </div>
      <GetStarted go={open} version={visits} />
      {active && <FilterBanner filter={active} onCleared={() => setActive(null)} />}
      {help !== null && <HelpPanel topic={help} onClose={() => setHelp(null)} />}
      {help === null && ON_THE_ACCOUNT.has(panel) && <AccountReadLine version={visits} />}
      <div id="panel" role="tabpanel" aria-labelledby={`tab-${panel}`} hidden={help !== null}>
        {panel === "validate" && <ValidatePanel filter={filter} onHelp={setHelp} />}
        {panel === "import" && <ImportWizard onHelp={setHelp} />}
        {panel === "users" && <UsersPanel filter={filter} onRowsChanged={readFilter} />}
        {panel === "sync" && <SyncPanel filter={filter} />}
        {panel === "roles" && <RolesPanel filter={filter} />}
        {panel === "tags" && <TagsPanel filter={filter} onFilter={setActive} />}
        {panel === "account" && (
          <>
            <ConnectPanel />
            <SettingsPanel />
          </>
        )}
      </div>
    </>
  );
}

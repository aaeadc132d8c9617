import { type CellComponent, type RowComponent, TabulatorFull as Tabulator } from "tabulator-tables";

/**
 * The playground's grid: the spreadsheet's sheets as the server sends them, editable where people edit them in
 * Sheets, read-only where the add-in writes (protected tabs). A cell edit fires the add-in's onEdit on the server, as
 * Sheets does; rows can be added and deleted; the add-on menu offers what the add-in's onOpen put in it. The grid
 * reloads whenever the spreadsheet changes, and follows the cursor when the sidebar moves it.
 */

interface SheetView {
  name: string;
  editable: boolean;
  rows: string[][];
  /** Validation's notes and colours, as Sheets shows them on the cells. */
  marks: { row: number; column: number; note: string; background: string | null }[];
  hiddenRows: number[];
  /** Choices of a column's dropdown (its data validation), by 1-based column. */
  dropdowns: Record<number, string[]>;
}
interface MenuItem {
  caption: string;
  functionName: string;
}
interface Version {
  version: number;
  cursor: { sheet: string; row: number; column: number } | null;
  menus: { caption: string | null; items: (MenuItem | null)[] }[];
  toast: { message: string; title: string } | null;
  toasts: number;
}
interface WorkbookView extends Version {
  sheets: SheetView[];
}

const element = (id: string) => document.getElementById(id) as HTMLElement;
const gridElement = element("grid");
const tabsElement = element("tabs");
const statusElement = element("status");
const menuElement = element("menu");
const sidebarFrame = element("sidebar") as HTMLIFrameElement;
const secret = document.querySelector<HTMLMetaElement>('meta[name="playground-secret"]')?.content ?? "";
let view: WorkbookView | null = null;
let current = "Users";
let table: Tabulator | null = null;
let lastCursor = "";
let toastsSeen = 0;
/** The rows selected in the grid, per sheet: what the add-in's "selected rows" are. */
const selected = new Map<string, number[]>();
/** Blank rows the grid shows below a sheet's data to type into, as Sheets does: one, and more with "Add row". */
const blankRows = new Map<string, number>();
/** Rows deleted in the grid, last deletion last: Ctrl+Z or Undo puts them back, as in Sheets. */
const deletions: { sheet: string; rows: { row: number; values: string[] }[] }[] = [];

/** Every request carries the page's secret and sends JSON: the server refuses anything else. */
async function api<T>(path: string, body?: unknown): Promise<T> {
  const headers = { "content-type": "application/json", "x-playground-secret": secret };
  const response = await fetch(path, body === undefined ? { headers } : { method: "POST", headers, body: JSON.stringify(body) });
  return (await response.json()) as T;
}

/** A cell being typed into: a reload would lose the typing, so it waits. */
const editing = () => document.querySelector(".tabulator-editing") !== null;

async function load(): Promise<void> {
  const before = view;
  const next = await api<WorkbookView>("/api/workbook");
  // The person may have clicked into a cell while the sheets were on their way: the next poll reloads.
  if (before && editing()) return;
  view = next;
  carrySelection(before, view);
  // What the grid shows, for anyone (a test, a person's devtools) waiting for it to catch up with the server.
  document.body.dataset.version = String(view.version);
  if (!view.sheets.some((s) => s.name === current)) current = view.sheets[0]?.name ?? "";
  renderMenu(view);
  renderTabs();
  renderGrid();
  follow(view);
}

/**
 * Rows deleted or added move the others: the selection follows the rows it held (found again by their values), and
 * a deleted row leaves it, so that it never lands on a row the person did not select. The add-in is told.
 */
function carrySelection(before: WorkbookView | null, after: WorkbookView): void {
  for (const [name, rows] of selected) {
    const old = before?.sheets.find((s) => s.name === name);
    const now = after.sheets.find((s) => s.name === name);
    if (old && now && old.rows.length === now.rows.length) continue;
    const free = new Map<string, number[]>();
    (now?.rows ?? []).forEach((line, i) => {
      if (i > 0) free.set(JSON.stringify(line), [...(free.get(JSON.stringify(line)) ?? []), i + 1]);
    });
    const moved = rows.flatMap((row) => {
      const next = free.get(JSON.stringify(old?.rows[row - 1] ?? null))?.shift();
      return next === undefined ? [] : [next];
    });
    selected.set(name, moved);
    if (now) void api("/api/selection", { sheet: name, rows: moved });
  }
}

function say(text: string): void {
  statusElement.textContent = text;
}

/** The add-on menu, as the add-in's onOpen built it (Extensions ▸ the add-on, in Sheets). */
function renderMenu(version: Version): void {
  const items = version.menus.flatMap((menu) => menu.items).filter((item): item is MenuItem => item !== null);
  const key = JSON.stringify(items);
  if (menuElement.dataset.items === key) return;
  menuElement.dataset.items = key;
  menuElement.replaceChildren(
    ...items.map((item) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = item.caption;
      button.addEventListener("click", () => void runMenuItem(item));
      return button;
    }),
  );
}

async function runMenuItem(item: MenuItem): Promise<void> {
  say(`${item.caption}…`);
  const answer = await api<{ ok: boolean; error?: string }>("/api/menu", { function: item.functionName });
  say(answer.ok ? "" : `${item.caption}: ${answer.error}`);
  if (answer.ok && item.functionName === "showSidebar") sidebarFrame.src = "/sidebar";
}

function renderTabs(): void {
  tabsElement.replaceChildren(
    ...(view?.sheets ?? []).map((sheet) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = sheet.name;
      button.setAttribute("role", "tab");
      button.setAttribute("aria-selected", String(sheet.name === current));
      if (!sheet.editable) {
        button.classList.add("locked");
        button.title = "Written by the add-in: read-only";
      }
      button.addEventListener("click", () => {
        current = sheet.name;
        renderTabs();
        renderGrid();
      });
      return button;
    }),
  );
}

/** A text node: a cell or a header holding "<img onerror=…>" shows those characters and never runs them. */
function textOf(value: unknown): HTMLElement {
  const text = document.createElement("span");
  text.textContent = String(value ?? "");
  return text;
}

function renderGrid(): void {
  const sheet = view?.sheets.find((s) => s.name === current);
  if (!sheet) return;
  const [header = [], ...body] = sheet.rows;
  const hidden = new Set(sheet.hiddenRows);
  const blank = Array.from({ length: blankRows.get(sheet.name) ?? 1 }, () => [] as string[]);
  const data = [...body, ...(sheet.editable ? blank : [])]
    .map((line, i) => ({ _row: i + 2, ...Object.fromEntries(header.map((_, c) => [`c${c}`, line[c] ?? ""])) }))
    .filter((row) => !hidden.has(row._row));
  const marks = new Map(sheet.marks.map((m) => [`${m.row}:${m.column}`, m]));
  const formatter = (cell: CellComponent) => {
    const mark = marks.get(`${cell.getRow().getIndex()}:${Number(cell.getField().slice(1)) + 1}`);
    const cellElement = cell.getElement();
    cellElement.style.background = mark?.background ?? "";
    cellElement.title = mark?.note ?? "";
    return textOf(cell.getValue());
  };
  const columns = header.map((title, c) => ({
    title: "",
    // Tabulator puts a title in with innerHTML: the header is drawn as text by this formatter instead.
    titleFormatter: () => textOf(title || `Column ${c + 1}`),
    field: `c${c}`,
    // A column with a dropdown offers its choices as the person types, as Sheets does; other text is still typed.
    ...(sheet.editable ? editorOf(sheet.dropdowns[c + 1]) : {}),
    headerSort: false,
    formatter,
  }));
  table?.destroy();
  table = new Tabulator(gridElement, {
    data,
    columns: [
      {
        title: "#",
        field: "_row",
        width: 50,
        headerSort: false,
        frozen: true,
        // The row's own selector, as the row header in Sheets: the only click that selects.
        cellClick: (_e: UIEvent, cell: CellComponent) => cell.getRow().toggleSelect(),
      },
      ...columns,
    ],
    index: "_row",
    // The blank rows below the data, told apart for the eye (and for tests that count a sheet's rows).
    rowFormatter: (row: RowComponent) => {
      row.getElement().classList.toggle("blank-row", Number(row.getIndex()) > body.length + 1);
    },
    height: "100%",
    layout: "fitDataStretch",
    // Rows are selected only through their number: a click into a cell to edit it leaves the selection alone.
    selectableRows: "highlight",
  });
  // A reload keeps the rows the person had selected.
  const kept = (selected.get(sheet.name) ?? []).filter((row) => !hidden.has(row));
  table.on("tableBuilt", () => {
    if (kept.length) table?.selectRow(kept);
    // A header's own note and shade (Set up workspace marks the required columns), as Sheets shows them. The "#"
    // column comes first: sheet column i is grid column i + 1.
    table?.getColumns().forEach((column, i) => {
      const mark = i > 0 ? marks.get(`1:${i}`) : undefined;
      column.getElement().style.background = mark?.background ?? "";
      column.getElement().title = mark?.note ?? "";
    });
  });
  table.on("cellEdited", (cell: CellComponent) => {
    const column = Number(cell.getField().slice(1)) + 1;
    const edit = { sheet: sheet.name, row: cell.getRow().getIndex(), column, value: String(cell.getValue() ?? "") };
    void typeIntoCell(edit).then((answer) => {
      if (answer.ok) return;
      if (answer.error) say(answer.error);
      cell.restoreOldValue();
    });
  });
  table.on("rowSelectionChanged", (_data: unknown[], rows: RowComponent[]) => {
    const numbers = rows.map((r) => Number(r.getIndex()));
    if (JSON.stringify(numbers) === JSON.stringify(selected.get(sheet.name) ?? [])) return;
    selected.set(sheet.name, numbers);
    void api("/api/selection", { sheet: sheet.name, rows: numbers });
  });
  renderRowTools(sheet);
}

function editorOf(choices: string[] | undefined) {
  if (!choices?.length) return { editor: "input" as const };
  return {
    editor: "list" as const,
    editorParams: { values: choices, autocomplete: true, freetext: true, listOnEmpty: true, allowEmpty: true },
  };
}

/**
 * A person's edit of one cell. Over a warning-only protection Sheets asks first ("Edit anyway?"): the edit is sent
 * again, confirmed, only if the person says so.
 */
async function typeIntoCell(edit: object): Promise<{ ok: boolean; error?: string }> {
  const answer = await api<{ ok: boolean; error?: string; warning?: string }>("/api/cell", edit);
  if (answer.ok || answer.warning === undefined) return answer;
  const sure = window.confirm(
    `Heads up! You're trying to edit part of this sheet that shouldn't be changed accidentally: ${answer.warning}\n\nEdit anyway?`,
  );
  return sure ? api<{ ok: boolean; error?: string }>("/api/cell", { ...edit, confirmed: true }) : { ok: false };
}

/**
 * Add a blank row below the last one to type into, delete the selected rows (named and confirmed first: a selection
 * made long ago may be scrolled out of view), or undo the last deletion: as a person does in a sheet.
 */
function renderRowTools(sheet: SheetView): void {
  const button = (text: string, enabled: boolean, why: string, act: () => void) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.disabled = !enabled;
    if (!enabled) b.title = why;
    b.addEventListener("click", act);
    return b;
  };
  const locked = "Written by the add-in: read-only";
  const add = button("Add row", sheet.editable, locked, () => addBlankRow(sheet.name));
  const remove = button("Delete selected rows", sheet.editable, locked, () => void deleteSelected(sheet));
  const undo = button("Undo delete", deletions.length > 0, "Nothing deleted to undo", () => void undoDeletion());
  element("row-tools").replaceChildren(add, remove, undo);
}

function addBlankRow(sheet: string): void {
  blankRows.set(sheet, (blankRows.get(sheet) ?? 1) + 1);
  renderGrid();
  const last = table?.getRows().at(-1);
  if (last) void table?.scrollToRow(last, "bottom", false).catch(() => undefined);
}

/** What names a row to a person: its first and last name where the tab has them, else its first filled cell. */
function nameOf(sheet: SheetView, row: number): string {
  const [header = []] = sheet.rows;
  const line = sheet.rows[row - 1] ?? [];
  const at = (pattern: RegExp) => line[header.findIndex((h) => pattern.test(h))] ?? "";
  const name = `${at(/^first name/i)} ${at(/^last name/i)}`.trim();
  return name || line.find((v) => v !== "") || "blank";
}

async function deleteSelected(sheet: SheetView): Promise<void> {
  const rows = [...(selected.get(sheet.name) ?? [])].filter((row) => row <= sheet.rows.length).sort((a, b) => a - b);
  if (rows.length === 0) return say("Select rows by their number first.");
  const named = rows.map((row) => `row ${row}: ${nameOf(sheet, row)}`);
  const list = named.length > 8 ? [...named.slice(0, 8), `… and ${named.length - 8} more`] : named;
  const rowsWord = rows.length === 1 ? "row" : "rows";
  if (!window.confirm(`Delete ${rows.length} ${rowsWord} of ${sheet.name}?\n\n${list.join("\n")}`)) return;
  const removed = rows.map((row) => ({ row, values: sheet.rows[row - 1] ?? [] }));
  // From the bottom up, so that each number still names the row the person selected.
  for (const { row } of [...removed].reverse()) {
    const answer = await api<{ ok: boolean; error?: string }>("/api/rows", { sheet: sheet.name, delete: row });
    if (!answer.ok) return say(answer.error ?? "The row was not deleted.");
  }
  selected.set(sheet.name, []);
  deletions.push({ sheet: sheet.name, rows: removed });
  say(
    `Deleted ${rows.length} ${rowsWord} of ${sheet.name}. Ctrl+Z or Undo delete puts ${rows.length === 1 ? "it" : "them"} back.`,
  );
}

/** The last deletion undone: each row back where it was, with the values it had, top down. */
async function undoDeletion(): Promise<void> {
  const last = deletions.pop();
  if (!last) return;
  for (const { row, values } of last.rows) {
    const answer = await api<{ ok: boolean; error?: string }>("/api/rows", { sheet: last.sheet, restore: { row, values } });
    if (!answer.ok) return say(answer.error ?? "The row could not be put back.");
  }
  say(`Put back ${last.rows.length} ${last.rows.length === 1 ? "row" : "rows"} of ${last.sheet}.`);
}

document.addEventListener("keydown", (event) => {
  // Ctrl+Z in a cell being edited undoes the typing, not a deletion.
  if ((event.ctrlKey || event.metaKey) && event.key === "z" && !document.querySelector(".tabulator-editing")) {
    event.preventDefault();
    void undoDeletion();
  }
});

/** The sidebar moved the cursor (a click on a finding): show that sheet and row. A new toast shows in the status. */
function follow(version: Version): void {
  if (version.toasts !== toastsSeen && version.toast) {
    toastsSeen = version.toasts;
    say(`${version.toast.title}: ${version.toast.message}`);
  }
  const cursor = version.cursor;
  const key = cursor ? `${cursor.sheet}:${cursor.row}:${cursor.column}` : "";
  if (!cursor || key === lastCursor) return;
  lastCursor = key;
  if (cursor.sheet !== current) {
    current = cursor.sheet;
    renderTabs();
    renderGrid();
  }
  setTimeout(() => {
    void table?.scrollToRow(cursor.row, "center", false).catch(() => undefined);
    for (const r of table?.getRows() ?? []) r.getElement().classList.toggle("active-row", r.getIndex() === cursor.row);
  }, 50);
}

async function poll(): Promise<void> {
  try {
    const now = await api<Version>("/api/version");
    // Never reload under a cell being edited: the person's typing would be lost. The next poll reloads.
    if (view && now.version !== view.version && !editing()) await load();
    else {
      renderMenu(now);
      follow(now);
    }
  } catch {
    say("The playground server stopped.");
  }
  setTimeout(() => void poll(), 700);
}

void load().then(poll);

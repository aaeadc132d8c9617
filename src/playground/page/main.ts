import { type CellComponent, type RowComponent, TabulatorFull as Tabulator } from "tabulator-tables";

/**
 * The playground's grid: the workbook's sheets as the server sends them, editable where people edit them in Sheets,
 * read-only where the add-in writes. Edits and row selection go to the server; the grid reloads whenever the
 * server's version moves (the sidebar changed the workbook), and follows the sidebar when it selects a cell.
 */

interface SheetView {
  name: string;
  editable: boolean;
  rows: string[][];
  /** Validation's notes and colours, as Sheets shows them on the cells. */
  marks: { row: number; column: number; note: string; background: string | null }[];
}
interface Selection {
  sheet: string;
  rows: number[];
  active: { row: number; column: number } | null;
  shown?: { sheet: string; rows: number[] } | null;
}
interface WorkbookView {
  version: number;
  selection: Selection;
  sheets: SheetView[];
}

const gridElement = document.getElementById("grid") as HTMLElement;
const tabsElement = document.getElementById("tabs") as HTMLElement;
const statusElement = document.getElementById("status") as HTMLElement;
let view: WorkbookView | null = null;
let current = "Users";
let table: Tabulator | null = null;
let lastActive = "";

async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(
    path,
    body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
  );
  return (await response.json()) as T;
}

async function load(): Promise<void> {
  view = await api<WorkbookView>("/api/workbook");
  // What the grid shows, for anyone (a test, a person's devtools) waiting for it to catch up with the server.
  document.body.dataset.version = String(view.version);
  if (!view.sheets.some((s) => s.name === current)) current = view.sheets[0]?.name ?? "";
  renderTabs();
  renderGrid();
  followSelection(view.selection);
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

function renderGrid(): void {
  const sheet = view?.sheets.find((s) => s.name === current);
  if (!sheet) return;
  const [header = [], ...body] = sheet.rows;
  const shown = view?.selection.shown?.sheet === sheet.name ? new Set(view.selection.shown.rows) : null;
  const data = body
    .map((line, i) => ({ _row: i + 2, ...Object.fromEntries(header.map((_, c) => [`c${c}`, line[c] ?? ""])) }))
    .filter((row) => !shown || shown.has(row._row));
  const marks = new Map(sheet.marks.map((m) => [`${m.row}:${m.column}`, m]));
  const formatter = (cell: CellComponent) => {
    const mark = marks.get(`${cell.getRow().getIndex()}:${Number(cell.getField().slice(1)) + 1}`);
    const element = cell.getElement();
    element.style.background = mark?.background ?? "";
    element.title = mark?.note ?? "";
    // A text node: a cell holding "<img onerror=…>" shows those characters and never runs them.
    const text = document.createElement("span");
    text.textContent = String(cell.getValue() ?? "");
    return text;
  };
  const columns = header.map((title, c) => ({
    title: title || `Column ${c + 1}`,
    field: `c${c}`,
    editor: sheet.editable ? ("input" as const) : undefined,
    headerSort: false,
    formatter,
  }));
  table?.destroy();
  table = new Tabulator(gridElement, {
    data,
    columns: [{ title: "#", field: "_row", width: 50, headerSort: false, frozen: true }, ...columns],
    index: "_row",
    height: "100%",
    layout: "fitDataStretch",
    selectableRows: true,
  });
  // A reload keeps the rows the person had selected.
  const selected = view?.selection.sheet === sheet.name ? view.selection.rows : [];
  table.on("tableBuilt", () => {
    if (selected.length) table?.selectRow(selected);
  });
  table.on("cellEdited", (cell: CellComponent) => {
    const column = Number(cell.getField().slice(1)) + 1;
    void api("/api/cell", {
      sheet: sheet.name,
      row: cell.getRow().getIndex(),
      column,
      value: String(cell.getValue() ?? ""),
    }).then(remember);
  });
  table.on("rowSelectionChanged", (_data: unknown[], rows: RowComponent[]) => {
    void api("/api/selection", { sheet: sheet.name, rows: rows.map((r) => Number(r.getIndex())), active: null, shown: null });
  });
}

/** The sidebar selected a cell (a finding): show that sheet and row. */
function followSelection(selection: Selection): void {
  const key = selection.active ? `${selection.sheet}:${selection.active.row}:${selection.active.column}` : "";
  if (!selection.active || key === lastActive) return;
  lastActive = key;
  if (selection.sheet !== current) {
    current = selection.sheet;
    renderTabs();
    renderGrid();
  }
  const row = selection.active.row;
  setTimeout(() => {
    void table?.scrollToRow(row, "center", false).catch(() => undefined);
    for (const r of table?.getRows() ?? []) r.getElement().classList.toggle("active-row", r.getIndex() === row);
  }, 50);
}

function remember(answer: unknown): void {
  const version = (answer as { version?: number }).version;
  if (view && typeof version === "number") view.version = version;
}

async function poll(): Promise<void> {
  try {
    const now = await api<{ version: number; selection: Selection }>("/api/version");
    // Never reload under a cell being edited: the person's typing would be lost. The next poll reloads.
    const editing = document.querySelector(".tabulator-editing") !== null;
    if (view && now.version !== view.version && !editing) await load();
    else followSelection(now.selection);
    statusElement.textContent = "";
  } catch {
    statusElement.textContent = "The playground server stopped.";
  }
  setTimeout(() => void poll(), 700);
}

void load().then(poll);

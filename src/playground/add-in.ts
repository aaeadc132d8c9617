import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { SPREADSHEET_CALL_MS } from "../apps-script-runtime/execution-host";
import { type AppsScriptRuntime, type Outcome, startAppsScriptRuntime } from "../apps-script-runtime/runtime";
import type { SheetsDocument } from "../apps-script-runtime/spreadsheet/document";
import { Drive } from "../apps-script-runtime/spreadsheet/drive";
import { deleteRow, insertRow, restoreRow, selectRanges, typeIntoCell } from "../apps-script-runtime/spreadsheet/person-edits";
import { spreadsheetService } from "../apps-script-runtime/spreadsheet/service";
import { spreadsheetUrl } from "../apps-script-runtime/spreadsheet/spreadsheet";
import { loadDocument } from "../apps-script-runtime/spreadsheet/xlsx-load";
import { saveDocument } from "../apps-script-runtime/spreadsheet/xlsx-save";
import { PROTECTION_DESCRIPTION } from "../gas/sheets-workbook";
import { TAB_MARKERS } from "./tab-markers";
import { checkWorkbookFile } from "./workbook-file";

/** RingCentral's hosts as the add-in's manifest names them; the runtime sends both to the local sandbox. */
const RINGCENTRAL_HOSTS = ["https://platform.ringcentral.com", "https://platform.ringcentral.biz"];

export interface AddInOptions {
  workbookPath: string;
  /** dist/: Code.js, appsscript.json and sidebar.html, as clasp pushes them. */
  distDir: string;
  /** Where RingCentral's hosts lead (the local sandbox). */
  ringCentral: string;
  /** The person using the playground: the spreadsheet's owner. */
  person: string;
  /** Divides Apps Script's execution limits, as the sandbox's time scale divides RingCentral's windows. */
  timeScale?: number;
  /** Other spreadsheets the add-in may open by link (a customer's sheet): workbook files, never saved back. */
  others?: OtherSpreadsheetFile[];
}

export interface OtherSpreadsheetFile {
  path: string;
  /** Shared with the person to view (true unless told): false stands for a sheet they were not given. */
  shared?: boolean;
}

/** Another spreadsheet as the person finds it: the link to paste into the import wizard. */
export interface OtherSpreadsheet {
  path: string;
  name: string;
  url: string;
}

/** Who owns the other spreadsheets: the customer who sent them. */
const CUSTOMER = "customer@example.com";

/** What a grid edit did: the onEdit it fired, or Sheets' refusal. */
export type EditAnswer =
  | { ok: true; onEdit?: Outcome }
  | { ok: false; error: string }
  /** A warning-only protection covers the cell: nothing written until the person confirms (`confirmed`). */
  | { ok: false; warning: string };

/**
 * The add-in as the playground runs it: the built dist/Code.js in the local Apps Script runtime, over the workbook
 * file loaded as a spreadsheet. Whatever changes the spreadsheet (an execution, a person's edit) is saved to the
 * file, one save at a time, before the answer goes back.
 */
/** What the grid's row tools ask: delete a row, insert a blank one, or put a deleted one back with its values. */
export type RowChangeRequest =
  | { sheet: string; delete: number }
  | { sheet: string; insertAfter: number }
  | { sheet: string; restore: { row: number; values: string[] } };

export class PlaygroundAddIn {
  private saving: Promise<void> = Promise.resolve();
  private savedAt = -1;

  private constructor(
    readonly document: SheetsDocument,
    readonly runtime: AppsScriptRuntime,
    private readonly options: AddInOptions,
    readonly others: OtherSpreadsheet[],
  ) {
    this.savedAt = document.changes;
  }

  static async open(options: AddInOptions): Promise<PlaygroundAddIn> {
    for (const path of [options.workbookPath, ...(options.others ?? []).map((other) => other.path)])
      await checkWorkbookFile(path);
    const document = await loadDocument(options.workbookPath, {
      id: "playground-spreadsheet",
      people: { owner: options.person, editors: [options.person], domain: null },
      fileProtection: PROTECTION_DESCRIPTION,
      names: TAB_MARKERS,
    });
    const drive = new Drive();
    const others = await Promise.all((options.others ?? []).map((file, i) => openOther(file, i, options.person, drive)));
    const dist = (file: string) => readFile(join(options.distDir, file), "utf8");
    const runtime = startAppsScriptRuntime({
      code: await dist("Code.js"),
      manifest: JSON.parse(await dist("appsscript.json")),
      files: { sidebar: await dist("sidebar.html") },
      services: [spreadsheetService(document, drive)],
      routes: Object.fromEntries(RINGCENTRAL_HOSTS.map((host) => [host, options.ringCentral])),
      user: options.person,
      ...(options.timeScale ? { timeScale: options.timeScale } : {}),
      // Each SpreadsheetApp call costs what it would in Sheets, on the same scaled clock as the limits.
      latencyMs: { SpreadsheetApp: SPREADSHEET_CALL_MS / (options.timeScale ?? 1) },
    });
    return new PlaygroundAddIn(document, runtime, options, others);
  }

  /** A function run as the sidebar (`server`), a menu item (`menu`) or the document's opening (`trigger`) runs it. */
  async run(kind: "server" | "menu" | "trigger", name: string, args: unknown[] = []): Promise<Outcome> {
    const outcome = await this.runtime.run(
      kind === "trigger"
        ? // The add-on is installed and used in this document, so onOpen runs as a simple trigger in LIMITED.
          { function: name, kind, event: { source: null }, authMode: "LIMITED" }
        : { function: name, kind, args },
    );
    await this.save();
    return outcome;
  }

  /** The person types into a cell, then Sheets fires the simple onEdit trigger with the edit's event. */
  async type(at: { sheet: string; row: number; column: number; text: string; confirmed?: boolean }): Promise<EditAnswer> {
    const locked = this.locked(at.sheet);
    if (locked) return locked;
    // Sheets asks first when a warning-only protection covers the cell, and writes only once the person confirms.
    const area = { row: at.row, column: at.column, numRows: 1, numColumns: 1 };
    const warnings = this.document.sheetByName(at.sheet)?.warningsOver(area) ?? [];
    if (warnings.length && !at.confirmed) return { ok: false, warning: warnings.map((w) => w.description).join(" ") };
    const edit = this.attempt(() => typeIntoCell(this.document, this.options.person, at));
    if ("error" in edit) return { ok: false, error: edit.error };
    await this.save();
    const { range, value, oldValue } = edit.done;
    const onEdit = await this.runtime.run({
      function: "onEdit",
      kind: "trigger",
      event: { range, value, oldValue },
    });
    await this.save();
    return { ok: true, onEdit };
  }

  /**
   * A row inserted below `after`, deleted, or a deleted row put back (Ctrl+Z), as the grid's row tools do (Sheets
   * fires no onEdit for these).
   */
  async changeRows(change: RowChangeRequest): Promise<EditAnswer> {
    const locked = this.locked(change.sheet);
    if (locked) return locked;
    const person = this.options.person;
    const { sheet } = change;
    const done = this.attempt(() =>
      "delete" in change
        ? deleteRow(this.document, person, { sheet, row: change.delete })
        : "restore" in change
          ? restoreRow(this.document, person, { sheet, ...change.restore })
          : insertRow(this.document, person, { sheet, after: change.insertAfter }),
    );
    if ("error" in done) return { ok: false, error: done.error };
    await this.save();
    return { ok: true };
  }

  /** The rows the person selected in the grid, as the add-in's selection reads them; none leaves the cursor in A1. */
  select(sheet: string, rows: number[]): void {
    const areas = (rows.length ? rows : [1]).map((row) => ({ row, column: 1, numRows: 1, numColumns: 1 }));
    this.attempt(() => selectRanges(this.document, this.options.person, sheet, areas));
  }

  get person(): string {
    return this.options.person;
  }

  async close(): Promise<void> {
    await this.saving;
    await this.runtime.close();
  }

  /**
   * The grid never writes a protected tab (the ones the add-in writes: Sync Ledger, account tabs). In Sheets an
   * editor could, once past the protection's warning; the playground keeps them read-only.
   */
  private locked(sheet: string): { ok: false; error: string } | null {
    // Protections of ranges (the sync-written columns' warnings) leave the sheet editable, as in Sheets.
    const protectedSheet = this.document.sheetByName(sheet)?.protections.some((p) => !p.area) ?? false;
    return protectedSheet ? { ok: false, error: `${sheet} is written by the add-in and protected: it is read-only here.` } : null;
  }

  /** Sheets' refusal (a protected cell, a row out of bounds) as a value; anything else is a bug and throws. */
  private attempt<T>(edit: () => T): { done: T } | { error: string } {
    try {
      return { done: edit() };
    } catch (error) {
      if (error instanceof Error && error.name === "Exception") return { error: error.message };
      throw error;
    }
  }

  /** Saves when the spreadsheet changed since the last save; saves follow one another. */
  private save(): Promise<void> {
    const next = this.saving.then(async () => {
      const changes = this.document.changes;
      if (changes === this.savedAt) return;
      await saveDocument(this.document, this.options.workbookPath, TAB_MARKERS);
      this.savedAt = changes;
    });
    this.saving = next.catch(() => undefined);
    return next;
  }
}

/** A workbook file loaded as a spreadsheet of the customer's, in the Drive, with an id made from its file name. */
async function openOther(file: OtherSpreadsheetFile, index: number, person: string, drive: Drive): Promise<OtherSpreadsheet> {
  const slug = basename(file.path)
    .replace(/\.xlsx$/i, "")
    .replace(/[^A-Za-z0-9_-]+/g, "-");
  const id = `customer-sheet-${index + 1}-${slug}`;
  const viewers = file.shared === false ? [] : [person];
  const document = await loadDocument(file.path, {
    id,
    people: { owner: CUSTOMER, editors: [CUSTOMER], viewers, domain: null },
    names: TAB_MARKERS,
  });
  drive.add(document);
  return { path: file.path, name: document.name, url: spreadsheetUrl(id) };
}

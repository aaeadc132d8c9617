import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { cellText } from "../domain/cell";
import { TABS } from "../domain/tabs";
import { XlsxWorkbook } from "../node/xlsx-workbook";
import type { ConnectionSettings } from "../server/connection";
import { serverFunctions } from "../server/functions";
import { type AnyServerFunction, invoke } from "../server/server-function";
import { locateTabs } from "../workbook/tab-location";
import { type GridSelection, playgroundHome } from "./playground-home";

export interface PlaygroundOptions {
  workbookPath: string;
  /** Where the built page and sidebar are (dist/). */
  distDir: string;
  port?: number;
  /** The RingCentral the sidebar is first connected to: the embedded sandbox. */
  connection?: ConnectionSettings;
}

export interface RunningPlayground {
  url: string;
  close(): Promise<void>;
}

/**
 * `npm start`'s web server, on loopback only: the grid page, the real built sidebar, the workbook as JSON for the
 * grid, and the bridge that lets the sidebar call the server's functions (only those) over HTTP. Every change is
 * saved to the .xlsx file before the answer goes back; requests are handled one at a time, as Apps Script does.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const workbook = await XlsxWorkbook.open(options.workbookPath);
  const changes = countChanges(workbook);
  const state = {
    selection: { sheet: "Users", rows: [], active: null } as GridSelection,
    connection: options.connection ?? null,
    version: 1,
  };
  const home = playgroundHome(changes.workbook, state);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const routes: Record<string, (body: unknown) => Promise<unknown>> = {
    "GET /api/workbook": async () => ({ version: state.version, selection: state.selection, sheets: sheetsOf(workbook) }),
    "GET /api/version": async () => ({ version: state.version, selection: state.selection }),
    "POST /api/cell": async (body) => {
      const { sheet, row, column, value } = body as { sheet: string; row: number; column: number; value: string };
      changes.workbook.write(sheet, { row, column, values: [[value]] });
      await saved();
      return { version: state.version };
    },
    "POST /api/selection": async (body) => {
      // The grid reports what is selected; which rows a filter shows stays the server's.
      state.selection = { ...(body as GridSelection), shown: state.selection.shown ?? null };
      return { ok: true };
    },
  };

  /** Saves and moves the version (the grid reloads on it) only when the workbook or the filter changed. */
  let shownBefore = JSON.stringify(state.selection.shown ?? null);
  const saved = async () => {
    const shown = JSON.stringify(state.selection.shown ?? null);
    if (changes.take() === 0 && shown === shownBefore) return;
    shownBefore = shown;
    await workbook.save(options.workbookPath);
    state.version++;
  };

  const server = createServer((request, response) => {
    serial(() => handle(request, response)).catch((error: unknown) => reply(response, 500, { error: String(error) }));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://playground.invalid");
    const key = `${request.method} ${url.pathname}`;
    if (request.method === "GET" && (url.pathname === "/" || url.pathname === "/sidebar")) {
      const file = url.pathname === "/" ? "playground.html" : "sidebar.html";
      const html = await readFile(join(options.distDir, file), "utf8").catch(() => null);
      if (html === null) return reply(response, 500, { error: `dist/${file} is missing: run npm run build.` });
      response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      response.end(html);
      return;
    }
    const body = request.method === "POST" ? await readJson(request) : undefined;
    const route = routes[key];
    if (route) return reply(response, 200, await route(body));
    const name = url.pathname.startsWith("/rpc/") ? decodeURIComponent(url.pathname.slice(5)) : "";
    // Only the server's own functions can be called: not a route, not a property of the table's prototype.
    if (request.method !== "POST" || !Object.hasOwn(serverFunctions, name))
      return reply(response, 404, { error: `No such function: ${name || url.pathname}` });
    try {
      const fn = serverFunctions[name as keyof typeof serverFunctions] as AnyServerFunction;
      const result = await invoke(name, fn, home, body ?? undefined);
      await saved();
      return reply(response, 200, { result: result ?? null });
    } catch (error) {
      await saved();
      return reply(response, 400, { error: error instanceof Error ? error.message : String(error) });
    }
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const CHANGING = new Set(["addSheet", "setMarker", "write", "deleteRows", "mark", "applyLayout"]);

/** The workbook, counting the calls that change it, so that a read-only call neither saves nor reloads the grid. */
function countChanges(workbook: XlsxWorkbook): { workbook: XlsxWorkbook; take(): number } {
  let count = 0;
  const counted = new Proxy(workbook, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== "function" || !CHANGING.has(String(key))) return value;
      return (...args: unknown[]) => {
        count++;
        return value.apply(target, args);
      };
    },
  });
  return {
    workbook: counted,
    take: () => {
      const taken = count;
      count = 0;
      return taken;
    },
  };
}

/** Every sheet as the grid shows it: cells as text, whether people may edit it, and validation's marks. */
function sheetsOf(workbook: XlsxWorkbook) {
  const located = locateTabs(workbook);
  const editable = new Set(TABS.filter((t) => t.editable).map((t) => located.get(t.id)));
  return workbook.sheets().map(({ name }) => {
    const rows = workbook.read(name);
    const width = rows[0]?.length ?? 0;
    const marks =
      editable.has(name) && rows.length > 1 && width > 0
        ? workbook
            .marks(name, { row: 2, column: 1, rows: rows.length - 1, columns: width })
            .flatMap((line, r) =>
              line.flatMap((mark, c) => (mark.note || mark.background ? [{ row: r + 2, column: c + 1, ...mark }] : [])),
            )
        : [];
    return { name, editable: editable.has(name), rows: rows.map((line) => line.map((cell) => cellText(cell))), marks };
  });
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let text = "";
  for await (const chunk of request) text += chunk;
  return text ? JSON.parse(text) : undefined;
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}

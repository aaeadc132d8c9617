import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { type OtherSpreadsheetFile, PlaygroundAddIn, type RowChangeRequest } from "./add-in";
import { RequestGuard } from "./request-guard";
import { decodeRunArguments } from "./run-arguments";
import { cursorOf, sheetsOf } from "./workbook-view";

export interface PlaygroundOptions {
  workbookPath: string;
  /** Where the built add-in, page and sidebar are (dist/). */
  distDir: string;
  /** The local RingCentral sandbox, which RingCentral's hosts lead to. */
  ringCentral: string;
  port?: number;
  /** The person using the playground; you@example.com by default. */
  person?: string;
  /** Divides Apps Script's execution limits (the sandbox's time scale). */
  timeScale?: number;
  /** Other spreadsheets the add-in may open by link (`npm start -- --open FILE`). */
  others?: OtherSpreadsheetFile[];
  /** A JWT credential the person is first connected with, to production (which leads to the sandbox). */
  credential?: { clientId: string; clientSecret?: string; jwt: string };
}

export interface RunningPlayground {
  url: string;
  addIn: PlaygroundAddIn;
  /** The secret the pages carry: for tests that call the API as the page does. */
  secret: string;
  close(): Promise<void>;
}

/** Requests the page may send, each answered with JSON; the add-in's own functions go through /exec/<name>. */
type Route = (addIn: PlaygroundAddIn, body: Record<string, unknown>) => Promise<unknown>;

const ROUTES: Record<string, Route> = {
  "GET /api/workbook": async (addIn) => ({ ...versionOf(addIn), sheets: sheetsOf(addIn.document) }),
  "GET /api/version": async (addIn) => versionOf(addIn),
  "GET /api/spreadsheets": async (addIn) => ({ spreadsheets: addIn.others.map(({ name, url }) => ({ name, url })) }),
  "POST /api/cell": async (addIn, body) =>
    addIn.type({
      sheet: String(body.sheet),
      row: Number(body.row),
      column: Number(body.column),
      text: String(body.value),
      confirmed: body.confirmed === true,
    }),
  "POST /api/rows": async (addIn, body) => addIn.changeRows(rowChangeOf(body)),
  "POST /api/selection": async (addIn, body) => {
    addIn.select(String(body.sheet), Array.isArray(body.rows) ? body.rows.map(Number) : []);
    return { ok: true };
  },
  "POST /api/menu": async (addIn, body) => {
    // Only what the add-in put in its menu, as Sheets offers only that.
    const offered = addIn.document.viewOf(addIn.person).menus.flatMap((menu) => menu.items);
    if (!offered.some((item) => item?.functionName === body.function)) return { ok: false, error: "Not on the menu." };
    const outcome = await addIn.run("menu", String(body.function));
    return outcome.ok ? { ok: true } : { ok: false, error: outcome.error };
  },
};

/** A row to delete, a blank one to insert, or a deleted one to put back with its values (the grid's undo). */
function rowChangeOf(body: Record<string, unknown>): RowChangeRequest {
  const sheet = String(body.sheet);
  if (body.delete !== undefined) return { sheet, delete: Number(body.delete) };
  const restore = body.restore as { row?: unknown; values?: unknown } | undefined;
  if (restore !== undefined)
    return {
      sheet,
      restore: { row: Number(restore.row), values: Array.isArray(restore.values) ? restore.values.map(String) : [] },
    };
  return { sheet, insertAfter: Number(body.insertAfter ?? 0) };
}

/**
 * `npm start`'s web server, on loopback only: the grid page, the sidebar the add-in's `showSidebar` made (with
 * google.script.run), the spreadsheet for the grid, a person's edits (which fire the add-in's onEdit), the add-on
 * menu, and google.script.run's calls, each run as an execution of dist/Code.js in the local Apps Script runtime.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const addIn = await PlaygroundAddIn.open({ ...options, person: options.person ?? "you@example.com" });
  const guard = new RequestGuard();
  // The spreadsheet is opened: onOpen builds the add-on menu, and the person opens the sidebar from it.
  await addIn.run("trigger", "onOpen");
  await addIn.run("menu", "showSidebar");
  if (options.credential) await connect(addIn, options.credential);

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => reply(response, 500, { error: String(error) }));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const page = request.method === "GET" && (path === "/" || path === "/sidebar" || path === "/favicon.ico");
    const refusal = guard.refusal(request, page ? "page" : "api");
    if (refusal) return reply(response, 403, { error: refusal });
    if (path === "/favicon.ico") return void response.writeHead(204).end();
    if (page) return servePage(response, path === "/" ? await playgroundPage() : sidebarPage());
    const body = request.method === "POST" ? await readJson(request) : {};
    if (body === null) return reply(response, 400, { error: "The body is not JSON." });
    if (request.method === "POST" && path.startsWith("/exec/")) return execute(response, path.slice(6), body);
    const route = ROUTES[`${request.method} ${path}`];
    if (!route) return reply(response, 404, { error: `No such route: ${path}` });
    return reply(response, 200, await route(addIn, body));
  }

  /** A google.script.run call: the runtime decides what Apps Script would refuse (names, argument types). */
  async function execute(response: ServerResponse, name: string, body: Record<string, unknown>): Promise<void> {
    const outcome = await addIn.run("server", decodeURIComponent(name), decodeRunArguments(body.args));
    reply(response, 200, outcome.ok ? { value: outcome.value ?? null } : { error: outcome.error });
  }

  async function playgroundPage(): Promise<string> {
    const html = await readFile(join(options.distDir, "playground.html"), "utf8");
    return html.replace("__PLAYGROUND_SECRET__", guard.secret);
  }

  /** What the add-in's showSidebar put in the sidebar, with google.script.run as Google injects it. */
  function sidebarPage(): string {
    const shown = addIn.document.viewOf(addIn.person).sidebar;
    if (!shown) return "<!DOCTYPE html><p>Open the sidebar from the add-on menu.</p>";
    const script = `<script>${googleScriptRun.replace("__PLAYGROUND_SECRET__", guard.secret)}</script>`;
    return shown.html.replace(/<head>/i, (head) => `${head}${script}`);
  }

  const googleScriptRun = (await readFile(join(options.distDir, "google-script-run.js"), "utf8")).replace(
    /<\/script/gi,
    "<\\/script",
  );
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  guard.listening(port);
  return {
    url: `http://127.0.0.1:${port}`,
    addIn,
    secret: guard.secret,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await addIn.close();
    },
  };
}

/** The person connects as the sidebar's Account panel does. */
async function connect(addIn: PlaygroundAddIn, credential: NonNullable<PlaygroundOptions["credential"]>): Promise<void> {
  const outcome = await addIn.run("server", "connect", [{ server: "https://platform.ringcentral.com", ...credential }]);
  const answer = outcome.value as { connected?: boolean; message?: string } | undefined;
  if (!outcome.ok || !answer?.connected) throw new Error(`Connecting to the sandbox failed: ${outcome.error ?? answer?.message}`);
}

/** What the grid polls: the spreadsheet's change count, the cursor, the menu and the last toast. */
function versionOf(addIn: PlaygroundAddIn) {
  const view = addIn.document.viewOf(addIn.person);
  return {
    version: addIn.document.changes,
    cursor: cursorOf(addIn.document, addIn.person),
    menus: view.menus,
    toast: view.toasts.at(-1) ?? null,
    toasts: view.toasts.length,
  };
}

/** A JSON object body, {} when empty, null when it is not JSON or not an object. */
async function readJson(request: IncomingMessage): Promise<Record<string, unknown> | null> {
  let text = "";
  for await (const chunk of request) text += chunk;
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function servePage(response: ServerResponse, html: string): void {
  response.writeHead(200, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    // No other site may frame the playground (it would click in it for the person).
    "content-security-policy": "frame-ancestors 'self'",
    "x-frame-options": "SAMEORIGIN",
  });
  response.end(html);
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  response.end(JSON.stringify(body));
}

/**
 * `npm start`: the whole product on this machine, offline. Starts the RingCentral sandbox and the playground (the
 * workbook's grid beside the sidebar, the built dist/Code.js run by the local Apps Script runtime, RingCentral's
 * hosts led to the sandbox), on loopback, and prints the address. The person starts connected to "production" with
 * the sandbox's JWT credential. The workbook is an .xlsx
 * file: demo/workspace.xlsx by default, made with demo users on first start; `--workbook PATH` for another, which is
 * made as an empty, set-up workspace when it does not exist (`--demo` makes it with demo users instead), the way a
 * person starts with a customer's list. Edits persist to it. `--open FILE` (repeatable) makes another .xlsx a Google spreadsheet of a customer's,
 * shared with the person: its link, printed here, opens it in the import wizard. Ctrl-C stops both.
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { FetchTransport } from "../src/node/fetch-transport";
import { XlsxWorkbook } from "../src/node/xlsx-workbook";
import { startPlayground } from "../src/playground/server";
import { RingCentralClient } from "../src/ringcentral/client";
import { startSandbox } from "../src/sandbox/index";
import { fetchAccountState } from "../src/sync/account-snapshot";
import { writeAccountState } from "../src/workbook/account-tabs";
import { writeDemoWorkspace } from "../src/workbook/demo-workspace";
import { setUpWorkspace } from "../src/workbook/setup";

/** A refusal is one line and exit status 1, never a stack trace: a wrong --workbook is the likely one. */
function fail(error: unknown): never {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const DEMO_WORKBOOK = join("demo", "workspace.xlsx");
const { values } = (() => {
  try {
    return parseArgs({
      options: {
        workbook: { type: "string" },
        demo: { type: "boolean", default: false },
        port: { type: "string", default: "8787" },
        "time-scale": { type: "string", default: "10" },
        open: { type: "string", multiple: true, default: [] },
      },
    });
  } catch (error) {
    fail(error);
  }
})();
const workbookPath = resolve(values.workbook ?? DEMO_WORKBOOK);
// Plain `npm start` is the demo; a workbook named by the person starts empty unless they ask for the demo.
const withDemoUsers = values.demo || values.workbook === undefined;
const root = join(dirname(new URL(import.meta.url).pathname), "..");

// The workbook is opened once before anything starts, so a file that is not a workbook stops here, in one line.
if (existsSync(workbookPath)) await XlsxWorkbook.open(workbookPath).catch(fail);

const sandbox = await startSandbox({
  seed: 1,
  timeScale: Number(values["time-scale"]),
  stateFile: join(dirname(workbookPath), "sandbox-state.json"),
}).catch(fail);
const connection = {
  server: sandbox.serverUrl,
  clientId: sandbox.clientId,
  clientSecret: sandbox.clientSecret,
  jwt: sandbox.jwt,
};
const playground = await startWithWorkbook().catch(async (error: unknown) => {
  await sandbox.close();
  fail(error);
});

console.log(`rcsheets playground: ${playground.url}`);
console.log(`  workbook  ${workbookPath}`);
console.log(`  sandbox   ${sandbox.serverUrl} (time ×${values["time-scale"]}; its account is kept beside the workbook)`);
for (const other of playground.addIn.others) console.log(`  open      ${other.url} (${other.path})`);
console.log("Ctrl-C stops it.");

const stop = async () => {
  await playground.close();
  await sandbox.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());

async function startWithWorkbook() {
  if (!existsSync(workbookPath)) await createWorkbook();
  return startPlayground({
    workbookPath,
    distDir: join(root, "dist"),
    port: Number(values.port),
    ringCentral: sandbox.serverUrl,
    timeScale: Number(values["time-scale"]),
    credential: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, jwt: sandbox.jwt },
    others: (values.open ?? []).map((path) => ({ path: resolve(path) })),
  });
}

/**
 * The demo: the template with demo users and the sandbox's account already in the account tabs. Otherwise an empty,
 * set-up workspace, as `rcsheets template` writes it: the account is read when the person connects.
 */
async function createWorkbook(): Promise<void> {
  mkdirSync(dirname(workbookPath), { recursive: true });
  const workbook = XlsxWorkbook.create();
  if (withDemoUsers) {
    writeDemoWorkspace(workbook, { users: 24, errorRate: 0.15, seed: 7 });
    const client = new RingCentralClient({ ...connection, transport: new FetchTransport() });
    writeAccountState(workbook, await fetchAccountState(client), new Date().toISOString());
  } else setUpWorkspace(workbook);
  await workbook.save(workbookPath);
  console.log(`Made ${workbookPath}: ${withDemoUsers ? "a demo workspace" : "an empty workspace"}.`);
}

import { startSandbox } from "./src/sandbox/index";
import { MemoryWorkbook } from "./src/workbook/memory-workbook";
import { FetchTransport } from "./src/node/fetch-transport";
import { RingCentralClient } from "./src/ringcentral/client";
import { systemClock } from "./src/ringcentral/clock";
import { setUpWorkspace } from "./src/workbook/setup";
import { previewSync } from "./src/sync/preview";
import { runSyncChunk } from "./src/sync/runner";
import { readWorkspace } from "./src/workbook/workspace-reader";
import { generatedUsers, SITES } from "./bench/sync";
import { columnIndex, encodeRows } from "./src/workbook/codec";
import { USERS_TAB } from "./src/domain/tabs";
const log: string[] = [];
class W extends MemoryWorkbook {
  override sheets() { log.push("sheets"); return super.sheets(); }
  override read(s: string) { log.push(`read ${s}`); return super.read(s); }
  override write(s: string, b: any) { log.push(`write ${s} ${b.values.length}x${b.values[0]?.length}`); return super.write(s, b); }
  override deleteRows(s: string, r: number, c: number) { log.push(`delete ${s}`); return super.deleteRows(s, r, c); }
  override mark(s: string, b: any) { log.push(`mark ${s}`); return super.mark(s, b); }
  override applyLayout(s: string, l: any) { log.push(`layout ${s}`); return super.applyLayout(s, l); }
}
const sandbox = await startSandbox({ timeScale: 100, seed: 3, users: 20, lines: 160 });
const client = new RingCentralClient({ ...sandbox, server: sandbox.serverUrl, transport: new FetchTransport(30000) });
const workbook = new W(); setUpWorkspace(workbook);
const home = { workbook, client, clock: systemClock };
await previewSync(home, { sites: [] });
const rows = generatedUsers(readWorkspace(workbook).workspace.account.lines, 100);
const header = workbook.read("Users")[0] ?? [];
workbook.write("Users", { row: 2, column: 1, values: encodeRows(columnIndex(USERS_TAB, header), header.length, rows) });
log.length = 0;
await runSyncChunk(home, { scope: { sites: SITES }, budgetMs: 300 });
console.log(log.join("\n"));
await sandbox.close();

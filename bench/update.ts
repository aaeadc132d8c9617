import { parseArgs } from "node:util";
import { startSandbox } from "../src/sandbox/index";
import { AppsScriptHome } from "./apps-script";
import { CountingProxy } from "./counting-proxy";
import { accountRead, add, floorSeconds, type GroupCalls } from "./floor";
import { accountSize, generatedUsers, SITES } from "./sync";
import { round } from "./timing";

const round3 = (n: number) => round(n, 3);
const SHEETS_LATENCY_MS = 100;

/**
 * update: N users synced first (not measured), then each one's Dept changed in the sheet and the sync run again as
 * the sidebar runs it in Apps Script (dist/Code.js in the runtime, chunk by chunk). The floor is what the update
 * needs: the account read before and after, and one bulk task per 500 users with one look at it. Beside it, what N
 * single updates (a Medium PUT each) would need at the least, and the share of that this run took.
 */
export async function updateBench(args: string[]): Promise<object> {
  const { values } = parseArgs({
    args,
    options: {
      users: { type: "string", default: "1000" },
      "time-scale": { type: "string", default: "100" },
      "apps-script": { type: "boolean", default: true },
      dist: { type: "string" },
    },
  });
  const users = Number(values.users);
  const timeScale = Number(values["time-scale"]);
  const sandbox = await startSandbox({ timeScale, seed: 3, users: 20, lines: Math.ceil(users * 1.6) });
  const proxy = new CountingProxy(sandbox.serverUrl);
  const server = await proxy.start();
  const home = new AppsScriptHome(sandbox, { server, timeScale, sheetsLatencyMs: SHEETS_LATENCY_MS, dist: values.dist });
  try {
    await home.prepare();
    home.writeUsers(generatedUsers(home.lines(), users));
    await home.sync(SITES);
    const account = accountSize(sandbox);
    home.setCells("dept", new Map(home.users().map((u) => [u.row, `Team ${u.row % 7}`])));
    proxy.reset();
    const started = performance.now();
    const figures = await home.sync(SITES);
    const seconds = (performance.now() - started) / 1000;
    const updated = home.users().filter((u) => u.status === "Synced" && u.message.startsWith("Updated")).length;
    const needed: GroupCalls = {};
    accountRead(needed, account);
    accountRead(needed, account);
    const tasks = Math.ceil(users / 500);
    add(add(needed, "heavy", tasks), "light", tasks);
    const floor = floorSeconds(needed, timeScale);
    const singles = floorSeconds({ medium: users }, timeScale);
    return {
      name: "update",
      home: "apps-script",
      users,
      updated,
      seconds: round3(seconds),
      time_scale: timeScale,
      chunks: figures.chunks,
      http_429: proxy.counts.http_429,
      calls: proxy.counts.calls,
      calls_needed: needed,
      sheets_calls_max_per_execution: figures.sheetsCallsMax,
      floor_seconds: round3(floor),
      // Everything the update needs fits in one window of each group: then there is no floor to divide by.
      ratio_to_floor: floor > 0 ? round3(seconds / floor) : null,
      single_updates_floor_seconds: round3(singles),
      share_of_single_updates: round3(seconds / singles),
    };
  } finally {
    await home.close();
    await proxy.close();
    await sandbox.close();
  }
}

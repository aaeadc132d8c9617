/**
 * `npm start`, until the local playground lands: writes a demo workspace and validates it with the CLI, as a
 * person would from the shell.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";

const workbook = join("demo", "workspace.xlsx");
const cli = (...args: string[]) => spawnSync("npx", ["tsx", "src/node/cli/main.ts", ...args], { stdio: "inherit" });

mkdirSync("demo", { recursive: true });
if (!existsSync(workbook)) cli("demo", "--out", workbook);
else console.log(`Using ${workbook} (delete it for a fresh demo).`);
const result = cli("validate", workbook);
console.log(`\nOpen ${workbook} in a spreadsheet, fix what is flagged, and run npm start again.`);
process.exit(result.status === 1 ? 0 : (result.status ?? 1));

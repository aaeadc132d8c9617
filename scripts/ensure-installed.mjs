/**
 * Before `npm start` and `npm test`: the packages the lock file names, installed. Plain Node (no dependency), since
 * it runs on a fresh clone before anything is installed. `npm ci` runs when node_modules is missing or any package
 * in it differs from package-lock.json (npm's own record of what it installed, node_modules/.package-lock.json).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Every installed package path with its version, as a lock file lists them (the root project left out). */
function packagesOf(lockPath) {
  if (!existsSync(lockPath)) return null;
  const packages = JSON.parse(readFileSync(lockPath, "utf8")).packages ?? {};
  return new Map(
    Object.entries(packages)
      .filter(([path, entry]) => path !== "" && !entry.extraneous)
      .map(([path, entry]) => [path, { version: entry.version ?? entry.resolved ?? "", optional: entry.optional === true }]),
  );
}

function differs(wanted, installed) {
  if (!installed) return true;
  for (const [path, { version, optional }] of wanted) {
    const found = installed.get(path);
    // Optional packages for other platforms (esbuild's, Biome's) are in the lock but never installed here.
    if (!found) {
      if (!optional) return true;
    } else if (found.version !== version) return true;
  }
  return false;
}

const wanted = packagesOf(join(root, "package-lock.json"));
const installed = packagesOf(join(root, "node_modules", ".package-lock.json"));
if (wanted && differs(wanted, installed)) {
  console.log("Installing the packages package-lock.json names (npm ci)…");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
}

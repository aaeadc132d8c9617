/**
 * Before the browser tests: find Chromium; install Debian's package where we can (as root); otherwise say exactly
 * what to install. Playwright's own browser download cannot work here (no network but the package registries).
 */
import { execFileSync } from "node:child_process";
import { findChromium } from "./chromium";

if (!findChromium()) {
  if (process.getuid?.() === 0) {
    console.log("Chromium is missing: installing Debian's chromium package for the browser tests…");
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  }
  if (!findChromium()) {
    console.error("The browser tests need Chromium. Install it with: sudo apt-get install chromium (or set CHROMIUM_PATH).");
    process.exit(1);
  }
}

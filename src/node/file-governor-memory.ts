import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { GovernorMemory, GovernorState } from "../ringcentral/governor";

/**
 * The rate governor's state in a file beside the token (`….governor.json`, 0600): a CLI run started right after
 * another paces from what that one sent, instead of sending its first calls into a window the last run filled.
 * Rate limits count per app and person, as the token's file is kept.
 */
export function fileGovernorMemory(tokenPath: string): GovernorMemory {
  const path = tokenPath.replace(/\.json$/, ".governor.json");
  return {
    load() {
      try {
        return JSON.parse(readFileSync(path, "utf8")) as GovernorState;
      } catch {
        return null;
      }
    },
    save(state) {
      try {
        mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify(state), { mode: 0o600 });
        chmodSync(temporary, 0o600);
        renameSync(temporary, path);
      } catch {
        // Pacing from a little less knowledge is better than failing the call that was answered.
      }
    },
  };
}

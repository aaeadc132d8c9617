import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The built files, as clasp pushes them: `npm test` builds before it runs the tests. */
export const DIST = join(import.meta.dirname, "../dist");

export function readDist(file: string): string {
  const path = join(DIST, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first.`);
  return readFileSync(path, "utf8");
}

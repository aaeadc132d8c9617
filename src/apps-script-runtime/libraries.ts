import { readFileSync } from "node:fs";
import type { Manifest } from "./manifest";
import type { LibrarySource } from "./worker-pool";

/** The libraries this runtime has a copy of, by the user symbol the manifest gives them; files in load order. */
const KNOWN_LIBRARIES: Readonly<Record<string, { folder: string; files: readonly string[] }>> = {
  OAuth2: { folder: "oauth2", files: ["OAuth2.js", "Service.js", "Storage.js", "Utilities.js"] },
};

/** The sources of the manifest's libraries; a library this runtime has no copy of cannot be loaded. */
export function librarySources(manifest: Manifest): LibrarySource[] {
  return (manifest.dependencies?.libraries ?? []).map(({ userSymbol }) => {
    const known = KNOWN_LIBRARIES[userSymbol];
    if (!known) throw new Error(`The runtime has no copy of the library ${userSymbol}.`);
    return {
      symbol: userSymbol,
      files: known.files.map((name) => ({
        name: `${userSymbol}/${name}`,
        code: readFileSync(new URL(`./libraries/${known.folder}/${name}`, import.meta.url), "utf8"),
      })),
    };
  });
}

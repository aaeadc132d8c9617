import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import type { Token, TokenStore } from "../ringcentral/token";

/**
 * A person's token in a file under their config dir (XDG_CONFIG_HOME, else ~/.config), one per server, readable by
 * them alone (0600). Never in the workbook.
 */
export class FileTokenStore implements TokenStore {
  readonly path: string;

  constructor(server: string, configDir = process.env.XDG_CONFIG_HOME || join(homedir(), ".config")) {
    const name = server.replace(/^[a-z]+:\/\//i, "").replace(/[^A-Za-z0-9.-]+/g, "_");
    this.path = join(configDir, "rcsheets", "tokens", `${name}.json`);
  }

  load(): Token | null {
    try {
      return JSON.parse(readFileSync(this.path, "utf8")) as Token;
    } catch {
      return null;
    }
  }

  save(token: Token): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(token), { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.path);
  }

  clear(): void {
    rmSync(this.path, { force: true });
  }
}

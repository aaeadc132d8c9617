import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import type { Token, TokenStore } from "../ringcentral/token";

/** Whose token it is: the app, and the credential it signs in with (the JWT), never kept, only digested. */
export interface TokenOwner {
  clientId: string;
  jwt?: string;
}

/**
 * A person's token in a file under their config dir (XDG_CONFIG_HOME, else ~/.config), readable by them alone (0600),
 * never in the workbook. One per server, app and credential: switching RC_CLIENT_ID or RC_JWT to another customer on
 * the same server never picks up the previous customer's token.
 */
export class FileTokenStore implements TokenStore {
  readonly path: string;

  constructor(server: string, owner: TokenOwner, configDir = process.env.XDG_CONFIG_HOME || join(homedir(), ".config")) {
    const host = server.replace(/^[a-z]+:\/\//i, "").replace(/[^A-Za-z0-9.-]+/g, "_");
    const app = owner.clientId.replace(/[^A-Za-z0-9.-]+/g, "_");
    this.path = join(configDir, "rcsheets", "tokens", `${host}-${app}-${credentialDigest(owner.jwt ?? "")}.json`);
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

/** Sixteen hex digits of the credential's SHA-256: tells credentials apart, says nothing of them. */
function credentialDigest(credential: string): string {
  return createHash("sha256").update(credential).digest("hex").slice(0, 16);
}

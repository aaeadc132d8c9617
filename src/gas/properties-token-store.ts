import type { Token, TokenStore } from "../ringcentral/token";

/** Whose token it is: the app, and the JWT it signs in with (digested, never kept). */
export interface TokenOwner {
  clientId: string;
  jwt?: string;
}

/**
 * A person's token in their own user properties: per person, never in the sheet, never seen by other editors. Kept
 * per server, app and credential, so a connection to another customer's account on the same server never uses the
 * previous one's token.
 */
export class PropertiesTokenStore implements TokenStore {
  private readonly key: string;

  constructor(server: string, owner: TokenOwner) {
    const host = server.replace(/^[a-z]+:\/\//i, "");
    this.key = `rcsheets.token.${host}.${owner.clientId}.${credentialDigest(owner.jwt ?? "")}`;
  }

  load(): Token | null {
    const text = PropertiesService.getUserProperties().getProperty(this.key);
    if (!text) return null;
    try {
      return JSON.parse(text) as Token;
    } catch {
      return null;
    }
  }

  save(token: Token): void {
    PropertiesService.getUserProperties().setProperty(this.key, JSON.stringify(token));
  }

  clear(): void {
    PropertiesService.getUserProperties().deleteProperty(this.key);
  }
}

/** Sixteen hex digits of the credential's SHA-256 (Apps Script's Utilities; its bytes are signed). */
function credentialDigest(credential: string): string {
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, credential, Utilities.Charset.UTF_8);
  return bytes
    .slice(0, 8)
    .map((b) => ((b + 256) % 256).toString(16).padStart(2, "0"))
    .join("");
}

import { type Token, type TokenStore, tokenFromText } from "../ringcentral/token";

/** Whose token it is: the app, and the JWT it signs in with (digested, never kept). */
export interface TokenOwner {
  clientId: string;
  jwt?: string;
}

/** Where every person's JWT tokens are kept in their user properties: one key per server, app and credential. */
export const TOKEN_KEY_PREFIX = "rcsheets.token.";

/**
 * A person's token in their own user properties: per person, never in the sheet, never seen by other editors. Kept
 * per server, app and credential, so a connection to another customer's account on the same server never uses the
 * previous one's token.
 */
export class PropertiesTokenStore implements TokenStore {
  private readonly key: string;

  constructor(server: string, owner: TokenOwner) {
    const host = server.replace(/^[a-z]+:\/\//i, "");
    this.key = `${TOKEN_KEY_PREFIX}${host}.${owner.clientId}.${credentialDigest(owner.jwt ?? "")}`;
  }

  load(): Token | null {
    const text = PropertiesService.getUserProperties().getProperty(this.key);
    return text ? tokenFromText(text) : null;
  }

  save(token: Token): void {
    PropertiesService.getUserProperties().setProperty(this.key, JSON.stringify(token));
  }

  clear(): void {
    PropertiesService.getUserProperties().deleteProperty(this.key);
  }
}

/** Every JWT token the person's properties keep, of any server, app or credential (Disconnect). */
export function forgetJwtTokens(): void {
  const properties = PropertiesService.getUserProperties();
  for (const key of properties.getKeys()) if (key.startsWith(TOKEN_KEY_PREFIX)) properties.deleteProperty(key);
}

/** Sixteen hex digits of the credential's SHA-256 (Apps Script's Utilities; its bytes are signed). */
function credentialDigest(credential: string): string {
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, credential, Utilities.Charset.UTF_8);
  return bytes
    .slice(0, 8)
    .map((b) => ((b + 256) % 256).toString(16).padStart(2, "0"))
    .join("");
}

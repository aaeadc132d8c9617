import { z } from "zod";

/** A person's tokens, as the token endpoint gave them (times in ms since the epoch). Never logged. */
export interface Token {
  accessToken: string;
  issuedAt: number;
  expiresAt: number;
  refreshToken?: string;
  refreshExpiresAt?: number;
  ownerId?: string;
}

/**
 * Where a person's token is kept: user properties in Apps Script, a file under the user's config dir in Node. `load`
 * answers null when there is none, and throws UnreadableTokenError for a record it cannot read (never a SyntaxError).
 */
export interface TokenStore {
  load(): Token | null;
  save(token: Token): void;
  clear(): void;
}

/** A stored token that cannot be read (bad JSON, cut short, another shape): no token, and the person is told why. */
export class UnreadableTokenError extends Error {
  constructor() {
    super("Your saved RingCentral sign-in could not be read: sign in again.");
    this.name = "UnreadableTokenError";
  }
}

/**
 * Held while a token is renewed, across everything that shares the store (in Apps Script, the executions of one
 * person: Apps Script's user lock). A refresh token is good once: two renewals at once would burn it.
 */
export interface TokenLock {
  hold<T>(work: () => Promise<T>): Promise<T>;
}

export class MemoryTokenStore implements TokenStore {
  private token: Token | null = null;
  load(): Token | null {
    return this.token;
  }
  save(token: Token): void {
    this.token = { ...token };
  }
  clear(): void {
    this.token = null;
  }
}

const StoredTokenSchema = z.object({
  accessToken: z.string().min(1),
  issuedAt: z.number(),
  expiresAt: z.number(),
  refreshToken: z.string().min(1).optional(),
  refreshExpiresAt: z.number().optional(),
  ownerId: z.string().optional(),
});

/** A token as a store kept it (JSON text), or UnreadableTokenError: a record cut short or of another shape is none. */
export function tokenFromText(text: string): Token {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UnreadableTokenError();
  }
  const token = StoredTokenSchema.safeParse(value);
  if (!token.success) throw new UnreadableTokenError();
  return token.data;
}

/** The token endpoint's answer (TokenInfo) as a Token. */
export function tokenFromInfo(info: TokenInfoBody, now: number): Token {
  return {
    accessToken: info.access_token,
    issuedAt: now,
    expiresAt: now + Number(info.expires_in) * 1000,
    ...(info.refresh_token ? { refreshToken: info.refresh_token } : {}),
    ...(info.refresh_token_expires_in ? { refreshExpiresAt: now + Number(info.refresh_token_expires_in) * 1000 } : {}),
    ...(info.owner_id ? { ownerId: String(info.owner_id) } : {}),
  };
}

export interface TokenInfoBody {
  access_token: string;
  expires_in: number | string;
  refresh_token?: string;
  refresh_token_expires_in?: number | string;
  owner_id?: string;
}

/** Refresh ahead of expiry (the last tenth of its life, at most 5 minutes), so that no call meets an expired token. */
export function needsRefresh(token: Token, now: number): boolean {
  const lifetime = token.expiresAt - token.issuedAt;
  return token.expiresAt - now < Math.min(lifetime * 0.1, 5 * 60_000);
}

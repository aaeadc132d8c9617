import { z } from "zod";
import { type Token, type TokenStore, UnreadableTokenError } from "../ringcentral/token";
import type { LibraryToken, OAuth2Service } from "./oauth2-library";

const Seconds = z.union([z.number(), z.string().regex(/^\d+$/)]);

/** The fields of the library's record that the client reads; anything else it holds is kept as it is. */
const LibraryTokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: Seconds.optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: Seconds.optional(),
  owner_id: z.union([z.string(), z.number()]).optional(),
  granted_time: z.number().optional(),
  expiresAt: z.number().optional(),
  refreshTokenExpiresAt: z.number().optional(),
});

/**
 * The RingCentral client's TokenStore over the OAuth2 library's storage (the person's user properties). The library
 * signs the person in (authorization URL, state, PKCE, code exchange); from then on the client refreshes the token,
 * paced by its governor like every other call, and saves it back here in the library's own shape, so the library's
 * `hasAccess()` stays true and one token lives in one place.
 */
export class OAuth2TokenStore implements TokenStore {
  constructor(private readonly service: OAuth2Service) {}

  /**
   * The library parses its record with JSON.parse, so a record cut short throws a SyntaxError there; that, and a
   * record of another shape, is an unreadable token, never an error the person sees as such.
   */
  load(): Token | null {
    let record: unknown;
    try {
      record = this.service.getToken(true);
    } catch {
      throw new UnreadableTokenError();
    }
    if (record === null || record === undefined) return null;
    const token = LibraryTokenSchema.safeParse(record);
    if (!token.success) throw new UnreadableTokenError();
    return fromLibrary(token.data);
  }

  save(token: Token): void {
    this.service.getStorage().setValue(null, toLibrary(token));
  }

  clear(): void {
    this.service.reset();
  }
}

const seconds = (ms: number) => Math.floor(ms / 1000);

function fromLibrary(token: LibraryToken): Token {
  const lifetime = Number(token.expires_in ?? 3600) * 1000;
  const expiresAt =
    token.expiresAt !== undefined ? token.expiresAt * 1000 : (token.granted_time ?? seconds(Date.now())) * 1000 + lifetime;
  const refreshExpiresAt =
    token.refreshTokenExpiresAt !== undefined
      ? token.refreshTokenExpiresAt * 1000
      : token.refresh_token_expires_in !== undefined && token.granted_time !== undefined
        ? (token.granted_time + Number(token.refresh_token_expires_in)) * 1000
        : undefined;
  return {
    accessToken: token.access_token,
    issuedAt: expiresAt - lifetime,
    expiresAt,
    ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}),
    ...(refreshExpiresAt !== undefined ? { refreshExpiresAt } : {}),
    ...(token.owner_id ? { ownerId: String(token.owner_id) } : {}),
  };
}

function toLibrary(token: Token): LibraryToken {
  return {
    access_token: token.accessToken,
    expires_in: seconds(token.expiresAt - token.issuedAt),
    granted_time: seconds(token.issuedAt),
    expiresAt: seconds(token.expiresAt),
    ...(token.refreshToken ? { refresh_token: token.refreshToken } : {}),
    ...(token.refreshExpiresAt !== undefined ? { refreshTokenExpiresAt: seconds(token.refreshExpiresAt) } : {}),
    ...(token.ownerId ? { owner_id: token.ownerId } : {}),
  };
}

/** Apps registered with the sandbox, and the JWT credentials its users created. */
export type AppPermission = "ReadAccounts" | "EditAccounts" | "EditExtensions" | "RoleManagement";
export type Grant = "jwt" | "authorization_code" | "refresh_token";

/** Everything the product needs; the default app has all of it. */
export const productPermissions: readonly AppPermission[] = ["ReadAccounts", "EditAccounts", "EditExtensions", "RoleManagement"];
export const allGrants: readonly Grant[] = ["jwt", "authorization_code", "refresh_token"];

export interface RegisteredApp {
  clientId: string;
  /** Absent for a public (client-side, PKCE) app: it sends `client_id` in the body and no secret. */
  clientSecret?: string;
  permissions: ReadonlySet<AppPermission>;
  grants: ReadonlySet<Grant>;
  /** Empty means any http(s) URI is accepted. */
  redirectUris: readonly string[];
}

export interface JwtCredential {
  ownerId: number;
  /** When set, only these apps may exchange it (as the Developer Console allows). */
  clientIds?: readonly string[];
}

export interface AppRegistration {
  clientId?: string;
  clientSecret?: string | null;
  permissions?: readonly AppPermission[];
  grants?: readonly Grant[];
  redirectUris?: readonly string[];
}

import { z } from "zod";
import { ServerAddressSchema } from "./connection";

/** What a person gives to sign in through RingCentral's own page: the server and the app's id (and secret, if any). */
export const AuthorizationSettingsSchema = z.object({
  server: ServerAddressSchema,
  clientId: z.string().min(1),
  clientSecret: z.string().optional(),
});
export type AuthorizationSettings = z.infer<typeof AuthorizationSettingsSchema>;

/** What the sidebar sends to start signing in: the server as typed, checked by the function (a message, not a throw). */
export const AuthorizationRequestSchema = AuthorizationSettingsSchema.extend({ server: z.string() });

/**
 * The authorization code flow (with PKCE) of a home that can receive RingCentral's redirect. `start` remembers the
 * settings as pending and answers the page to open; the home's callback makes them the person's connection once
 * RingCentral has given a token, so until then the person is not connected.
 */
export interface AuthorizationFlow {
  start(settings: AuthorizationSettings): { url: string; redirectUri: string };
}

import { z } from "zod";
import type { RingCentralClient } from "../ringcentral/client";
import { checkServerAddress } from "../ringcentral/server-address";

/** A RingCentral server's address, checked and normalised without `URL` (Apps Script has none). */
export const ServerAddressSchema = z.string().transform((text, context) => {
  const checked = checkServerAddress(text);
  if (checked.ok) return checked.address;
  context.addIssue({ code: "custom", message: checked.problem });
  return z.NEVER;
});

/** Where and as whom a person syncs: per person (user properties, a config file), never in the sheet. */
export const ConnectionSettingsSchema = z.object({
  server: ServerAddressSchema,
  clientId: z.string().min(1),
  clientSecret: z.string().optional(),
  jwt: z.string().optional(),
});
export type ConnectionSettings = z.infer<typeof ConnectionSettingsSchema>;

/**
 * What the sidebar sends to connect: the server as typed, so that a wrong address is answered as a message the
 * person can act on rather than refused as bad input.
 */
export const ConnectRequestSchema = ConnectionSettingsSchema.extend({ server: z.string() });

/** The RingCentral connection of the person using the home. */
export interface Connection {
  settings(): ConnectionSettings | null;
  save(settings: ConnectionSettings): void;
  clear(): void;
  /** A client for the saved settings; throws NotSignedInError when there are none. */
  client(): RingCentralClient;
}

import { z } from "zod";
import type { RingCentralClient } from "../ringcentral/client";

/** Where and as whom a person syncs: per person (user properties, a config file), never in the sheet. */
export const ConnectionSettingsSchema = z.object({
  server: z.string().url(),
  clientId: z.string().min(1),
  clientSecret: z.string().optional(),
  jwt: z.string().optional(),
});
export type ConnectionSettings = z.infer<typeof ConnectionSettingsSchema>;

/** The RingCentral connection of the person using the home. */
export interface Connection {
  settings(): ConnectionSettings | null;
  save(settings: ConnectionSettings): void;
  clear(): void;
  /** A client for the saved settings; throws NotSignedInError when there are none. */
  client(): RingCentralClient;
}

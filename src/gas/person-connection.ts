import { type ConnectionSettings, ConnectionSettingsSchema } from "../server/connection";

/**
 * The person's RingCentral connection in their user properties: never in the sheet, never another editor's. A
 * sign-in through RingCentral's page waits apart until the callback has a token (pending-sign-in.ts).
 */
const CONNECTION_KEY = "rcsheets.connection";

const properties = () => PropertiesService.getUserProperties();

export function readConnection(): ConnectionSettings | null {
  return parsed(properties().getProperty(CONNECTION_KEY));
}

export function saveConnection(settings: ConnectionSettings): void {
  properties().setProperty(CONNECTION_KEY, JSON.stringify(settings));
}

export function forgetConnection(): void {
  properties().deleteProperty(CONNECTION_KEY);
}

function parsed(text: string | null): ConnectionSettings | null {
  if (!text) return null;
  try {
    const result = ConnectionSettingsSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

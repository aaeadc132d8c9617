import { type ConnectionSettings, ConnectionSettingsSchema } from "../server/connection";

/**
 * The person's RingCentral connection in their user properties: never in the sheet, never another editor's. A
 * sign-in through RingCentral's page waits under its own key until the callback has a token.
 */
const CONNECTION_KEY = "rcsheets.connection";
const AUTHORIZING_KEY = "rcsheets.authorizing";

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

export function readAuthorizing(): ConnectionSettings | null {
  return parsed(properties().getProperty(AUTHORIZING_KEY));
}

export function saveAuthorizing(settings: ConnectionSettings): void {
  properties().setProperty(AUTHORIZING_KEY, JSON.stringify(settings));
}

export function forgetAuthorizing(): void {
  properties().deleteProperty(AUTHORIZING_KEY);
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

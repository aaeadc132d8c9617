import { z } from "zod";
import { type ConnectionSettings, ConnectionSettingsSchema } from "../server/connection";

/** How long a sign-in through RingCentral's page waits for its callback; after that it is started again. */
const PENDING_SIGN_IN_MINUTES = 10;
/** The argument of the state token (the OAuth2 library carries it to the callback) that names the sign-in. */
export const SIGN_IN_ARGUMENT = "signIn";

const KEY = "rcsheets.authorizing";
const NOTHING_WAITING = "No sign-in is waiting: start again from the sidebar.";
const FOREIGN_OR_EXPIRED = "This sign-in link was started by someone else or has expired: start again from the sidebar.";

const PendingSchema = z.object({ settings: ConnectionSettingsSchema, nonce: z.string().min(1), expiresAt: z.number() });

const properties = () => PropertiesService.getUserProperties();

/**
 * A sign-in started by the person running the script: their settings wait in their own user properties with a
 * random nonce, which the state token carries to the callback. Only a callback that brings back this person's nonce,
 * within PENDING_SIGN_IN_MINUTES, finishes it: a callback link of someone else's sign-in (login CSRF: it would
 * connect this person as the other) finds another nonce, or none, and is refused.
 */
export function startPendingSignIn(settings: ConnectionSettings): string {
  const nonce = Utilities.getUuid();
  const expiresAt = Date.now() + PENDING_SIGN_IN_MINUTES * 60_000;
  properties().setProperty(KEY, JSON.stringify({ settings, nonce, expiresAt }));
  return nonce;
}

/**
 * The settings of the pending sign-in this callback finishes (taken: one callback ends it), or why it finishes none.
 * A callback that is not this person's leaves their own sign-in waiting: it was not theirs to end.
 */
export function takePendingSignIn(parameter: Readonly<Record<string, string>>): ConnectionSettings | { refused: string } {
  const pending = readPending();
  if (!pending) return { refused: NOTHING_WAITING };
  if (pending.expiresAt <= Date.now()) {
    forgetPendingSignIn();
    return { refused: FOREIGN_OR_EXPIRED };
  }
  if (parameter[SIGN_IN_ARGUMENT] !== pending.nonce) return { refused: FOREIGN_OR_EXPIRED };
  forgetPendingSignIn();
  return pending.settings;
}

export function forgetPendingSignIn(): void {
  properties().deleteProperty(KEY);
}

function readPending(): z.infer<typeof PendingSchema> | null {
  const text = properties().getProperty(KEY);
  if (!text) return null;
  try {
    const pending = PendingSchema.safeParse(JSON.parse(text));
    return pending.success ? pending.data : null;
  } catch {
    return null;
  }
}

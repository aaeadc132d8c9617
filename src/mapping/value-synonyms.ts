import { USER_TYPES, type UserType, WIZARD_STATES, type WizardState } from "../domain/user-type";
import { headerWords, nameKey } from "./header-words";

/** What phone systems and HR tools call the five user types (compared as words run together, any case). */
const USER_TYPE_SYNONYMS: Record<UserType, readonly string[]> = {
  User: ["User", "Standard", "Standard User", "Regular", "Regular User", "Digital Line", "DL"],
  "Virtual User": ["Virtual User", "Virtual", "Softphone", "Softphone Only", "Virtual Extension"],
  "Limited Extension": ["Limited Extension", "Limited", "Common Area", "Common Area Phone", "Limited Ext"],
  "Message Only": ["Message Only", "Voicemail", "Voicemail Only", "Take Messages Only", "Messages Only", "Voice Mail"],
  "Announcement Only": ["Announcement Only", "Announcement", "Announcements Only", "Announcement Extension"],
};

/** The same in Spanish, French, German, Portuguese, Italian and Dutch. */
const USER_TYPES_BY_LANGUAGE: Record<UserType, readonly string[]> = {
  User: ["Usuario", "Utilisateur", "Benutzer", "Usuário", "Utilizador", "Utente", "Gebruiker"],
  "Virtual User": [
    "Usuario virtual",
    "Utilisateur virtuel",
    "Virtueller Benutzer",
    "Usuário virtual",
    "Utente virtuale",
    "Virtuele gebruiker",
  ],
  "Limited Extension": ["Extensión limitada", "Poste limité", "Eingeschränkte Nebenstelle", "Ramal limitado", "Interno limitato"],
  "Message Only": [
    "Buzón de voz",
    "Solo mensajes",
    "Messagerie vocale",
    "Messages uniquement",
    "Nur Nachrichten",
    "Mailbox",
    "Correio de voz",
    "Somente mensagens",
    "Segreteria",
    "Solo messaggi",
    "Alleen berichten",
  ],
  "Announcement Only": [
    "Solo anuncios",
    "Annonce uniquement",
    "Nur Ansage",
    "Somente anúncio",
    "Solo annunci",
    "Alleen aankondiging",
  ],
};

const WIZARD_SYNONYMS: Record<WizardState, readonly string[]> = {
  "Not Started": ["Not Started", "Not Activated", "NotActivated", "Pending", "No", "False", "Incomplete"],
  Completed: ["Completed", "Complete", "Done", "Yes", "True", "Enabled", "Activated"],
};

function lookup<T extends string>(...tables: Record<T, readonly string[]>[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const table of tables)
    for (const [canonical, names] of Object.entries(table) as [T, readonly string[]][])
      for (const name of names) map.set(nameKey(headerWords(name)), canonical);
  return map;
}

const TYPES = lookup(USER_TYPE_SYNONYMS, USER_TYPES_BY_LANGUAGE);
const WIZARD = lookup(WIZARD_SYNONYMS);

/** The user type a value names, or null. A canonical value is returned as is. */
export function userTypeOf(value: string): UserType | null {
  if ((USER_TYPES as readonly string[]).includes(value)) return value as UserType;
  return TYPES.get(nameKey(headerWords(value))) ?? null;
}

export function wizardStateOf(value: string): WizardState | null {
  if ((WIZARD_STATES as readonly string[]).includes(value)) return value as WizardState;
  return WIZARD.get(nameKey(headerWords(value))) ?? null;
}

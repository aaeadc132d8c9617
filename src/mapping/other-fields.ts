import { headerWords, meaningfulWords, nameKey } from "./header-words";

/**
 * Headers of fields the Users tab has no column for, which customers' files carry beside the ones it has: a job
 * title, a country, a city, a company, a name particle. Such a column is never proposed, by name or by its values
 * (a job title column reads like names, "Puesto" is a letter or two from "Poste"), whatever the language.
 */
const OTHER_FIELDS = [
  // Job title.
  "Title",
  "Job Title",
  "Job",
  "Position",
  "Designation",
  "Occupation",
  "Puesto",
  "Cargo",
  "Puesto de trabajo",
  "Fonction",
  "Intitulé du poste",
  "Titre",
  "Funktion",
  "Stellenbezeichnung",
  "Berufsbezeichnung",
  "Titel",
  "Jobtitel",
  "Função",
  "Mansione",
  "Qualifica",
  "Posizione",
  "Titolo",
  "Functie",
  "Functietitel",
  // Country and region (read for phone numbers by row-country.ts, never a Users column).
  "Country",
  "Country Code",
  "Country/Region",
  "Region",
  "Usage Location",
  "País",
  "Pays",
  "Land",
  "Paese",
  "Nazione",
  // Address parts and company.
  "City",
  "Town",
  "State",
  "Province",
  "Street",
  "Ciudad",
  "Ville",
  "Stadt",
  "Ort",
  "Cidade",
  "Città",
  "Plaats",
  "Woonplaats",
  "Company",
  "Company Name",
  "Organization",
  "Organisation",
  "Empresa",
  "Société",
  "Entreprise",
  "Firma",
  "Unternehmen",
  "Azienda",
  "Bedrijf",
  // Name parts that are neither first nor last name.
  "Middle Name",
  "Middle Initial",
  "Initials",
  "Nickname",
  "Tussenvoegsel",
  "Segundo apellido",
  "Segundo nombre",
];

const KEYS = new Set(OTHER_FIELDS.map((name) => nameKey(headerWords(name))));

/**
 * Whether the words name a field Users has no column for, as they stand or once fillers are gone ("Job Title",
 * "Business Title", "Pays", "companyName").
 */
export function namesOtherField(words: readonly string[]): boolean {
  return KEYS.has(nameKey(words)) || KEYS.has(nameKey(meaningfulWords(words)));
}

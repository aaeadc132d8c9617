import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/mapping/csv";
import { nameMatches } from "../../src/mapping/name-match";
import { normaliseRecords } from "../../src/mapping/normalise";
import { proposedMapping, proposeMapping } from "../../src/mapping/proposal";
import { readSourceSheet } from "../../src/mapping/source-sheet";
import type { TargetField } from "../../src/mapping/synonyms";

/** Issue 19's classes of layouts, each as a rule over many headers or values, not the one corpus file per class. */
const sheetOf = (text: string) => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return readSourceSheet(parsed.rows);
};
const context = { siteCountry: new Map<string, string>(), defaultCountry: "US" };
const top = (header: string) => nameMatches(header).filter((m) => m.confidence >= 0.5)[0]?.field ?? null;

function expectFields(table: readonly (readonly [string, TargetField | null])[]): void {
  for (const [header, field] of table) expect(top(header), header).toBe(field);
}

describe("headers as common exports and other languages write them", () => {
  it("sets aside a qualifier in brackets or parentheses, but not a misleading word inside it", () => {
    expectFields([
      ["First Name [Required]", "firstName"],
      ["Email Address [Required]", "email"],
      ["Last name (required)", "lastName"],
      ["Extension (optional)", "ext"],
      ["Email (e.g. jane@company.com)", "email"],
      ["Site {mandatory}", "site"],
      ["Phone (Work)", "phone"],
      ["Department (optional)", "dept"],
      ["User type (User/Virtual User)", "userType"],
      ["Phone (personal)", null],
      ["Email (manager)", null],
      ["Job Title (optional)", null],
      ["Recovery Phone [MUST BE IN THE E.164 FORMAT]", null],
    ]);
    // A synonym that holds parentheses itself is still read whole.
    expect(nameMatches("Name (Last, First)")[0]).toMatchObject({ field: "fullName", confidence: 1 });
    expect(nameMatches("First Name [Required]")[0]?.confidence).toBeLessThan(1);
  });

  it("tries each of A/B, and a weak name (UPN, Login) loses to a plain one", () => {
    expectFields([
      ["User ID/Email (Required)", "email"],
      ["E-mail/Login", "email"],
      ["Country/Region", null],
    ]);
    const sheet = sheetOf("userPrincipalName,mail,givenName,surname\na@corp.example,ann@example.com,Ann,Lee\n");
    expect(proposedMapping(proposeMapping(sheet)).email).toBe("mail");
    const upnOnly = sheetOf("User principal name,First name,Last name\nann@example.com,Ann,Lee\n");
    expect(proposedMapping(proposeMapping(upnOnly)).email).toBe("User principal name");
  });

  it.each([
    [
      "Spanish",
      [
        ["Nombre", "firstName"],
        ["Apellidos", "lastName"],
        ["Nombre completo", "fullName"],
        ["Correo electrónico", "email"],
        ["Extensión", "ext"],
        ["Número de teléfono", "phone"],
        ["Sede", "site"],
        ["Sucursal", "site"],
        ["Departamento", "dept"],
        ["Tipo de usuario", "userType"],
        ["Puesto", null],
        ["Cargo", null],
        ["País", null],
      ],
    ],
    [
      "French",
      [
        ["Prénom", "firstName"],
        ["Nom de famille", "lastName"],
        ["Nom complet", "fullName"],
        ["Adresse e-mail", "email"],
        ["Courriel", "email"],
        ["N° de poste", "ext"],
        ["Téléphone fixe", "phone"],
        ["Bureau", "site"],
        ["Service", "dept"],
        ["Type d'utilisateur", "userType"],
        ["Fonction", null],
        ["Intitulé du poste", null],
        ["Téléphone portable", null],
        ["Pays", null],
      ],
    ],
    [
      "German",
      [
        ["Vorname", "firstName"],
        ["Familienname", "lastName"],
        ["E-Mail-Adresse", "email"],
        ["Nebenstelle", "ext"],
        ["Telefonnummer", "phone"],
        ["Niederlassung", "site"],
        ["Abteilung", "dept"],
        ["Benutzertyp", "userType"],
        ["Stellenbezeichnung", null],
        ["Mobilnummer", null],
        ["Land", null],
      ],
    ],
    [
      "Portuguese",
      [
        ["Nome", "firstName"],
        ["Sobrenome", "lastName"],
        ["Nome completo", "fullName"],
        ["Endereço de e-mail", "email"],
        ["Ramal", "ext"],
        ["Telefone", "phone"],
        ["Filial", "site"],
        ["Setor", "dept"],
        ["Tipo de usuário", "userType"],
        ["Cargo", null],
        ["Celular", null],
      ],
    ],
    [
      "Italian",
      [
        ["Nome", "firstName"],
        ["Cognome", "lastName"],
        ["Nome e cognome", "fullName"],
        ["Indirizzo email", "email"],
        ["Interno", "ext"],
        ["Numero di telefono", "phone"],
        ["Sede", "site"],
        ["Reparto", "dept"],
        ["Tipo utente", "userType"],
        ["Mansione", null],
        ["Cellulare", null],
        ["Paese", null],
      ],
    ],
    [
      "Dutch",
      [
        ["Voornaam", "firstName"],
        ["Achternaam", "lastName"],
        ["Volledige naam", "fullName"],
        ["E-mailadres", "email"],
        ["Toestelnummer", "ext"],
        ["Telefoonnummer", "phone"],
        ["Vestiging", "site"],
        ["Afdeling", "dept"],
        ["Gebruikerstype", "userType"],
        ["Functie", null],
        ["Tussenvoegsel", null],
        ["Mobiel nummer", null],
      ],
    ],
  ] as const)("reads headers in %s", (_, table) => expectFields(table));

  it("reads user types written in those languages", () => {
    const sheet = sheetOf(
      "Correo;Tipo de usuario\na@example.com;Usuario\nb@example.com;Buzón de voz\nc@example.com;Virtueller Benutzer\n",
    );
    const mapping = proposedMapping(proposeMapping(sheet));
    expect(mapping.userType).toBe("Tipo de usuario");
    const { rows } = normaliseRecords(sheet, mapping, context);
    expect(rows.map((r) => r.values.userType)).toEqual(["User", "Message Only", "Virtual User"]);
  });

  it("never takes secrets an export masks for a PIN or password", () => {
    const sheet = sheetOf("Email,Password [Required],PIN\na@example.com,****,••••\nb@example.com,****,••••\n");
    const mapping = proposedMapping(proposeMapping(sheet));
    expect([mapping.password, mapping.pin]).toEqual([null, null]);
  });
});

describe("a person's name in a column titled by a role", () => {
  it.each(["Employee", "Contact", "Owner", "Assigned to", "Holder", "Empleado", "Mitarbeiter"])(
    'finds "Last, First" names under "%s" and splits them',
    (title) => {
      const sheet = sheetOf(
        `${title},Email,Job Title,Department\n"Hopper, Grace",grace@example.com,Rear Admiral,Navy\n"Ritchie, Dennis",dmr@example.com,Researcher,Navy\n"van Rossum, Guido",guido@example.com,Researcher,Python\n`,
      );
      const mapping = proposedMapping(proposeMapping(sheet));
      expect([mapping.firstName, mapping.lastName]).toEqual([title, title]);
      const { rows } = normaliseRecords(sheet, mapping, context);
      expect(rows.map((r) => [r.values.firstName, r.values.lastName])).toEqual([
        ["Grace", "Hopper"],
        ["Dennis", "Ritchie"],
        ["Guido", "van Rossum"],
      ]);
    },
  );

  it('finds "First Last" names when no two rows share one, and leaves repeated or titled values alone', () => {
    const named = sheetOf(
      "Owner,Email,Title,Team\nGrace Hopper,g@example.com,Rear Admiral,Compilers\nDennis Ritchie,d@example.com,Staff Engineer,Unix\nKen Thompson,k@example.com,Staff Engineer,Unix\n",
    );
    expect(proposedMapping(proposeMapping(named)).firstName).toBe("Owner");
    // Sites repeat: "San Mateo" twice is no person.
    const sites = sheetOf("Where,Email\nSan Mateo,a@example.com\nSan Mateo,b@example.com\nNew York,c@example.com\n");
    expect(proposedMapping(proposeMapping(sites)).firstName).toBeNull();
  });

  it("asks when two columns read like names equally", () => {
    const two = sheetOf(
      'Owner,Backup,Email\n"Hopper, Grace","Ritchie, Dennis",g@example.com\n"Lee, Ann","Chan, Bo",a@example.com\n',
    );
    const proposal = proposeMapping(two);
    expect(proposal.firstName).toMatchObject({ source: null, unsure: expect.stringMatching(/"Owner" and "Backup"/) });
  });

  it("does not take a name column by its values when first and last names have their own columns", () => {
    const sheet = sheetOf('First,Last,Assigned to,Email\nAnn,Lee,"Chan, Bo",a@example.com\nCy,Diaz,"Chan, Bo",c@example.com\n');
    expect(proposedMapping(proposeMapping(sheet))).toMatchObject({ firstName: "First", lastName: "Last" });
  });
});

describe("a vertical sheet told by its label column", () => {
  it.each([
    ["Site,Office,Branch,Office,Location,Campus"],
    ["Department,Team,Division,Team,Team,Business Unit"],
    ["Type,User,User,Virtual User,User,User"],
  ])("reads it vertical though its first row is %s", (first) => {
    const users = 5;
    const row = (label: string, value: (i: number) => string) =>
      [label, ...Array.from({ length: users }, (_, i) => value(i))].join(",");
    const sheet = sheetOf(
      [
        first,
        row("First Name", (i) => `Ann${i}`),
        row("Last Name", (i) => `Lee${i}`),
        row("Email", (i) => `ann${i}@example.com`),
        row("Ext", (i) => `${101 + i}`),
      ].join("\n"),
    );
    expect(sheet.orientation).toBe("vertical");
    expect(sheet.headers.slice(1)).toEqual(["First Name", "Last Name", "Email", "Ext"]);
    expect(sheet.records).toHaveLength(users);
  });

  it("still reads a horizontal sheet horizontal when its first column's values look like labels", () => {
    const sheet = sheetOf("Site,Email,Ext\nOffice,a@example.com,101\nBranch,b@example.com,102\nLocation,c@example.com,103\n");
    expect(sheet.orientation).toBe("horizontal");
    expect(sheet.headers).toEqual(["Site", "Email", "Ext"]);
  });
});

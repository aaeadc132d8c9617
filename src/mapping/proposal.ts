import { USERS_TAB, type UsersKey } from "../domain/tabs";
import { unescapeFormula } from "./formula-escape";
import { emptyMapping, type FieldMapping, OWN_KEYS, USERS_KEYS } from "./mapping";
import { isMisleading, type NameMatch, nameMatches } from "./name-match";
import type { SourceSheet } from "./source-sheet";
import type { TargetField } from "./synonyms";
import { profileValues, type ValueProfile } from "./value-kinds";

/** The proposal for one Users column: the source field, how sure (0 to 1), and why. */
export interface FieldProposal {
  source: string | null;
  confidence: number;
  reason: string;
  /**
   * Why the column was left for the person though a field may fit: two fields fit as well as each other, or the
   * only one is a weak match. Shown on the column in the wizard.
   */
  unsure?: string;
}

export type MappingProposal = Record<UsersKey, FieldProposal>;

/** Below this a column stays unmapped: a wrong match is worse than none. */
export const MIN_CONFIDENCE = 0.5;
/** Two fields this close for one column: the proposal cannot tell which is meant, so it asks. */
const TIE = 0.1;
/** A weaker match than MIN_CONFIDENCE but at least this is named as a maybe, not proposed. */
const MAYBE = 0.3;
/** A name whose values contradict it ("Email" full of Yes/No) keeps this share of its confidence. */
const CONTRADICTED = 0.3;

interface Candidate {
  field: TargetField;
  column: number;
  confidence: number;
  reason: string;
}

/**
 * Proposes a source field for every Users column: by name (synonyms, fillers, typos), checked against the values,
 * then by the values alone (a column of emails, of E.164 numbers, of 3–8 digit extensions). Each source field feeds
 * one column, the surest match first; one full-name field feeds First and Last Name when neither has its own.
 */
export function proposeMapping(sheet: SourceSheet): MappingProposal {
  const profiles = sheet.headers.map((_, i) => profileValues(sheet.records.map((r) => unescapeFormula(r.cells[i] ?? ""))));
  const duplicates = new Set(sheet.duplicates.map((d) => d.toLowerCase()));
  const candidates = sheet.headers.flatMap((header, column) =>
    duplicates.has(header.toLowerCase()) ? [] : candidatesOf(header, column, profiles[column] as ValueProfile),
  );
  candidates.sort((a, b) => b.confidence - a.confidence || a.column - b.column);
  const proposal = unmapped();
  const taken = new Set<number>();
  for (const c of candidates) {
    if (c.field === "fullName" || c.confidence < MIN_CONFIDENCE || taken.has(c.column)) continue;
    if ((OWN_KEYS as string[]).includes(c.field) || proposal[c.field].source !== null || proposal[c.field].unsure) continue;
    const rival = candidates.find(
      (r) => r.field === c.field && r.column !== c.column && !taken.has(r.column) && c.confidence - r.confidence < TIE,
    );
    if (rival) {
      proposal[c.field] = { ...proposal[c.field], unsure: tied(sheet.headers, c, rival) };
      continue;
    }
    proposal[c.field] = { source: sheet.headers[c.column] as string, confidence: c.confidence, reason: c.reason };
    taken.add(c.column);
  }
  proposeFullName(proposal, candidates, sheet.headers, taken);
  nameMaybes(proposal, candidates, sheet.headers, taken);
  proposeLineUriExtension(proposal, sheet.headers, profiles);
  proposeOwnColumns(proposal, sheet.headers);
  return proposal;
}

/** The mapping a proposal amounts to. */
export function proposedMapping(proposal: MappingProposal): FieldMapping {
  const mapping = emptyMapping();
  for (const key of USERS_KEYS) mapping[key] = proposal[key].source;
  return mapping;
}

function candidatesOf(header: string, column: number, profile: ValueProfile): Candidate[] {
  const byName = nameMatches(header).map((m) => checkedByValues(m, column, profile));
  if (byName.some((c) => c.confidence >= MIN_CONFIDENCE) || isMisleading(header)) return byName;
  return [...byName, ...byValues(column, profile)];
}

function checkedByValues(match: NameMatch, column: number, profile: ValueProfile): Candidate {
  const fits = fitsValues(match.field, profile);
  return fits
    ? { ...match, column }
    : { ...match, column, confidence: match.confidence * CONTRADICTED, reason: `${match.reason}, but its values do not fit` };
}

/** Whether the values can be what the field holds (an empty column says nothing against it). */
function fitsValues(field: TargetField, p: ValueProfile): boolean {
  if (p.filled === 0) return true;
  switch (field) {
    case "email":
      return p.email >= 0.5;
    case "ext":
      return p.extension >= 0.5;
    case "phone":
    case "tempNumber":
      return p.phoneLike + p.lineUri >= 0.5;
    case "userType":
      return p.userType >= 0.5;
    case "setupWizard":
      return p.wizard >= 0.5;
    case "firstName":
    case "lastName":
    case "fullName":
      return p.email < 0.5 && p.phoneLike + p.lineUri < 0.5;
    case "pin":
    case "password":
    case "secretAnswer":
      return p.masked < 0.5;
    default:
      return true;
  }
}

/** A field whose header says nothing known, judged by its values alone. */
function byValues(column: number, p: ValueProfile): Candidate[] {
  if (p.filled === 0) return [];
  const found: Candidate[] = [];
  if (p.email >= 0.9) found.push({ field: "email", column, confidence: 0.6, reason: "its values are email addresses" });
  if (p.e164 >= 0.9) found.push({ field: "phone", column, confidence: 0.55, reason: "its values are E.164 phone numbers" });
  if (p.lineUri >= 0.9) found.push({ field: "phone", column, confidence: 0.6, reason: "its values are Teams line URIs" });
  if (p.extension >= 0.9 && p.unique)
    found.push({ field: "ext", column, confidence: 0.55, reason: "its values are distinct 3–8 digit extensions" });
  if (p.userType >= 0.9) found.push({ field: "userType", column, confidence: 0.6, reason: "its values are user types" });
  // A person's name under a title that names a role ("Employee", "Assigned to", "Holder"): "Last, First" says so
  // plainly; "First Last" only when no two rows share it (departments, sites and job titles repeat).
  if (p.lastFirst >= 0.8)
    found.push({ field: "fullName", column, confidence: 0.65, reason: 'its values are names written "Last, First"' });
  else if (p.firstLast >= 0.8 && p.unique && p.filled >= 2)
    found.push({ field: "fullName", column, confidence: 0.55, reason: 'its values are names written "First Last"' });
  return found;
}

function proposeFullName(proposal: MappingProposal, candidates: Candidate[], headers: string[], taken: Set<number>): void {
  if (proposal.firstName.source !== null || proposal.lastName.source !== null) return;
  const names = candidates.filter((c) => c.field === "fullName" && c.confidence >= MIN_CONFIDENCE && !taken.has(c.column));
  const [best, rival] = names;
  if (!best) return;
  if (rival && best.confidence - rival.confidence < TIE) {
    const unsure = tied(headers, best, rival);
    proposal.firstName = { ...proposal.firstName, unsure };
    proposal.lastName = { ...proposal.lastName, unsure };
    return;
  }
  const split = {
    source: headers[best.column] as string,
    confidence: best.confidence,
    reason: `${best.reason}: a full name, split`,
  };
  proposal.firstName = split;
  proposal.lastName = { ...split };
  taken.add(best.column);
}

function tied(headers: string[], a: Candidate, b: Candidate): string {
  const [first, second] = [a, b].sort((x, y) => x.column - y.column) as [Candidate, Candidate];
  return `"${headers[first.column]}" and "${headers[second.column]}" fit ${headerOf(a.field)} equally well: choose the right one.`;
}

/** A column left empty that a weak match could fill: named as a maybe, for the person to decide. */
function nameMaybes(proposal: MappingProposal, candidates: Candidate[], headers: string[], taken: Set<number>): void {
  for (const key of USERS_KEYS) {
    if (proposal[key].source !== null || proposal[key].unsure || (OWN_KEYS as string[]).includes(key)) continue;
    const maybe = candidates.find((c) => c.field === key && c.confidence >= MAYBE && !taken.has(c.column));
    if (maybe)
      proposal[key] = {
        ...proposal[key],
        unsure: `Maybe "${headers[maybe.column]}" (${maybe.reason}): not sure enough to choose it.`,
      };
  }
}

function headerOf(field: TargetField): string {
  return field === "fullName" ? "Full Name" : (USERS_TAB.columns.find((c) => c.key === field)?.header ?? field);
}

/** A Teams LineURI carries the extension too (`;ext=101`): it feeds Ext when no column of its own does. */
function proposeLineUriExtension(proposal: MappingProposal, headers: string[], profiles: ValueProfile[]): void {
  const phone = proposal.phone.source;
  if (phone === null || proposal.ext.source !== null) return;
  const profile = profiles[headers.indexOf(phone)];
  if (!profile || profile.lineUri < 0.9 || profile.lineUriExt < 0.9) return;
  proposal.ext = { source: phone, confidence: 0.8, reason: "the extension of its Teams line URIs (;ext=)" };
}

/** Status, RC Id, Synced At and Message come back only from one of our own exports, by their exact headers. */
function proposeOwnColumns(proposal: MappingProposal, headers: string[]): void {
  const exact = new Map(headers.map((h) => [h.trim().toLowerCase(), h]));
  if (!exact.has("rc id")) return;
  const own: Record<string, string> = { status: "status", rcId: "rc id", syncedAt: "synced at", message: "message" };
  for (const key of OWN_KEYS) {
    const source = exact.get(own[key] as string);
    if (source !== undefined) proposal[key] = { source, confidence: 1, reason: "our own export's column" };
  }
}

function unmapped(): MappingProposal {
  return Object.fromEntries(
    USERS_KEYS.map((k) => [k, { source: null, confidence: 0, reason: "no field fits" }]),
  ) as MappingProposal;
}

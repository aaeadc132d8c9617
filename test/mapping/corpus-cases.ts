import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { USERS_TAB } from "../../src/domain/tabs";
import { parseCsv } from "../../src/mapping/csv";
import { mappingByHeader } from "../../src/mapping/mapping";
import { type MappingProposal, proposedMapping, proposeMapping } from "../../src/mapping/proposal";
import { readSourceSheet, type SourceSheet } from "../../src/mapping/source-sheet";

/** Our copies of the shared corpus plus our own cases: each source beside NAME.expected.json. */
export const CORPUS_DIR = join(import.meta.dirname, "../fixtures/import");
export const corpusSources = readdirSync(CORPUS_DIR).filter((f) => !f.endsWith(".json") && !f.endsWith(".md"));

export interface Expected {
  orientation: string;
  /** Every Users column header → the source header it should come from (null: none); unlisted ones map to nothing. */
  fields: Record<string, string | null>;
}

export function expectedOf(source: string): Expected {
  const file = JSON.parse(readFileSync(join(CORPUS_DIR, source.replace(/\.[^.]+$/, ".expected.json")), "utf8"));
  const fields = Object.fromEntries(USERS_TAB.columns.map((c) => [c.header, file.fields[c.header] ?? null]));
  return { orientation: file.orientation, fields };
}

/** The source read and mapped as the wizard proposes it. */
export function mapCorpusSource(source: string): {
  sheet: SourceSheet;
  proposal: MappingProposal;
  got: { orientation: string; fields: Record<string, string | null> };
} {
  const parsed = parseCsv(readFileSync(join(CORPUS_DIR, source), "utf8"));
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const sheet = readSourceSheet(parsed.rows, "auto");
  const proposal = proposeMapping(sheet);
  return { sheet, proposal, got: mappingByHeader(sheet.orientation, proposedMapping(proposal)) };
}

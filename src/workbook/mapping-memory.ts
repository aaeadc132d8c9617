import { cellText } from "../domain/cell";
import { IMPORT_MAPPINGS_TAB } from "../domain/tabs";
import { headerSetKey, type MappingByHeader } from "../mapping/mapping";
import { decodeTab } from "./codec";
import { layoutOf } from "./layouts";
import type { Workbook } from "./port";
import { locateTabs, markerOf } from "./tab-location";
import { replaceRows } from "./table-replace";

/** The mapping last used for a source with these headers (any order, any case), or null. */
export function recallMapping(workbook: Workbook, headers: readonly string[]): MappingByHeader | null {
  const sheet = locateTabs(workbook).get("importMappings");
  if (!sheet) return null;
  const key = headerSetKey(headers);
  const found = decodeTab(IMPORT_MAPPINGS_TAB, workbook.read(sheet)).records.find((r) => r.headers === key);
  if (!found) return null;
  try {
    const stored = JSON.parse(found.mapping) as unknown;
    if (typeof stored !== "object" || stored === null) return null;
    const orientation = found.orientation === "vertical" ? "vertical" : "horizontal";
    // Two forms: the fields alone (before values were mapped), or {"fields":{…},"values":{…}}.
    if (!isObject((stored as { fields?: unknown }).fields))
      return { orientation, fields: stored as Record<string, string | null> };
    const { fields, values } = stored as { fields: Record<string, string | null>; values?: unknown };
    return isObject(values)
      ? { orientation, fields, values: values as Record<string, Record<string, string>> }
      : { orientation, fields };
  } catch {
    // A cell edited by hand into something that is not JSON: forget it rather than fail the import.
    return null;
  }
}

/** Remembers the mapping used for these headers, replacing the one before; adds the tab when Set up never ran. */
export function rememberMapping(workbook: Workbook, headers: readonly string[], mapping: MappingByHeader, usedAt: string): void {
  const sheet = mappingsSheet(workbook);
  const key = headerSetKey(headers);
  const records = decodeTab(IMPORT_MAPPINGS_TAB, workbook.read(sheet)).records.filter((r) => r.headers !== key);
  const entry = { headers: key, orientation: mapping.orientation, mapping: storedForm(mapping), usedAt };
  replaceRows(workbook, sheet, IMPORT_MAPPINGS_TAB, [entry, ...records]);
}

/** A Sheets cell holds at most 50,000 characters: value choices that would not fit are let go, the fields kept. */
const CELL_CHARACTERS = 50_000;

/** The fields alone when no value was mapped (the form older versions read), else fields and values. */
function storedForm(mapping: MappingByHeader): string {
  const fields = JSON.stringify(mapping.fields);
  if (!mapping.values || Object.keys(mapping.values).length === 0) return fields;
  const both = JSON.stringify({ fields: mapping.fields, values: mapping.values });
  return both.length <= CELL_CHARACTERS ? both : fields;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function mappingsSheet(workbook: Workbook): string {
  const found = locateTabs(workbook).get("importMappings");
  if (found) return found;
  const taken = new Set(workbook.sheets().map((s) => s.name));
  let name = IMPORT_MAPPINGS_TAB.name;
  for (let n = 2; taken.has(name); n++) name = `${IMPORT_MAPPINGS_TAB.name} (${n})`;
  workbook.addSheet(name);
  workbook.setMarker(name, markerOf("importMappings"));
  workbook.write(name, { row: 1, column: 1, values: [IMPORT_MAPPINGS_TAB.columns.map((c) => c.header)] });
  const header = workbook.read(name)[0] ?? [];
  const columns = new Map(IMPORT_MAPPINGS_TAB.columns.map((c) => [c.key, header.findIndex((h) => cellText(h) === c.header)]));
  workbook.applyLayout(name, layoutOf(IMPORT_MAPPINGS_TAB, columns, locateTabs(workbook)));
  return name;
}

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
    const fields = JSON.parse(found.mapping) as unknown;
    if (typeof fields !== "object" || fields === null) return null;
    const orientation = found.orientation === "vertical" ? "vertical" : "horizontal";
    return { orientation, fields: fields as Record<string, string | null> };
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
  const entry = { headers: key, orientation: mapping.orientation, mapping: JSON.stringify(mapping.fields), usedAt };
  replaceRows(workbook, sheet, IMPORT_MAPPINGS_TAB, [entry, ...records]);
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

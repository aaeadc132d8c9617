import type { MetadataNames } from "../apps-script-runtime/spreadsheet/xlsx-names";
import { MARKER_KEY } from "../gas/sheets-workbook";
import { markerName, markerOfName } from "../node/xlsx-workbook";

/**
 * The add-in's tab markers (developer metadata under `rcsheets.tab`) as the CLI keeps them in an .xlsx file: a
 * defined name each. The playground's spreadsheet is saved and loaded with them, so the CLI finds the add-in's tabs
 * in its file and the add-in finds the tabs of a workbook the CLI made.
 */
export const TAB_MARKERS: MetadataNames = { key: MARKER_KEY, nameOf: markerName, valueOf: markerOfName };

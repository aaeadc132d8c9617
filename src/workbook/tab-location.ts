import { TABS, type TabId } from "../domain/tabs";
import type { Workbook } from "./port";

/** The marker that names one of our tabs whatever the sheet is called. */
export function markerOf(tab: TabId): string {
  return `rcsheets:${tab}`;
}

/** The sheet that holds each of our tabs: the sheet carrying its marker, else an unmarked sheet of its default name. */
export function locateTabs(workbook: Workbook): Map<TabId, string> {
  const sheets = workbook.sheets();
  const located = new Map<TabId, string>();
  for (const tab of TABS) {
    const marked = sheets.find((s) => s.marker === markerOf(tab.id));
    const named = sheets.find((s) => s.marker === null && s.name === tab.name);
    const sheet = marked ?? named;
    if (sheet) located.set(tab.id, sheet.name);
  }
  return located;
}

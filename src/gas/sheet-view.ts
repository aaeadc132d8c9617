import type { Selection } from "../server/home";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The person's view of the spreadsheet: the cursor, the rows selected (every range of the list), rows shown. */
export function sheetView(spreadsheet: Spreadsheet): Required<Selection> {
  return {
    select(sheet, row, column) {
      const target = spreadsheet.getSheetByName(sheet);
      if (!target) return;
      target.activate();
      target.setActiveSelection(target.getRange(row, column));
    },

    /** The selection is the active sheet's: rows selected on another sheet are not what the person is looking at. */
    selectedRows(sheet) {
      const active = spreadsheet.getActiveSheet();
      if (active.getName() !== sheet) return [];
      const list = active.getActiveRangeList();
      const ranges: Range[] = list ? list.getRanges() : [active.getActiveRange()].filter((r): r is Range => r !== null);
      const rows = new Set<number>();
      const last = Math.max(active.getLastRow(), 1);
      for (const range of ranges) {
        const bottom = Math.min(range.getRow() + range.getNumRows() - 1, last);
        for (let row = Math.max(range.getRow(), 2); row <= bottom; row++) rows.add(row);
      }
      return [...rows].sort((a, b) => a - b);
    },

    /** Every row shown again, then the runs of rows not wanted hidden: a call per run, not per row. */
    showOnly(sheet, rows) {
      const target = spreadsheet.getSheetByName(sheet);
      if (!target) return;
      const max = target.getMaxRows();
      if (max > 1) target.showRows(2, max - 1);
      if (rows === null) return;
      const wanted = new Set(rows);
      const last = target.getLastRow();
      let start = 0;
      for (let row = 2; row <= last + 1; row++) {
        const hide = row <= last && !wanted.has(row);
        if (hide && !start) start = row;
        if (!hide && start) {
          target.hideRows(start, row - start);
          start = 0;
        }
      }
    },

    /** In the document's properties, by the sheet's id: it survives a rename, and every person sees the same rows. */
    keepFilter(sheet, tag) {
      const target = spreadsheet.getSheetByName(sheet);
      if (!target) return;
      const properties = PropertiesService.getDocumentProperties();
      if (tag === null) properties.deleteProperty(filterKey(target));
      else properties.setProperty(filterKey(target), tag);
    },

    keptFilter(sheet) {
      const target = spreadsheet.getSheetByName(sheet);
      return target ? PropertiesService.getDocumentProperties().getProperty(filterKey(target)) : null;
    },
  };
}

function filterKey(sheet: GoogleAppsScript.Spreadsheet.Sheet): string {
  return `rcsheets.tagFilter.${sheet.getSheetId()}`;
}

import type { TabAccess, TabRefusal } from "../server/tab-access";
import { PROTECTION_DESCRIPTION } from "./sheets-workbook";

/**
 * The sheet protections of the active spreadsheet that refuse the person running the add-in. Every editor may
 * change what a warning-only protection covers, so for an editor this costs one call per sheet protection (`canEdit`)
 * besides the list; only a refusal is looked at further.
 */
export const protectionRefusals: TabAccess = {
  refusals(): TabRefusal[] {
    const protections = SpreadsheetApp.getActiveSpreadsheet().getProtections(SpreadsheetApp.ProtectionType.SHEET);
    return protections
      .filter((protection) => !protection.canEdit())
      .map((protection) => ({
        sheet: protection.getRange().getSheet().getName(),
        warningOnly: protection.isWarningOnly(),
        ours: protection.getDescription() === PROTECTION_DESCRIPTION,
      }));
  },
};

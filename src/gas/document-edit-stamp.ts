import type { EditStamp } from "../server/edit-stamp";

/**
 * The edit stamp in the document's properties: onEdit is a simple trigger, which may write them (no authorization
 * needed), and every person's sidebar reads the same one. A fresh id each time, so two edits never share a stamp.
 */
const STAMP_KEY = "rcsheets.editStamp";

export const documentEditStamp: EditStamp = {
  stamp: () => PropertiesService.getDocumentProperties()?.getProperty(STAMP_KEY) ?? "",
  touch: () => {
    PropertiesService.getDocumentProperties()?.setProperty(STAMP_KEY, Utilities.getUuid());
  },
};

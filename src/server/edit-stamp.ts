import { z } from "zod";
import { serverFunction } from "./server-function";

/**
 * A mark that changes whenever a person edits the sheet (onEdit, before its check) or a fix is applied: the Validate
 * panel asks for it every few seconds while it is open, and validates again only when it changed. One property read
 * per ask, where a whole validation reads every tab.
 */
export interface EditStamp {
  stamp(): string;
  /** After a change to the sheet: the next stamp differs from every earlier one. */
  touch(): void;
}

/** The document's edit stamp ('' where the home keeps none: the Validate panel then never refreshes by itself). */
export const editStamp = serverFunction(z.object({}).default({}), (home): { stamp: string } => ({
  stamp: home.edits?.stamp() ?? "",
}));

import { z } from "zod";
import { USERS_TAB } from "../domain/tabs";
import { formatCsv } from "../mapping/csv";
import { serverFunction } from "./server-function";

/** Template: the Users header as CSV text to download; a file filled in on it imports with no mapping to change. */
export const usersTemplate = serverFunction(z.object({}).default({}), (): { fileName: string; text: string } => ({
  fileName: "users-template.csv",
  text: formatCsv([USERS_TAB.columns.map((c) => c.header)]),
}));

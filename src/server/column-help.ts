import { z } from "zod";
import { type ColumnHelp, usersColumnHelp } from "../domain/column-help";
import { serverFunction } from "./server-function";

export type { ColumnHelp };

/** Help for the import and each Users column: meaning, which types require it, allowed values. */
export const columnHelp = serverFunction(z.object({}).default({}), (): ColumnHelp[] => usersColumnHelp());

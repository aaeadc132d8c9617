import { z } from "zod";
import { type SetupReport, setUpWorkspace as setUp } from "../workbook/setup";
import { serverFunction } from "./server-function";

/** Set up workspace: creates or repairs every tab. */
export const setUpWorkspace = serverFunction(z.object({}).default({}), (home): SetupReport => setUp(home.workbook));

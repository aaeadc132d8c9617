import { z } from "zod";
import { type SetupReport, setUpWorkspace as setUp } from "../workbook/setup";
import { serverFunction } from "./server-function";
import { ensureTabAccess } from "./tab-access";

/** Set up workspace: creates or repairs every tab (unless a protection refuses the person one of them). */
export const setUpWorkspace = serverFunction(z.object({}).default({}), (home): SetupReport => {
  ensureTabAccess(home);
  return setUp(home.workbook);
});
